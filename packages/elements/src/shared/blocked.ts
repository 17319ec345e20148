/**
 * The states where an admin element has nothing to show: nobody is signed in, or the person may not manage
 * invitations. A page with several admin elements on one client (a table and the requests under one provider)
 * shows the message once, in the first of them in document order; the others draw nothing. The host adds its own
 * way forward: a `sign-in-url` attribute (a "Sign in" link), or its own content in the `signed-out` and
 * `forbidden` slots (who to ask, a link to the sign-in page), shown under the message.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isApiError } from '@invitekit/sdk/errors';

export type BlockedKind = 'signed-out' | 'forbidden';

interface Host extends ReactiveControllerHost, HTMLElement {
  client?: object;
  /** Where people sign in: the signed-out message links to it. */
  signInUrl?: string | undefined;
}

/** The words of the states in which an admin element shows nothing of its own. */
export interface BlockedWords {
  noClient: string;
  forbidden: string;
  unauthenticated: string;
  signIn: string;
  notFound: string;
}

/** The blocked elements of each client, by kind. */
const blocked = new WeakMap<object, Map<BlockedKind, Set<Host>>>();

export function blockedKind(error: unknown): BlockedKind | undefined {
  if (isApiError(error, 'unauthenticated')) return 'signed-out';
  if (isApiError(error, 'forbidden')) return 'forbidden';
  return undefined;
}

export class BlockedState implements ReactiveController {
  private registered?: { client: object; kind: BlockedKind };

  /**
   * `clientUnavailable`: whether the element gave up on getting a client; until then, without one, it is waiting
   * and draws its loading state.
   */
  constructor(
    private readonly host: Host,
    private readonly clientUnavailable: () => boolean,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.set(undefined);
  }

  /** Records the element's state (undefined: not blocked); the others of its client redraw when it changes. */
  set(kind: BlockedKind | undefined): void {
    const client = this.host.client;
    const previous = this.registered;
    if (previous && previous.kind === kind && previous.client === client) return;
    if (!previous && !kind) return;
    if (previous) this.group(previous.client, previous.kind).delete(this.host);
    this.registered = kind && client ? { client, kind } : undefined;
    if (this.registered) this.group(this.registered.client, this.registered.kind).add(this.host);
    for (const reg of [previous, this.registered]) {
      if (!reg) continue;
      this.group(reg.client, reg.kind).forEach((other) => {
        if (other !== this.host) other.requestUpdate();
      });
    }
  }

  /** Whether another element of the same client, earlier in the page, already says it. */
  saidElsewhere(): boolean {
    const reg = this.registered;
    if (!reg) return false;
    for (const other of this.group(reg.client, reg.kind)) {
      if (other === this.host || !other.isConnected) continue;
      if (other.compareDocumentPosition(this.host) & Node.DOCUMENT_POSITION_FOLLOWING) return true;
    }
    return false;
  }

  /**
   * What the element draws instead of its content: no client to be had, nobody signed in, no permission (once per page), or
   * no such organization; undefined when it shows its content. `error`: its load's failure, if any.
   */
  render(error: unknown, words: BlockedWords): TemplateResult | typeof nothing | undefined {
    if (this.clientUnavailable()) return html`<p class="state" part="state">${words.noClient}</p>`;
    const kind = blockedKind(error);
    if (kind) {
      if (this.saidElsewhere()) return nothing;
      const message = kind === 'forbidden' ? words.forbidden : words.unauthenticated;
      return renderBlocked(kind, message, { url: this.host.signInUrl, label: words.signIn });
    }
    if (isApiError(error, 'not_found')) return html`<p class="state" part="state">${words.notFound}</p>`;
    return undefined;
  }

  private group(client: object, kind: BlockedKind): Set<Host> {
    let kinds = blocked.get(client);
    if (!kinds) blocked.set(client, (kinds = new Map<BlockedKind, Set<Host>>()));
    let group = kinds.get(kind);
    if (!group) kinds.set(kind, (group = new Set<Host>()));
    return group;
  }
}

/** The message of a blocked state, with the host's way forward under it. */
export function renderBlocked(kind: BlockedKind, message: string, signIn: { url?: string | undefined; label: string }) {
  const link =
    kind === 'signed-out' && signIn.url ? html`<a part="link" href=${signIn.url}>${signIn.label}</a>` : nothing;
  return html`<div class="state blocked" part="state">
    <p>${message}</p>
    <slot name=${kind}>${link}</slot>
  </div>`;
}
