/**
 * The next-step events of `<redeem-invite>`: what the person does after the invitation's outcome is known. Each is
 * cancelable: a host that handles it (its router, its own sign-out) calls `preventDefault()`, and the element's
 * default (following `continue-url`, `sign-out-url` or `request-url`, or showing the request form) does not happen.
 *
 * They join the kit's typed event map here, beside the element that fires them, rather than in `shared/events.ts`,
 * so that only pages that load `<redeem-invite>` carry their types.
 */
import type { Organization } from '@invitekit/sdk';
import type { InvitekitEvent } from '../shared/events.js';

/** The organization as the redeem events name it. */
export type RedeemOrganization = Pick<Organization, 'slug' | 'name'>;

declare module '../shared/events.js' {
  interface InvitekitEventDetails {
    /** Cancelable: "Continue to <organization>" after accepting; `url` is `continue-url`, followed unless cancelled. */
    'invitekit-invitation-continue': { organization: RedeemOrganization; url: string };
    /**
     * Cancelable: "Sign out" when someone else is signed in; `email` is the invited address, masked. The host signs
     * out (then usually reloads); `sign-out-url`, when set, is followed unless cancelled.
     */
    'invitekit-sign-out-request': { organization: RedeemOrganization; email: string };
    /**
     * Cancelable: "Ask for a new invitation" on an expired or withdrawn invitation. Unless cancelled, the element
     * follows `request-url` when set, else shows `<request-invite-form>` for the organization.
     */
    'invitekit-new-invitation-request': { organization: RedeemOrganization; reason: 'expired' | 'revoked' };
  }
}

declare global {
  interface HTMLElementEventMap {
    'invitekit-invitation-continue': InvitekitEvent<'invitekit-invitation-continue'>;
    'invitekit-sign-out-request': InvitekitEvent<'invitekit-sign-out-request'>;
    'invitekit-new-invitation-request': InvitekitEvent<'invitekit-new-invitation-request'>;
  }
}
