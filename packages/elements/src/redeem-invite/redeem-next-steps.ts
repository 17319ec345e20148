import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PublicClient } from '@invitekit/sdk';
import { emit, type InvitekitEventDetails } from '../shared/events.js';
import type { RedeemInviteStrings } from './redeem-invite.strings.js';
import type { RedeemOrganization } from './redeem-invite.events.js';

/**
 * Defines `<request-invite-form>` before "Ask for a new invitation" shows it. The entry of `<redeem-invite>` alone
 * (define/redeem-invite.ts) makes it download the form then, so that a redeem page downloads it only when someone
 * asks. The package's main entry defines the form with every other element and leaves this as it is: nothing to
 * load, and no on-demand chunk for a bundler to split the shared code into (about 1 KB gzipped on that entry).
 */
export const requestForm = { load: (): Promise<unknown> => Promise.resolve() };

/** An invitation that can no longer be used, and why: what "Ask for a new invitation" is about. */
export interface EndedInvitation {
  organization: RedeemOrganization;
  reason: 'expired' | 'revoked';
}

export interface NextStepsOptions {
  client(): PublicClient | undefined;
  /** The invitation shown as expired or withdrawn, else `undefined`. */
  ended(): EndedInvitation | undefined;
  continueUrl(): string;
  signOutUrl(): string | undefined;
  requestUrl(): string | undefined;
}

/**
 * What the person does once the outcome is known: continue into the organization, sign out (someone else is signed
 * in), or ask for a new invitation. Each action fires a cancelable event first, so the host decides where it leads;
 * uncancelled, the element's default happens (a link followed, or the request form shown).
 */
export class RedeemNextSteps {
  /** The request form is shown, after "Ask for a new invitation". */
  private asking = false;

  /**
   * Whether the organization takes invitation requests, looked up only while an ended invitation is shown and no
   * `request-url` replaces the built-in form: without requests there is no form to offer, and no button.
   */
  private readonly requestsOpen: Task<readonly [PublicClient | undefined, string | undefined], boolean>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: NextStepsOptions,
  ) {
    this.requestsOpen = new Task(host, {
      args: () => [options.client(), options.requestUrl() ? undefined : options.ended()?.organization.slug] as const,
      task: async ([client, slug], { signal }) => {
        if (!client || !slug) return initialState;
        const access = await client.access.get({ organization: slug, signal });
        return access.invitationRequestsEnabled;
      },
    });
  }

  /** Forgets an open request form (a new code starts over). */
  reset(): void {
    this.asking = false;
  }

  /** "Continue to <organization>": a real link to `continue-url`, which the host may take over. */
  renderContinue(words: RedeemInviteStrings, organization: RedeemOrganization): TemplateResult {
    const url = this.options.continueUrl();
    const onClick = (event: MouseEvent) => {
      if (!emit(this.host, 'invitekit-invitation-continue', { organization, url }, { cancelable: true }))
        event.preventDefault();
    };
    return html`<div part="actions">
      <a part="continue" class="button primary" href=${url} @click=${onClick}>${words.continueTo(organization.name)}</a>
    </div>`;
  }

  /** "Sign out", for the host to sign the wrong person out; `sign-out-url` is its default. */
  renderSignOut(words: RedeemInviteStrings, organization: RedeemOrganization, email: string): TemplateResult {
    const onClick = () => {
      this.follow('invitekit-sign-out-request', { organization, email }, this.options.signOutUrl(), () => undefined);
    };
    return html`<div part="actions">
      <button part="sign-out" type="button" @click=${onClick}>${words.signOut}</button>
    </div>`;
  }

  /**
   * "Ask for a new invitation": a link to `request-url` when the host gives one; otherwise, when the organization
   * takes requests, a disclosure button that shows `<request-invite-form>` for it below.
   */
  renderAskAgain(words: RedeemInviteStrings, ended: EndedInvitation): TemplateResult | typeof nothing {
    const url = this.options.requestUrl();
    if (url) {
      const onClick = (event: MouseEvent) => {
        if (!emit(this.host, 'invitekit-new-invitation-request', ended, { cancelable: true })) event.preventDefault();
      };
      return html`<div part="actions">
        <a part="ask-again" class="button" href=${url} @click=${onClick}>${words.askAgain}</a>
      </div>`;
    }
    if (this.requestsOpen.status !== TaskStatus.COMPLETE || !this.requestsOpen.value) return nothing;
    const onClick = () => {
      if (this.asking) {
        this.asking = false;
        this.host.requestUpdate();
        return;
      }
      this.follow('invitekit-new-invitation-request', ended, undefined, () => void this.showForm());
    };
    return html`<div part="actions">
        <button
          part="ask-again"
          type="button"
          aria-expanded=${this.asking ? 'true' : 'false'}
          aria-controls="ask-again"
          @click=${onClick}
        >
          ${words.askAgain}
        </button>
      </div>
      <div id="ask-again" class="ask-again">
        ${
          this.asking
            ? html`<request-invite-form
                organization=${ended.organization.slug}
                .client=${this.options.client()}
              ></request-invite-form>`
            : nothing
        }
      </div>`;
  }

  /** Fires the cancelable `name`; uncancelled, follows `url` when there is one, else runs `fallback`. */
  private follow<N extends 'invitekit-sign-out-request' | 'invitekit-new-invitation-request'>(
    name: N,
    detail: InvitekitEventDetails[N],
    url: string | undefined,
    fallback: () => void,
  ): void {
    if (!emit(this.host, name, detail, { cancelable: true })) return;
    if (url) location.assign(url);
    else fallback();
  }

  private async showForm(): Promise<void> {
    await requestForm.load();
    this.asking = true;
    this.host.requestUpdate();
  }
}
