/** The "Allow requests from the login page" switch of `<invitation-requests>`, in each state of the setting it stands for. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Settings } from '@invitekit/sdk';
import { failureMessage } from '../shared/failure.js';
import type { InvitationRequestsStrings } from './invitation-requests.strings.js';

export interface SettingSwitch {
  words: InvitationRequestsStrings;
  /** The setting as last loaded or saved; `undefined` until it is known. */
  settings: Settings | null | undefined;
  /** Set when the setting failed to load; `listFailed` when the list's own alert (and Try again) says so too. */
  failure: { error: unknown; listFailed: boolean } | undefined;
  /** A change is being saved. */
  saving: boolean;
  /** The result of the last change, shown under the switch. */
  outcome: TemplateResult | typeof nothing;
  retry: () => void;
  toggle: () => void;
}

/**
 * The switch shows only a state it knows. While the setting loads there is no switch yet, but a busy placeholder in
 * its place (never `aria-checked="false"`); after a failed load the placeholder says so, with its own alert and
 * "Try again" unless the list's failure, whose "Try again" reloads both, already says it. While a change saves the
 * switch keeps the saved state, reads "Saving…" and is busy, and keeps the focus.
 */
export function renderSettingSwitch(c: SettingSwitch): TemplateResult {
  const { words, settings } = c;
  if (!settings) {
    const hint = html`<p id="switch-hint" class="muted hint">${words.switchHint}</p>`;
    const failed = c.failure !== undefined;
    return html`<div class="setting">
      <div class="switch unknown" part="switch" aria-busy=${failed ? 'false' : 'true'}>
        <span class="track" aria-hidden="true"><span class="thumb"></span></span>
        <span class="label">${words.switchLabel}</span>
        <span class="muted">${failed ? words.switchUnknown : words.switchLoading}</span>
      </div>
      ${
        c.failure && !c.failure.listFailed
          ? html`<p class="error" role="alert">
              ${failureMessage(words.settingFailures, c.failure.error)}
              <button part="button" @click=${c.retry}>${words.tryAgain}</button>
            </p>`
          : hint
      }
    </div>`;
  }
  const on = settings.invitationRequestsEnabled;
  return html`<div class="setting">
    <button
      type="button"
      role="switch"
      class="switch"
      part="switch"
      aria-checked=${on ? 'true' : 'false'}
      aria-labelledby="switch-label"
      aria-describedby="switch-hint"
      aria-busy=${c.saving ? 'true' : 'false'}
      aria-disabled=${c.saving ? 'true' : 'false'}
      @click=${c.toggle}
    >
      <span class="track" aria-hidden="true"><span class="thumb"></span></span>
      <span id="switch-label" class="label">${words.switchLabel}</span>
      <span class="muted" aria-hidden="true"
        >${c.saving ? words.switchSaving : on ? words.switchOn : words.switchOff}</span
      >
    </button>
    <p id="switch-hint" class="muted hint">${on ? words.switchHintOn : words.switchHintOff}</p>
    ${c.outcome}
  </div>`;
}
