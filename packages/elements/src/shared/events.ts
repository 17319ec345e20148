/**
 * Every event an invitekit element fires: bubbling, composed, with a typed `detail`. The names are public API.
 */
import type { AcceptInviteResult, CreateInvitationsResult, Invitation, InvitationRequest } from '@invitekit/sdk';

export interface InvitekitEventDetails {
  'invitekit-invitations-sent': CreateInvitationsResult;
  'invitekit-invitation-resent': { invitation: Invitation };
  'invitekit-invitation-renewed': { invitation: Invitation };
  'invitekit-invitation-revoked': { invitation: Invitation };
  'invitekit-invitation-updated': { invitation: Invitation };
  /** Cancelable: fired before a revoke is sent; `preventDefault()` vetoes it. */
  'invitekit-invitation-revoke-request': { invitation: Invitation };
  'invitekit-request-approved': { request: InvitationRequest; invitation: Invitation };
  'invitekit-request-dismissed': { request: InvitationRequest };
  /** Cancelable: fired before a dismiss is sent; `preventDefault()` vetoes it. */
  'invitekit-request-dismiss-request': { request: InvitationRequest };
  'invitekit-request-submitted': { email: string };
  'invitekit-invitation-accepted': AcceptInviteResult;
  'invitekit-invitation-declined': { organization: { slug: string; name: string } };
  'invitekit-error': { error: unknown };
}

export type InvitekitEventName = keyof InvitekitEventDetails;

/** An invitekit event: a `CustomEvent` whose `detail` is typed by its name. */
export class InvitekitEvent<N extends InvitekitEventName> extends CustomEvent<InvitekitEventDetails[N]> {
  constructor(name: N, detail: InvitekitEventDetails[N], options: { cancelable?: boolean } = {}) {
    super(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
  }
}

/**
 * Fires `name` on `target`; returns false when a listener cancelled it (for the cancelable `...-request` events).
 * An element that has left the page fires nothing (and a `...-request` counts as vetoed): a response that lands
 * after removal must not reach a host that has moved on.
 */
export function emit<N extends InvitekitEventName>(
  target: EventTarget,
  name: N,
  detail: InvitekitEventDetails[N],
  options: { cancelable?: boolean } = {},
): boolean {
  if (target instanceof Node && !target.isConnected) return false;
  return target.dispatchEvent(new InvitekitEvent(name, detail, options));
}

declare global {
  interface HTMLElementEventMap {
    'invitekit-invitations-sent': InvitekitEvent<'invitekit-invitations-sent'>;
    'invitekit-invitation-resent': InvitekitEvent<'invitekit-invitation-resent'>;
    'invitekit-invitation-renewed': InvitekitEvent<'invitekit-invitation-renewed'>;
    'invitekit-invitation-revoked': InvitekitEvent<'invitekit-invitation-revoked'>;
    'invitekit-invitation-updated': InvitekitEvent<'invitekit-invitation-updated'>;
    'invitekit-invitation-revoke-request': InvitekitEvent<'invitekit-invitation-revoke-request'>;
    'invitekit-request-approved': InvitekitEvent<'invitekit-request-approved'>;
    'invitekit-request-dismissed': InvitekitEvent<'invitekit-request-dismissed'>;
    'invitekit-request-dismiss-request': InvitekitEvent<'invitekit-request-dismiss-request'>;
    'invitekit-request-submitted': InvitekitEvent<'invitekit-request-submitted'>;
    'invitekit-invitation-accepted': InvitekitEvent<'invitekit-invitation-accepted'>;
    'invitekit-invitation-declined': InvitekitEvent<'invitekit-invitation-declined'>;
    'invitekit-error': InvitekitEvent<'invitekit-error'>;
  }
}
