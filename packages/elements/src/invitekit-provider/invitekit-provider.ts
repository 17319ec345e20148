import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { createClient } from '@invitekit/sdk/client';
import { clientContext, type InvitekitClient } from '../shared/context.js';

/**
 * Gives every invitekit element inside it one SDK client.
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

  /** The API root, such as `/api`. Ignored when `client` is set. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** The default organization for the elements inside. Ignored when `client` is set. */
  @property() organization?: string;

  /** A ready client (for tokens, a custom fetch or headers); takes precedence over `base-url`. */
  @property({ attribute: false }) client?: InvitekitClient;

  /** What the elements inside receive: `client`, or one made from `base-url` and `organization`. */
  @provide({ context: clientContext })
  protected providedClient?: InvitekitClient;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('organization')) {
      this.providedClient =
        this.client ??
        (this.baseUrl
          ? createClient({ baseUrl: this.baseUrl, ...(this.organization ? { organization: this.organization } : {}) })
          : undefined);
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
