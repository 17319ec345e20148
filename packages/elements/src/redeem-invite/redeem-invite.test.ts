import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { SEED_CODES } from '@invitekit/mock-server/browser';
import { clientAs, mockApi, setFaults } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { $, shadow } from '../../test/dom.js';
import type { InvitekitClient } from '../shared/context.js';
import '../define/redeem-invite.js';
import type { RedeemInvite, RedeemState } from './redeem-invite.js';

/** A node of Chromium's accessibility tree, as `a11ySnapshot` answers it. */
interface AxNode {
  role: string;
  name: string;
  children: AxNode[];
}

const JANE = SEED_CODES.jane; // pending, acme, invited by Ada Admin, jane@example.com
const DAY = 24 * 60 * 60 * 1000;

async function render(code: string | null = JANE, client: InvitekitClient = clientAs(), lang = 'en') {
  const el = await fixture<RedeemInvite>(
    html`<redeem-invite lang=${lang} code=${code ?? nothing} .client=${client}></redeem-invite>`,
  );
  await waitUntil(() => el.state !== undefined, 'the lookup never settled');
  await el.updateComplete;
  return el;
}

/** The match of `selector` in the element, or null (for what must be absent). */
const find = (el: RedeemInvite, selector: string) => shadow(el).querySelector(selector);
const text = (el: RedeemInvite) => shadow(el).textContent.replace(/\s+/g, ' ').trim();
const heading = (el: RedeemInvite) => $(shadow(el), 'h2').textContent.trim();
/** The details list as "term: value" lines. */
const pairs = (el: RedeemInvite) =>
  [...shadow(el).querySelectorAll('dt')].map(
    (dt) => `${dt.textContent.trim()}: ${dt.nextElementSibling?.textContent.trim() ?? '(no value)'}`,
  );
/** The button whose visible text is exactly `name`. */
const button = (el: RedeemInvite, name: string) =>
  [...shadow(el).querySelectorAll('button')].find((b) => b.textContent.trim() === name) ?? null;
/** The button named `name`, which must be there. */
function need(el: RedeemInvite, name: string): HTMLButtonElement {
  const found = button(el, name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

async function click(el: RedeemInvite, name: string) {
  need(el, name).click();
  await el.updateComplete;
}

async function settled(el: RedeemInvite, state: RedeemState) {
  await waitUntil(() => el.state === state, `never reached "${state}" (at "${el.state}")`);
  await el.updateComplete;
}

async function janeStatus() {
  return (await clientAs('acme-admin').invitations.get('inv_jane')).status;
}

describe('<redeem-invite>', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('names the role as the host labels it in `roles`', async () => {
    const el = await render(SEED_CODES.omar);
    el.roles = [{ value: 'admin', label: 'Administrator' }];
    await el.updateComplete;
    expect(pairs(el)[1]).to.equal('Role: Administrator');
  });

  it('shows the outcome of an accept only while it still shows that code', async () => {
    const el = await render(JANE);
    await setFaults({ latencyMs: 400 });
    const accepted = oneEvent(el, 'invitekit-invitation-accepted');
    await click(el, 'Accept invitation');
    el.code = SEED_CODES.omar;
    await accepted; // Jane's accept went through: the host hears of it
    await settled(el, 'pending');
    expect(pairs(el)[0]).to.equal('Sent to: o***@example.com');
    expect(await janeStatus()).to.equal('accepted');
  });

  it('shows a loading state while it looks the code up', async () => {
    await setFaults({ latencyMs: 5000 });
    const el = await fixture<RedeemInvite>(html`<redeem-invite code=${JANE} .client=${clientAs()}></redeem-invite>`);
    expect(el.state).to.be.undefined;
    expect($(shadow(el), '[role="status"]').textContent).to.equal('Loading your invitation…');
    await expectAccessibleInBothThemes(el);
  });

  it('shows the offer: organization, inviter, masked address, role and expiry, and uses nothing up', async () => {
    const el = await render(SEED_CODES.omar);
    expect(el.state).to.equal('pending');
    expect(heading(el)).to.equal('Ada Admin invited you to join Acme Inc.');
    const details = pairs(el);
    expect(details[0]).to.equal('Sent to: o***@example.com');
    expect(details[1]).to.equal('Role: admin');
    expect(details[2]).to.match(/^Expires: in 5 days \(.+\d{4}.+\)$/);
    expect(text(el)).not.to.contain('omar@example.com');

    // The command's typings say void; it answers the page's accessibility tree.
    const snapshot = a11ySnapshot({}) as Promise<unknown>;
    const tree = (await snapshot) as AxNode;
    expect(findAccessibilityNode<AxNode>(tree, (n) => n.role === 'button' && n.name === 'Accept invitation')).to.exist;
    expect(findAccessibilityNode<AxNode>(tree, (n) => n.role === 'button' && n.name === 'Decline')).to.exist;
    await expectAccessibleInBothThemes(el);

    // Looking up is a GET: the code still works for the person afterwards.
    const accepted = await clientAs().invites.accept(SEED_CODES.omar);
    expect(accepted.member.email).to.equal('omar@example.com');
  });

  it('accepts on click: a member joins, the event carries organization and member, focus moves to the news', async () => {
    const el = await render();
    expect(await janeStatus(), 'nothing used before the click').to.equal('pending');
    const joined: Promise<HTMLElementEventMap['invitekit-invitation-accepted']> = oneEvent(
      el,
      'invitekit-invitation-accepted',
    );
    $(shadow(el), '#name', HTMLInputElement).value = 'Jane Doe';
    await click(el, 'Accept invitation');
    const { detail } = await joined;
    expect(detail.organization).to.deep.equal({ slug: 'acme', name: 'Acme Inc.' });
    expect(detail.member).to.include({ email: 'jane@example.com', name: 'Jane Doe' });
    await settled(el, 'accepted');
    expect(heading(el)).to.equal('Welcome to Acme Inc.');
    expect(shadow(el).activeElement).to.equal(find(el, 'h2'));
    expect(await janeStatus()).to.equal('accepted');
    await expectAccessibleInBothThemes(el);
  });

  it('accepts from the keyboard: Enter in the name field, Tab to the buttons', async () => {
    const el = await render();
    $(shadow(el), '#name', HTMLInputElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(button(el, 'Accept invitation'));
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(button(el, 'Decline'));
    $(shadow(el), '#name', HTMLInputElement).focus();
    await sendKeys({ type: 'Jane' });
    await sendKeys({ press: 'Enter' });
    await settled(el, 'accepted');
  });

  it('asks before declining; Cancel and Escape back out with focus on Decline', async () => {
    const el = await render();
    await click(el, 'Decline');
    const dialog = $(shadow(el), '[role="alertdialog"]');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('confirm-title');
    expect($(shadow(el), '#confirm-title').textContent).to.equal('Decline this invitation?');
    expect(shadow(el).activeElement, 'focus starts on Cancel').to.equal(button(el, 'Cancel'));
    await expectAccessibleInBothThemes(el);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(find(el, '[role="alertdialog"]')).to.be.null;
    expect(shadow(el).activeElement).to.equal(button(el, 'Decline'));

    await sendKeys({ press: 'Enter' }); // Decline has focus: opens the question again
    await el.updateComplete;
    await sendKeys({ press: 'Enter' }); // Cancel has focus
    await el.updateComplete;
    expect(find(el, '[role="alertdialog"]')).to.be.null;
    expect(shadow(el).activeElement).to.equal(button(el, 'Decline'));
    expect(await janeStatus()).to.equal('pending');
  });

  it('declines once confirmed, and fires invitekit-invitation-declined', async () => {
    const el = await render();
    const declined = oneEvent(el, 'invitekit-invitation-declined');
    await click(el, 'Decline');
    await click(el, 'Decline invitation');
    expect((await declined).detail).to.deep.equal({ organization: { slug: 'acme', name: 'Acme Inc.' } });
    await settled(el, 'declined');
    expect(heading(el)).to.equal('Invitation declined');
    expect(text(el)).to.contain('ask an administrator of Acme Inc. for a new invitation');
    expect(await janeStatus()).to.equal('declined');
    await expectAccessibleInBothThemes(el);
  });

  it('shows an expired invitation (8 days on) and whom to ask', async () => {
    const { mock } = await mockApi();
    await mock.advanceClock(8 * DAY);
    const el = await render();
    expect(el.state).to.equal('expired');
    expect(heading(el)).to.equal('This invitation has expired');
    expect(text(el)).to.match(/It expired on .+\. Ask Ada Admin for a new invitation\./);
    expect(button(el, 'Accept invitation')).to.be.null;
    await expectAccessibleInBothThemes(el);
  });

  it('turns an accept that finds the invitation expired into the expired state', async () => {
    const { mock } = await mockApi();
    const el = await render();
    await mock.advanceClock(8 * DAY);
    await click(el, 'Accept invitation');
    await settled(el, 'expired');
  });

  it('shows a revoked invitation', async () => {
    await clientAs('acme-admin').invitations.revoke('inv_jane');
    const el = await render();
    expect(el.state).to.equal('revoked');
    expect(heading(el)).to.equal('This invitation was withdrawn');
    expect(text(el)).to.contain('ask an administrator of Acme Inc. to invite you again');
    await expectAccessibleInBothThemes(el);
  });

  it('shows an invitation already accepted or declined as already used', async () => {
    for (const code of [SEED_CODES.grace, SEED_CODES.dan]) {
      const el = await render(code);
      expect(el.state).to.equal('used');
      expect(heading(el)).to.equal('This invitation has already been used');
      await expectAccessibleInBothThemes(el);
    }
  });

  it('shows an unknown code', async () => {
    const failed = new Promise<unknown>((resolve) => {
      document.addEventListener(
        'invitekit-error',
        (e) => {
          resolve((e as CustomEvent<{ error: unknown }>).detail.error);
        },
        { once: true },
      );
    });
    const el = await render('no-such-code');
    expect(el.state).to.equal('unknown');
    expect(await failed).to.have.property('code', 'invalid_code');
    expect(heading(el)).to.equal('We could not find this invitation');
    expect(find(el, '[role="alert"]')).to.exist;
    await expectAccessibleInBothThemes(el);
  });

  it('reads the code from the page URL, and says when there is none', async () => {
    const original = location.href;
    try {
      history.replaceState(null, '', `?code=${JANE}`);
      const fromUrl = await render(null);
      expect(fromUrl.effectiveCode).to.equal(JANE);
      expect(fromUrl.state).to.equal('pending');
      history.replaceState(null, '', location.pathname);
      const none = await render(null);
      expect(none.state).to.equal('no-code');
      expect(heading(none)).to.equal('No invitation code');
      expect(text(none)).to.contain('Open this page from the link in your invitation email.');
      await expectAccessibleInBothThemes(none);
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('says so when a signed-in person with another address accepts, and changes nothing', async () => {
    const el = await render(JANE, clientAs('acme-admin'));
    await click(el, 'Accept invitation');
    await settled(el, 'mismatch');
    expect(heading(el)).to.equal('You are signed in with another email address');
    expect(text(el)).to.contain('This invitation is for j***@example.com.');
    expect(await janeStatus()).to.equal('pending');
    await expectAccessibleInBothThemes(el);
  });

  it('two tabs: one accepts, the other then declines or accepts and is told the code is used', async () => {
    for (const second of ['Decline', 'Accept invitation']) {
      await mockApi();
      const [first, other] = await Promise.all([render(), render()]);
      expect(first.state).to.equal('pending');
      expect(other.state).to.equal('pending');
      await click(first, 'Accept invitation');
      await settled(first, 'accepted');
      await click(other, second);
      if (second === 'Decline') await click(other, 'Decline invitation');
      await settled(other, 'used');
      expect(heading(other)).to.equal('This invitation has already been used');
      expect(await janeStatus()).to.equal('accepted');
    }
  });

  it('lets exactly one of two simultaneous accepts win', async () => {
    const [a, b] = await Promise.all([render(), render()]);
    need(a, 'Accept invitation').click();
    need(b, 'Accept invitation').click();
    await waitUntil(() => a.state !== 'pending' && b.state !== 'pending');
    expect([a.state, b.state].sort()).to.deep.equal(['accepted', 'used']);
  });

  it('offers "Try again" when the lookup fails, and recovers', async () => {
    await setFaults({ failureRate: 1 });
    const el = await render();
    expect(el.state).to.equal('error');
    expect($(shadow(el), '[role="alert"]').textContent).to.contain('We could not reach the server');
    await expectAccessibleInBothThemes(el);
    await setFaults({ failureRate: 0 });
    await click(el, 'Try again');
    await settled(el, 'pending');
  });

  it('keeps the offer with "Try again" when an accept fails on the network', async () => {
    const el = await render();
    await setFaults({ failureRate: 1 });
    await click(el, 'Accept invitation');
    await waitUntil(() => button(el, 'Try again') !== null);
    expect(el.state).to.equal('pending');
    expect(shadow(el).activeElement).to.equal(button(el, 'Try again'));
    await expectAccessibleInBothThemes(el);
    await setFaults({ failureRate: 0 });
    await click(el, 'Try again');
    await settled(el, 'accepted');
  });

  it('renders markup in organization and inviter names as text', async () => {
    const { worker } = await mockApi();
    const evil = '<img src=x onerror="window.__pwned=1">';
    worker.use(
      http.get('*/api/invites/:code', () =>
        HttpResponse.json({
          organization: { slug: 'acme', name: `${evil}Acme` },
          email: 'j***@example.com',
          invitedBy: { name: `<b>Ada</b>${evil}` },
          role: '<i>admin</i>',
          expiresAt: new Date(Date.now() + DAY).toISOString(),
          status: 'pending',
        }),
      ),
    );
    const el = await render();
    expect(heading(el)).to.equal(`<b>Ada</b>${evil} invited you to join ${evil}Acme`);
    expect(shadow(el).querySelector('img, b, i')).to.be.null;
    await click(el, 'Decline');
    expect($(shadow(el), '#confirm-body').textContent).to.contain(`${evil}Acme`);
    expect(shadow(el).querySelector('img')).to.be.null;
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('speaks French with lang="fr", in every state', async () => {
    const { mock } = await mockApi();
    const offer = await render(SEED_CODES.omar, clientAs(), 'fr');
    expect(heading(offer)).to.equal('Ada Admin vous invite à rejoindre Acme Inc.');
    expect(pairs(offer).slice(0, 2)).to.deep.equal(['Envoyée à: o***@example.com', 'Rôle: admin']);
    expect(pairs(offer)[2]).to.match(/^Expire: dans 5 jours \(.+\)$/);
    expect($(shadow(offer), 'label[for="name"]').textContent).to.equal('Votre nom');
    expect($(shadow(offer), '#name-optional').textContent).to.equal('(facultatif)');
    expect(button(offer, "Accepter l'invitation")).to.exist;
    await click(offer, 'Refuser');
    expect(text(offer)).to.contain('Refuser cette invitation ? Le lien ne fonctionnera plus.');
    expect(button(offer, 'Annuler')).to.exist;
    await click(offer, "Refuser l'invitation");
    await settled(offer, 'declined');
    expect(text(offer)).to.contain(
      "Invitation refusée Vous n'avez pas rejoint Acme Inc. et le lien ne fonctionne plus.",
    );

    const cases: [string | null, InvitekitClient, RegExp][] = [
      [SEED_CODES.lee, clientAs(), /^Cette invitation a été retirée Elle ne peut plus être utilisée/],
      [SEED_CODES.grace, clientAs(), /^Cette invitation a déjà été utilisée Chaque invitation/],
      ['nope', clientAs(), /^Invitation introuvable Vérifiez que vous avez ouvert/],
      [null, clientAs(), /^Pas de code d'invitation Ouvrez cette page/],
      [
        SEED_CODES.kim,
        clientAs(),
        /^Cette invitation a expiré Elle a expiré le .+\. Demandez à Ada Admin une nouvelle invitation\.( Demander une nouvelle invitation)?$/,
      ],
    ];
    for (const [code, client, expected] of cases) {
      const el = await render(code, client, 'fr');
      expect(text(el)).to.match(expected);
    }

    const mismatch = await render(JANE, clientAs('acme-admin'), 'fr');
    await click(mismatch, "Accepter l'invitation");
    await settled(mismatch, 'mismatch');
    expect(text(mismatch)).to.match(
      /^Vous êtes connecté avec une autre adresse e-mail Cette invitation est destinée à j\*\*\*@example\.com\./,
    );

    const accepted = await render(JANE, clientAs(), 'fr');
    await click(accepted, "Accepter l'invitation");
    await settled(accepted, 'accepted');
    expect(text(accepted)).to.match(/^Bienvenue dans Acme Inc\. Vous êtes désormais membre\./);

    await mock.setFaults({ failureRate: 1 });
    const failing = await render(SEED_CODES.priya, clientAs(), 'fr');
    expect(text(failing)).to.match(/^Une erreur est survenue Impossible de joindre le serveur\. .+ Réessayer$/);
    await expectAccessibleInBothThemes(failing);
  });
});
