import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { SEED_CODES } from '@invitekit/mock-server/browser';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { atWidth, expectActionsReachable, expectNoHorizontalOverflow, WIDTHS } from '../../test/viewport.js';
import type { InvitekitClient } from '../shared/context.js';
import '../define/redeem-invite.js';
import type { RedeemInvite, RedeemState } from './redeem-invite.js';

const DAY = 24 * 60 * 60 * 1000;

async function render(code: string, options: { client?: InvitekitClient; attrs?: Record<string, string> } = {}) {
  const el = await fixture<RedeemInvite>(
    html`<redeem-invite code=${code} .client=${options.client ?? clientAs()}></redeem-invite>`,
  );
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  await waitUntil(() => el.state !== undefined, 'the lookup never settled');
  await el.updateComplete;
  return el;
}

const $ = (el: RedeemInvite, selector: string) => el.renderRoot.querySelector<HTMLElement>(selector);
const text = (el: RedeemInvite) => el.renderRoot.textContent.replace(/\s+/g, ' ').trim();
const control = (el: RedeemInvite, name: string) =>
  [...el.renderRoot.querySelectorAll<HTMLElement>('button, a')].find((b) => b.textContent.trim() === name) ?? null;
/** The button or link named `name`, which must be there. */
function need(el: RedeemInvite, name: string): HTMLElement {
  const found = control(el, name);
  if (!found) throw new Error(`no "${name}"`);
  return found;
}

async function settled(el: RedeemInvite, state: RedeemState) {
  await waitUntil(() => el.state === state, `never reached "${state}" (at "${el.state}")`);
  await el.updateComplete;
}

async function accepted(attrs: Record<string, string> = {}) {
  const el = await render(SEED_CODES.jane, { attrs });
  need(el, 'Accept invitation').click();
  await settled(el, 'accepted');
  return el;
}

/** Waits for the "Ask for a new invitation" control, which shows once the organization's access is known. */
async function askAgain(el: RedeemInvite) {
  await waitUntil(() => control(el, 'Ask for a new invitation'), 'no "Ask for a new invitation"');
  return need(el, 'Ask for a new invitation');
}

describe('<redeem-invite> next steps', () => {
  let hash: string;
  beforeEach(async () => {
    hash = location.hash;
    await mockApi();
  });
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search + hash);
  });

  it('offers "Continue to <organization>" after accepting, a link to continue-url (default "/"), with no timed redirect', async () => {
    const el = await accepted();
    const link = control(el, 'Continue to Acme Inc.') as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal('/');
    expect(text(el)).to.contain('Welcome to Acme Inc. You are now a member.');
    el.continueUrl = '/app/acme';
    await el.updateComplete;
    expect(link.getAttribute('href')).to.equal('/app/acme');
    await expectAccessibleInBothThemes(el);
  });

  it('fires invitekit-invitation-continue on Continue; uncancelled the link is followed, cancelled it is not', async () => {
    const el = await accepted({ 'continue-url': '#welcome' });
    const link = need(el, 'Continue to Acme Inc.');
    setTimeout(() => {
      link.click();
    });
    const followed = await oneEvent(el, 'invitekit-invitation-continue');
    expect(followed.detail).to.deep.equal({ organization: { slug: 'acme', name: 'Acme Inc.' }, url: '#welcome' });
    expect(followed.cancelable).to.equal(true);
    expect(location.hash).to.equal('#welcome');

    history.replaceState(null, '', location.pathname + location.search);
    el.addEventListener(
      'invitekit-invitation-continue',
      (event) => {
        event.preventDefault();
      },
      { once: true },
    );
    link.click();
    expect(location.hash, 'the host took over').to.equal('');
  });

  it('offers "Sign out" to a person signed in with another address, with the masked address explained', async () => {
    const el = await render(SEED_CODES.jane, { client: clientAs('acme-admin') });
    need(el, 'Accept invitation').click();
    await settled(el, 'mismatch');
    expect(text(el)).to.contain('This invitation is for j***@example.com.');
    expect(text(el)).to.contain('Part of the address is hidden, so that the link does not reveal it');
    const signOut = need(el, 'Sign out');
    expect(signOut.localName).to.equal('button');
    setTimeout(() => {
      signOut.click();
    });
    const asked = await oneEvent(el, 'invitekit-sign-out-request');
    expect(asked.detail).to.deep.equal({
      organization: { slug: 'acme', name: 'Acme Inc.' },
      email: 'j***@example.com',
    });
    expect(location.hash, 'no sign-out-url: only the event').to.equal(hash);
    await expectAccessibleInBothThemes(el);
  });

  it('follows sign-out-url unless the host cancels the sign-out request', async () => {
    const el = await render(SEED_CODES.jane, {
      client: clientAs('acme-admin'),
      attrs: { 'sign-out-url': '#signed-out' },
    });
    need(el, 'Accept invitation').click();
    await settled(el, 'mismatch');
    el.addEventListener(
      'invitekit-sign-out-request',
      (event) => {
        event.preventDefault();
      },
      { once: true },
    );
    need(el, 'Sign out').click();
    expect(location.hash).to.equal(hash);
    need(el, 'Sign out').click();
    expect(location.hash).to.equal('#signed-out');
  });

  it('on an expired invitation, "Ask for a new invitation" fires its event and shows the request form for the organization', async () => {
    const el = await render(SEED_CODES.kim);
    expect(el.state).to.equal('expired');
    const ask = await askAgain(el);
    expect(ask.localName).to.equal('button');
    expect(ask.getAttribute('aria-expanded')).to.equal('false');
    setTimeout(() => {
      ask.click();
    });
    const asked = await oneEvent(el, 'invitekit-new-invitation-request');
    expect(asked.detail).to.deep.equal({ organization: { slug: 'acme', name: 'Acme Inc.' }, reason: 'expired' });
    await waitUntil(() => $(el, 'request-invite-form'), 'no request form');
    const form = $(el, 'request-invite-form');
    if (!form) throw new Error('no request form');
    expect(form.getAttribute('organization')).to.equal('acme');
    expect(ask.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => form.shadowRoot?.querySelector('button[type="submit"]'), 'the form never drew');
    expect(form.shadowRoot?.querySelector('button[type="submit"]')?.textContent.trim()).to.equal('Request invitation');
    await expectAccessibleInBothThemes(el);

    ask.click(); // a disclosure: pressed again, it closes
    await el.updateComplete;
    expect($(el, 'request-invite-form')).to.equal(null);
    expect(ask.getAttribute('aria-expanded')).to.equal('false');
  });

  it('on a withdrawn invitation, a host that cancels the request keeps the form away', async () => {
    await clientAs('acme-admin').invitations.revoke('inv_jane');
    const el = await render(SEED_CODES.jane);
    expect(el.state).to.equal('revoked');
    el.addEventListener('invitekit-new-invitation-request', (event) => {
      expect(event.detail.reason).to.equal('revoked');
      event.preventDefault();
    });
    (await askAgain(el)).click();
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect($(el, 'request-invite-form')).to.equal(null);
  });

  it('offers no form when the organization takes no requests, and links to request-url when the host gives one', async () => {
    await clientAs('acme-admin').settings.update({ invitationRequestsEnabled: false });
    const el = await render(SEED_CODES.kim);
    // The access answer is what decides: wait for the element to have asked for it.
    await clientAs().access.get({ organization: 'acme' });
    await el.updateComplete;
    expect(control(el, 'Ask for a new invitation')).to.equal(null);

    el.requestUrl = '#ask';
    await el.updateComplete;
    const link = need(el, 'Ask for a new invitation');
    expect(link.localName).to.equal('a');
    link.click();
    expect(location.hash).to.equal('#ask');
  });

  for (const width of WIDTHS) {
    it(`fits ${width} px: the Expires value stays beside its label, every action reachable, axe clean`, async () => {
      await atWidth(width);
      const offer = await render(SEED_CODES.omar);
      const dt = [...offer.renderRoot.querySelectorAll('dt')].find((d) => d.textContent === 'Expires');
      const dd = dt?.nextElementSibling;
      if (!dt || !dd) throw new Error('no Expires pair');
      expect(dd.getBoundingClientRect().top, 'the value sits on the label’s line').to.equal(
        dt.getBoundingClientRect().top,
      );
      expect(dd.getBoundingClientRect().left).to.be.greaterThan(dt.getBoundingClientRect().right);
      expectNoHorizontalOverflow(offer);
      expectActionsReachable(offer, ['Accept invitation', 'Decline']);
      await expectAccessibleInBothThemes(offer);

      const done = await accepted();
      expectNoHorizontalOverflow(done);
      expectActionsReachable(done, ['Continue to Acme Inc.']);
      await expectAccessibleInBothThemes(done);

      const { mock } = await mockApi();
      await mock.advanceClock(8 * DAY);
      const expired = await render(SEED_CODES.jane);
      (await askAgain(expired)).click();
      await waitUntil(() => $(expired, 'request-invite-form')?.shadowRoot?.querySelector('form'), 'no form');
      expectNoHorizontalOverflow(expired);
      await expectAccessibleInBothThemes(expired);
    });
  }
});
