/**
 * `<redeem-invite>` from the package's main entry (`@invitekit/elements`), which defines the request form with
 * every other element: "Ask for a new invitation" shows it with nothing to download (the entry wires no on-demand
 * load, so a bundler splits no chunk off for it). Its own page: the main entry defines everything.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SEED_CODES } from '@invitekit/mock-server/browser';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { RedeemInvite, RequestInviteForm } from '../index.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';

describe('<redeem-invite> from the main entry', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('shows the request form the entry defined when someone asks for a new invitation', async () => {
    expect(customElements.get('redeem-invite')).to.equal(RedeemInvite);
    expect(customElements.get('request-invite-form')).to.equal(RequestInviteForm);
    const el = await fixture<RedeemInvite>(
      html`<redeem-invite code=${SEED_CODES.kim} .client=${clientAs()}></redeem-invite>`,
    );
    const ask = () =>
      [...el.renderRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Ask for a new invitation');
    await waitUntil(ask, 'no "Ask for a new invitation"');
    ask()?.click();
    await waitUntil(() => el.renderRoot.querySelector('request-invite-form'), 'no request form');
    const form = el.renderRoot.querySelector('request-invite-form');
    expect(form).to.be.instanceOf(RequestInviteForm);
    expect(form?.getAttribute('organization')).to.equal('acme');
    await waitUntil(() => form?.shadowRoot?.querySelector('button[type="submit"]'), 'the form never drew');
    expect(ask()?.getAttribute('aria-expanded')).to.equal('true');
    await expectAccessibleInBothThemes(el);
  });
});
