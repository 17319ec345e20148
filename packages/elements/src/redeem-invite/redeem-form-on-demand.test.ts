/**
 * `<redeem-invite>` from its own entry (`@invitekit/elements/redeem-invite`): the request form behind "Ask for a
 * new invitation" is downloaded only when someone asks. Its own page: nothing here may import the form's module.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SEED_CODES } from '@invitekit/mock-server/browser';
import { clientAs, mockApi } from '../../test/mock-api.js';
import '../define/redeem-invite.js';
import type { RedeemInvite } from './redeem-invite.js';

describe('<redeem-invite> alone', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('defines the request form only once someone asks for a new invitation, then shows it', async () => {
    const el = await fixture<RedeemInvite>(
      html`<redeem-invite code=${SEED_CODES.kim} .client=${clientAs()}></redeem-invite>`,
    );
    const ask = () =>
      [...el.renderRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Ask for a new invitation');
    await waitUntil(ask, 'no "Ask for a new invitation"');
    expect(customElements.get('request-invite-form')).to.equal(undefined);
    ask()?.click();
    await waitUntil(() => el.renderRoot.querySelector('request-invite-form'), 'no request form');
    expect(customElements.get('request-invite-form')).not.to.equal(undefined);
    const form = el.renderRoot.querySelector('request-invite-form');
    await waitUntil(() => form?.shadowRoot?.querySelector('button[type="submit"]'), 'the form never drew');
  });
});
