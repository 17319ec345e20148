import { LitElement, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { ClientOptions } from '@invitekit/sdk';
import { clientContext, type InvitekitClient } from './context.js';
import { LocaleController } from './i18n.js';
import { emit } from './events.js';
import { NotConnectedError } from './not-connected.js';

const PROVIDER_TAG = 'invitekit-provider';
/** How long an element inside a provider waits for the provider's client before making its own. */
const PROVIDER_GRACE_MS = 2000;

/** The nearest `<invitekit-provider>` above `element`, across shadow roots. */
function providerAbove(element: Element): Element | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === PROVIDER_TAG) return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/**
 * What every invitekit element shares: the SDK client, the organization, the theme and the language.
 *
 * The client comes from an enclosing `<invitekit-provider>` (context), or the `client` property. With neither,
 * the element makes its own for `base-url` once connected, so that it works alone, with nothing but a script
 * and its tag. Which client that is (the whole SDK, or only its public calls) is the subclass's choice, so that
 * a public element's bundle never even references the admin client.
 */
export abstract class BaseElement extends LitElement {
  // Reactive properties are declared in `static properties` (Lit's API without decorators) in every element: the
  // decorators' code and one call per property weighed about 1 KB gzipped on every page that loads the kit.
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    organization: { reflect: true },
    theme: { reflect: true },
    clientUnavailable: { state: true },
  };

  /** The SDK client. Given by an enclosing `<invitekit-provider>`, or set directly. */
  client?: InvitekitClient;

  /** The API root for the element's own client, used only when no provider or `client` gives one. */
  baseUrl = '/api';

  /** The organization's slug; defaults to the client's own `organization`. */
  organization?: string;

  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark';

  /**
   * Whether the element gave up on getting a client: none was given and its own could not be loaded. Until then an
   * element without a client is waiting for one (a provider's, set by the host a moment later) and draws its
   * loading state, not a "not connected" message that a slow phone would flash on every load.
   */
  protected clientUnavailable = false;

  protected readonly locale = new LocaleController(this);

  constructor() {
    super();
    // The client of an enclosing `<invitekit-provider>`, as it gives one (and each time it gives another).
    new ContextConsumer(this, {
      context: clientContext,
      subscribe: true,
      callback: (client) => {
        this.client = client;
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A provider above answers the context request synchronously during connection, so by now `client` is
    // set if one exists; only a lone element pays for loading a client of its own.
    if (!this.client) void this.useOwnClientUnlessProvided();
  }

  private async useOwnClientUnlessProvided(): Promise<void> {
    // A provider whose module loads after this element's is in the page but not defined yet: it answers once
    // defined (the ContextRoot that defineElement attaches replays the request), so wait for it instead of
    // making a client without its organization.
    if (providerAbove(this) && !customElements.get(PROVIDER_TAG)) {
      await customElements.whenDefined(PROVIDER_TAG);
      await (providerAbove(this) as LitElement | undefined)?.updateComplete;
    }
    // A provider that has no client yet may get one in a moment: server-rendered React upgrades the elements before
    // hydration sets the provider's `client` (the components of @invitekit/elements/react do it then). Give it that
    // moment before falling back to a client of this element's own, which would fail and report a missing client.
    for (let waited = 0; !this.client && providerAbove(this) && waited < PROVIDER_GRACE_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (this.client) return;
    try {
      await this.loadOwnClient({
        baseUrl: this.baseUrl,
        ...(this.organization ? { organization: this.organization } : {}),
      });
    } catch (error) {
      this.clientUnavailable = true;
      this.reportError(error);
    }
  }

  /**
   * Holds every render (the first, and each after a change of `lang`) until the strings of the element's
   * language are loaded: the old words stay on screen meanwhile, and a French page never flashes English.
   * English, and any language already loaded, render at once.
   */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- LitElement's own signature, overridden
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = this.locale.ready;
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * Gives a lone element a client of its own, imported lazily so that pages which give one never load it.
   * A provider or a `client` set meanwhile wins.
   */
  protected abstract loadOwnClient(options: ClientOptions): Promise<void>;

  /** The options every org-scoped SDK call takes from this element. */
  protected callOptions(signal?: AbortSignal): { organization?: string; signal?: AbortSignal } {
    return {
      ...(this.organization ? { organization: this.organization } : {}),
      ...(signal ? { signal } : {}),
    };
  }

  /** Tells the host about a failure this element shows. */
  protected reportError(error: unknown): void {
    // Nothing to talk to is the developer's to fix: said once, on the console, naming the element and the fix.
    if (error instanceof NotConnectedError && !this.saidNotConnected) {
      this.saidNotConnected = true;
      console.error(`<${this.localName}> ${error.message}`);
    }
    emit(this, 'invitekit-error', { error });
  }

  private saidNotConnected = false;
}
