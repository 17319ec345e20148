import { LitElement, css, html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import { createClient } from '@invitekit/sdk/client';
import { kitMadeClient } from '../shared/not-connected.js';
import { clientContext, type InvitekitClient } from '../shared/context.js';
import { InvitekitSync, syncContext } from '../shared/sync.js';

/**
 * Gives every invitekit element inside it one SDK client, and keeps them in sync: when one element changes
 * something (sends, approves, revokes, renews, resends, dismisses), every other element of the same
 * organization inside this provider loads again. Sync hears the elements' own bubbling `invitekit-*` events, so a
 * listener that stops their propagation below the provider also stops the sync.
 *
 * @tagname invitekit-provider
 * @summary Shares an SDK client with the elements it contains.
 * @slot - The elements (and any markup) that use the client.
 */
export class InvitekitProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    organization: {},
    client: { attribute: false },
  };

  /** The API root, such as `/api`. Ignored when `client` is set. */
  baseUrl?: string;

  /** The default organization for the elements inside. Ignored when `client` is set. */
  organization?: string;

  /** A ready client (for tokens, a custom fetch or headers); takes precedence over `base-url`. */
  client?: InvitekitClient;

  /** Gives the elements inside `client`, or one made from `base-url` and `organization`. */
  protected readonly providedClient = new ContextProvider(this, { context: clientContext });

  /** The change hub the elements inside subscribe to (see `shared/sync.ts`); one per provider, never global. */
  protected readonly sync = new InvitekitSync(() => this.organization);

  constructor() {
    super();
    new ContextProvider(this, { context: syncContext, initialValue: this.sync });
    this.sync.listen(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('organization')) {
      this.providedClient.setValue(
        this.client ??
          (this.baseUrl
            ? kitMadeClient(
                createClient({
                  baseUrl: this.baseUrl,
                  ...(this.organization ? { organization: this.organization } : {}),
                }),
                this.baseUrl,
              )
            : undefined),
      );
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invitekit-provider': InvitekitProvider;
  }
}
