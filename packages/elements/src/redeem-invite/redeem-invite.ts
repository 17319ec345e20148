import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { isApiError } from '@invitekit/sdk/errors';
import type { InviteLookup, PublicClient } from '@invitekit/sdk';
import { PublicElement } from '../shared/public-element.js';
import { roleLabel, type InviteRole } from '../shared/roles.js';
import { emit } from '../shared/events.js';
import { formatDateTime, formatRelative, pickStrings } from '../shared/i18n.js';
import { redeemInviteStrings, type RedeemInviteStrings } from './redeem-invite.strings.js';
import { styles } from './redeem-invite.styles.js';
import { RedeemNextSteps, type EndedInvitation } from './redeem-next-steps.js';
import './redeem-invite.events.js';

/** Every state the element draws, besides loading. */
export type RedeemState =
  'pending' | 'expired' | 'revoked' | 'used' | 'unknown' | 'no-code' | 'mismatch' | 'error' | 'accepted' | 'declined';

/** What an accept or decline that failed turns into; anything else stays on the offer with an error. */
const OUTCOME_OF_ERROR: Partial<Record<string, RedeemState>> = {
  already_used: 'used',
  expired: 'expired',
  revoked: 'revoked',
  invalid_code: 'unknown',
  email_mismatch: 'mismatch',
};

/**
 * The page an invitation link opens. It looks the code up (a GET that never uses the code up) and shows who
 * invited whom to which organization and until when; only the "Accept invitation" and "Decline" buttons use the
 * code. Every other state (expired, revoked, already used, unknown, no code, another signed-in address, a network
 * failure) says what happened and what to do next.
 *
 * Each outcome offers its next step, and the host decides where it leads (no timed redirect): accepted, a
 * "Continue to <organization>" link to `continue-url`; someone else signed in, "Sign out"; expired or withdrawn,
 * "Ask for a new invitation" (`request-url`, else the organization's request form when it takes requests).
 *
 * The client comes from an enclosing `<invitekit-provider>` or the `client` property; no credentials are needed,
 * but a signed-in person's credentials are checked against the invited address.
 *
 * @tagname redeem-invite
 * @summary Shows an invitation and lets the invitee accept or decline it.
 * @fires invitekit-invitation-accepted - `{ organization, member }`: the person joined (the element then offers "Continue").
 * @fires invitekit-invitation-declined - `{ organization }`: the person declined.
 * @fires invitekit-invitation-continue - Cancelable, on "Continue to <organization>": `{ organization, url }`; uncancelled, the link to `continue-url` is followed.
 * @fires invitekit-sign-out-request - Cancelable, on "Sign out" when another address is signed in: `{ organization, email }`; the host signs out. Uncancelled, `sign-out-url` (if set) is followed.
 * @fires invitekit-new-invitation-request - Cancelable, on "Ask for a new invitation": `{ organization, reason }`. Uncancelled, `request-url` is followed, or the request form is shown.
 * @fires invitekit-error - `{ error }`: a failure the element shows (lookup, accept or decline).
 * @csspart base - The card around everything.
 * @csspart heading - The heading of the current state.
 * @csspart details - The list of inviter, address, role and expiry.
 * @csspart name-input - The optional name field.
 * @csspart actions - The row of buttons.
 * @csspart accept - The "Accept invitation" button.
 * @csspart decline - The "Decline" button.
 * @csspart confirm - The inline "Decline this invitation?" confirmation (role alertdialog).
 * @csspart continue - The "Continue to <organization>" link.
 * @csspart sign-out - The "Sign out" button.
 * @csspart ask-again - The "Ask for a new invitation" button or link.
 * @csspart status - The message of a state other than the offer.
 * @cssprop --invitekit-font - Font family (inherits the page's by default).
 * @cssprop --invitekit-radius - Corner radius.
 * @cssprop --invitekit-space - Base spacing unit.
 * @cssprop --invitekit-density - Scales paddings.
 * @cssprop --invitekit-color-background - Card background.
 * @cssprop --invitekit-color-surface - Confirmation background.
 * @cssprop --invitekit-color-text - Text colour.
 * @cssprop --invitekit-color-muted - Secondary text.
 * @cssprop --invitekit-color-border - Borders.
 * @cssprop --invitekit-color-accent - The accept button.
 * @cssprop --invitekit-color-on-accent - Text on the accept button.
 * @cssprop --invitekit-color-danger - Errors and the decline confirmation.
 * @cssprop --invitekit-color-success - The accepted state.
 * @cssprop --invitekit-color-warning - The expired, revoked and used states.
 * @cssprop --invitekit-color-focus - The focus ring.
 * @cssprop --invitekit-card-width - Maximum width of the card (default 32rem).
 */
export class RedeemInvite extends PublicElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    code: {},
    strings: { attribute: false },
    roles: { attribute: false },
    continueUrl: { attribute: 'continue-url' },
    signOutUrl: { attribute: 'sign-out-url' },
    requestUrl: { attribute: 'request-url' },
    outcome: { state: true },
    busy: { state: true },
    confirming: { state: true },
    actionFailed: { state: true },
  };

  /** The invitation code. Unset: the `code` parameter of the page's URL. */
  code?: string;

  /** Replaces any of the built-in strings (for any language). */
  strings?: Partial<RedeemInviteStrings>;

  /** How the host names roles (`[{ value, label }]`); a role without a label shows as the server names it. */
  roles: InviteRole[] = [];

  /** Where "Continue to <organization>" leads after accepting, unless the host handles `invitekit-invitation-continue`. */
  continueUrl = '/';

  /** Followed by "Sign out" unless the host handles `invitekit-sign-out-request`; unset, only the event fires. */
  signOutUrl?: string;

  /**
   * Where "Ask for a new invitation" leads unless the host handles `invitekit-new-invitation-request`. Unset, the
   * element shows the organization's request form, and offers the button only when the organization takes requests.
   */
  requestUrl?: string;

  /** Set once an accept or decline settled the invitation (or found it unusable); overrides the lookup. */
  private outcome?: RedeemState;
  private busy?: 'accept' | 'decline';
  private confirming = false;
  /** The last accept or decline failed for a reason worth retrying (network, server). */
  private actionFailed?: 'accept' | 'decline';

  private readonly nextSteps = new RedeemNextSteps(this, {
    client: () => this.api,
    ended: () => this.ended,
    continueUrl: () => this.continueUrl,
    signOutUrl: () => this.signOutUrl,
    requestUrl: () => this.requestUrl,
  });

  private readonly lookup = new Task(this, {
    args: () => [this.api, this.effectiveCode] as const,
    task: async ([client, code], { signal }) => {
      if (!client || !code) return initialState;
      try {
        return await client.invites.lookup(code, { signal });
      } catch (error) {
        if (!signal.aborted) this.reportError(error);
        throw error;
      }
    },
  });

  /** The code this element redeems: the `code` attribute, else the page URL's `code` parameter. */
  get effectiveCode(): string | undefined {
    return this.code || new URL(location.href).searchParams.get('code') || undefined;
  }

  /** The state drawn now (`undefined` while loading). */
  get state(): RedeemState | undefined {
    if (!this.effectiveCode) return 'no-code';
    if (this.outcome) return this.outcome;
    if (this.lookup.status === TaskStatus.ERROR)
      return isApiError(this.lookup.error, 'invalid_code') ? 'unknown' : 'error';
    const status = this.lookup.value?.status;
    if (this.lookup.status !== TaskStatus.COMPLETE || !status) return undefined;
    return status === 'accepted' || status === 'declined' ? 'used' : status;
  }

  /** The invitation shown as expired or withdrawn: the one "Ask for a new invitation" is about. */
  private get ended(): EndedInvitation | undefined {
    const state = this.state;
    const organization = this.lookup.value?.organization;
    if (!organization || (state !== 'expired' && state !== 'revoked')) return undefined;
    return { organization: { slug: organization.slug, name: organization.name }, reason: state };
  }

  private get words(): RedeemInviteStrings {
    return pickStrings(redeemInviteStrings, this.locale.lang, this.strings);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new code (or client) starts over from its lookup.
    if (changed.has('code') || changed.has('client')) {
      this.outcome = undefined;
      this.confirming = false;
      this.actionFailed = undefined;
      this.nextSteps.reset();
    }
  }

  protected override render(): TemplateResult {
    const words = this.words;
    const state = this.state;
    const invite = this.lookup.value;
    const org = invite?.organization.name ?? '';
    switch (state) {
      case undefined:
        return this.renderLoading(words);
      case 'declined':
        return this.renderState('neutral', words.declinedHeading, words.declinedBody(org));
      case 'revoked':
        return this.renderState('warning', words.revokedHeading, words.revokedBody(org), this.renderAskAgain(words));
      case 'used':
        return this.renderState('warning', words.usedHeading, words.usedBody(org));
      case 'unknown':
        return this.renderState('error', words.unknownHeading, words.unknownBody);
      case 'no-code':
        return this.renderState('error', words.noCodeHeading, words.noCodeBody);
      case 'error':
        return this.renderState(
          'error',
          words.errorHeading,
          words.errorBody,
          html`<button type="button" @click=${() => this.lookup.run()}>${words.retry}</button>`,
        );
      default:
        // These come from an invitation the lookup found, so it is there.
        return invite ? this.renderAbout(words, state, invite) : this.renderLoading(words);
    }
  }

  private renderLoading(words: RedeemInviteStrings): TemplateResult {
    return html`<div part="base"><p part="status" class="muted" role="status">${words.loading}</p></div>`;
  }

  /** The states that show something of the invitation itself. */
  private renderAbout(
    words: RedeemInviteStrings,
    state: 'pending' | 'accepted' | 'expired' | 'mismatch',
    invite: InviteLookup,
  ): TemplateResult {
    const org = invite.organization.name;
    switch (state) {
      case 'pending':
        return this.renderOffer(words, invite);
      case 'accepted':
        return this.renderState(
          'success',
          words.acceptedHeading(org),
          words.acceptedBody,
          this.nextSteps.renderContinue(words, this.organizationOf(invite)),
        );
      case 'expired':
        return this.renderState(
          'warning',
          words.expiredHeading,
          words.expiredBody(org, invite.invitedBy?.name ?? null, formatDateTime(this.locale.lang, invite.expiresAt)),
          this.renderAskAgain(words),
        );
      case 'mismatch':
        return this.renderState(
          'error',
          words.mismatchHeading,
          words.mismatchBody(org, invite.email),
          html`<p class="muted">${words.maskedAddress}</p>
            ${this.nextSteps.renderSignOut(words, this.organizationOf(invite), invite.email)}`,
        );
    }
  }

  private renderAskAgain(words: RedeemInviteStrings) {
    const ended = this.ended;
    return ended ? this.nextSteps.renderAskAgain(words, ended) : nothing;
  }

  private organizationOf(invite: InviteLookup) {
    return { slug: invite.organization.slug, name: invite.organization.name };
  }

  private renderState(tone: string, heading: string, body: string, extra: unknown = nothing): TemplateResult {
    return html`<div part="base" class="state-${tone}">
      <div part="status" role=${tone === 'error' ? 'alert' : 'status'}>
        <h2 part="heading" tabindex="-1">${heading}</h2>
        <p>${body}</p>
      </div>
      ${extra}
    </div>`;
  }

  private renderOffer(words: RedeemInviteStrings, invite: InviteLookup): TemplateResult {
    const lang = this.locale.lang;
    const expiresAt = new Date(invite.expiresAt).getTime();
    const date = formatDateTime(lang, invite.expiresAt);
    return html`<div part="base">
      <h2 part="heading" tabindex="-1">
        ${words.offerHeading(invite.organization.name, invite.invitedBy?.name ?? null)}
      </h2>
      <dl part="details">
        <div>
          <dt>${words.sentTo}</dt>
          <dd>${invite.email}</dd>
        </div>
        ${
          invite.role
            ? html`<div>
                <dt>${words.role}</dt>
                <dd>${roleLabel(this.roles, invite.role)}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${words.expires}</dt>
          <dd>${words.expiresValue(expiresAt > Date.now() ? formatRelative(lang, invite.expiresAt) : null, date)}</dd>
        </div>
      </dl>
      <form @submit=${(event: SubmitEvent) => this.onAccept(event)}>
        <div class="field">
          <span
            ><label for="name">${words.nameLabel}</label>
            <span class="muted" id="name-optional">${words.optional}</span></span
          >
          <input
            part="name-input"
            id="name"
            aria-describedby="name-optional"
            name="name"
            autocomplete="name"
            maxlength="200"
            ?disabled=${!!this.busy}
          />
        </div>
        ${
          this.actionFailed
            ? html`<div class="message error" role="alert">
                <p>${words.errorBody}</p>
                <button
                  type="button"
                  @click=${() => {
                    this.retryAction();
                  }}
                >
                  ${words.retry}
                </button>
              </div>`
            : nothing
        }
        ${this.confirming ? this.renderConfirm(words, invite) : this.renderActions(words)}
      </form>
    </div>`;
  }

  private renderActions(words: RedeemInviteStrings): TemplateResult {
    return html`<div part="actions">
      <button part="accept" class="primary" type="submit" ?disabled=${!!this.busy}>
        ${this.busy === 'accept' ? words.accepting : words.accept}
      </button>
      <button part="decline" id="decline" type="button" ?disabled=${!!this.busy} @click=${() => this.askToDecline()}>
        ${words.decline}
      </button>
    </div>`;
  }

  private renderConfirm(words: RedeemInviteStrings, invite: InviteLookup): TemplateResult {
    return html`<div
      part="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancelDecline()}
    >
      <h3 id="confirm-title">${words.declineQuestion}</h3>
      <p id="confirm-body">${words.declineExplanation(invite.organization.name)}</p>
      <div part="actions">
        <button id="cancel" type="button" ?disabled=${!!this.busy} @click=${() => this.cancelDecline()}>
          ${words.cancel}
        </button>
        <button class="danger" type="button" ?disabled=${!!this.busy} @click=${() => this.onDecline()}>
          ${this.busy === 'decline' ? words.declining : words.declineConfirm}
        </button>
      </div>
    </div>`;
  }

  private async askToDecline(): Promise<void> {
    this.confirming = true;
    await this.updateComplete;
    // Focus starts on the harmless choice, as in every destructive confirmation of the kit.
    this.renderRoot.querySelector<HTMLElement>('#cancel')?.focus();
  }

  private async cancelDecline(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#decline')?.focus();
  }

  private retryAction(): void {
    if (this.actionFailed === 'decline') void this.onDecline();
    else void this.onAccept();
  }

  private async onAccept(event?: Event): Promise<void> {
    event?.preventDefault();
    const name = this.renderRoot.querySelector<HTMLInputElement>('#name')?.value.trim();
    await this.act('accept', async (client, code) => {
      const result = await client.invites.accept(code, name ? { name } : {});
      emit(this, 'invitekit-invitation-accepted', result);
      return 'accepted';
    });
  }

  private async onDecline(): Promise<void> {
    const organization = this.lookup.value?.organization;
    if (!organization) return;
    const { slug, name } = organization;
    await this.act('decline', async (client, code) => {
      await client.invites.decline(code);
      emit(this, 'invitekit-invitation-declined', { organization: { slug, name } });
      return 'declined';
    });
  }

  /**
   * Runs one accept or decline: one request at a time, errors turned into states, focus on the result. The event
   * of a done action always fires, but the page shows its outcome only while it still shows the same code.
   */
  private async act(
    kind: 'accept' | 'decline',
    run: (client: PublicClient, code: string) => Promise<RedeemState>,
  ): Promise<void> {
    const client = this.api;
    const code = this.effectiveCode;
    if (this.busy || !client || !code) return;
    this.busy = kind;
    this.actionFailed = undefined;
    let outcome: RedeemState | undefined;
    let failed = false;
    try {
      outcome = await run(client, code);
    } catch (error) {
      this.reportError(error);
      outcome = isApiError(error) ? OUTCOME_OF_ERROR[error.code] : undefined;
      failed = outcome === undefined;
    } finally {
      this.busy = undefined;
    }
    if (this.effectiveCode !== code) return;
    if (outcome) this.outcome = outcome;
    else if (failed) this.actionFailed = kind;
    await this.updateComplete;
    // The buttons are gone (or the error appeared): put focus where the news is.
    if (this.outcome) this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    else this.renderRoot.querySelector<HTMLElement>('[role="alert"] button')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redeem-invite': RedeemInvite;
  }
}
