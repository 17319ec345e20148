/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { $, button, deepActive, englishLeft, findButton, problem, shadow, textOf, wordsOf } from '../../test/dom.js';
import '../define/invite-dialog.js';
import { InviteDialog, type InviteRole } from './invite-dialog.js';
import { inviteDialogStrings } from './invite-dialog.strings.js';

const CREATE = '/api/orgs/acme/invitations';

/** `value`, which the test needs to be there; fails the test naming `what` when it is missing. */
function need<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`no ${what}`);
  return value;
}

async function render(options: { lang?: string; roles?: InviteRole[] } = {}) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en'}>
      <button id="opener">Open</button>
      <invite-dialog .client=${clientAs('acme-admin')} .roles=${options.roles ?? []}></invite-dialog>
    </div>`,
  );
  const el = $(wrapper, 'invite-dialog', InviteDialog);
  // fixture() waited for the wrapper, not the dialog, whose first render may wait for its language's strings.
  await el.updateComplete;
  const opener = $(wrapper, '#opener', HTMLButtonElement);
  opener.addEventListener('click', () => {
    el.show();
  });
  return { el, opener };
}

async function open(options: Parameters<typeof render>[0] = {}) {
  const rendered = await render(options);
  rendered.opener.focus();
  rendered.opener.click();
  await waitUntil(() => dialogOf(rendered.el).open);
  return rendered;
}

const textarea = (el: InviteDialog) => $(shadow(el), 'textarea', HTMLTextAreaElement);
const dialogOf = (el: InviteDialog) => $(shadow(el), 'dialog', HTMLDialogElement);
/** The element that has focus, which the test needs there is. */
const focused = () => need(deepActive(), 'focused element');
const previewDone = (el: InviteDialog) =>
  waitUntil(
    () =>
      /will be sent|seront envoyées|sera envoyée/.test(
        shadow(el).querySelector('.preview [role="status"]')?.textContent ?? '',
      ),
    'no preview',
    { timeout: 4000 },
  );

async function type(el: InviteDialog, text: string) {
  textarea(el).focus();
  await sendKeys({ type: text });
}

/** Counts real (not dry-run) invite requests that reach the API. */
function countSends(worker: Awaited<ReturnType<typeof mockApi>>['worker']) {
  const sends: { key: string | null }[] = [];
  const listener = async ({ request }: { request: Request }) => {
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/orgs/acme/invitations')) return;
    const body = (await request.clone().json()) as { dryRun?: boolean };
    if (!body.dryRun) sends.push({ key: request.headers.get('Idempotency-Key') });
  };
  worker.events.on('request:start', listener);
  return {
    sends,
    stop: () => {
      worker.events.removeListener('request:start', listener);
    },
  };
}

describe('<invite-dialog>', () => {
  let mock: Awaited<ReturnType<typeof mockApi>>;
  beforeEach(async () => {
    mock = await mockApi();
  });

  it('opens as a modal named "Invite users" with focus in the address field; Escape closes and focus returns', async () => {
    const { el, opener } = await open();
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    const dialog = dialogOf(el);
    expect(dialog.matches(':modal')).to.equal(true);
    const titleId = need(dialog.getAttribute('aria-labelledby'), 'aria-labelledby on the dialog');
    expect(need(shadow(el).getElementById(titleId), `#${titleId}`).textContent).to.equal('Invite users');
    expect(deepActive()).to.equal(textarea(el));
    expect(need(textarea(el).labels[0], 'label of the address field').textContent).to.equal('Email addresses');
    await expectAccessibleInBothThemes(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open);
    expect(el.hasAttribute('open')).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('previews each address with what will happen to it, sending nothing', async () => {
    await clientAs('acme-admin').settings.update({ allowedDomains: ['example.com', 'acme.test'] });
    const { el } = await open();
    await type(el, 'Jane <jane@example.com>, viewer@acme.test; new@example.com\nfresh@other.co not-an-email');
    await previewDone(el);
    const items = Array.from(shadow(el).querySelectorAll('.preview li')).map((li) =>
      li.textContent.replace(/\s+/g, ' ').trim(),
    );
    expect(items).to.deep.equal([
      'jane@example.com already invited',
      'viewer@acme.test already a member of the organization',
      'new@example.com will be invited',
      'fresh@other.co domain not allowed',
      'not-an-email not a valid email address',
    ]);
    expect(textOf(el)).to.contain('1 invitation will be sent, 4 addresses will be skipped');
    expect(await mock.mock.outbox()).to.have.length(0);
    await expectAccessibleInBothThemes(el);
  });

  it('sends, then reports what was sent and each skipped address with its reason', async () => {
    const { el } = await open();
    await type(el, 'a@example.com b@example.com c@example.com jane@example.com');
    const sent: Promise<HTMLElementEventMap['invitekit-invitations-sent']> = oneEvent(el, 'invitekit-invitations-sent');
    button(el, 'Send invitations').click();
    const { detail } = await sent;
    expect(detail.sent.map((i) => i.email)).to.deep.equal(['a@example.com', 'b@example.com', 'c@example.com']);
    await waitUntil(() => textOf(el).includes('3 invitations sent'));
    expect(textOf(el)).to.contain('1 address skipped:');
    const items = (selector: string) =>
      Array.from(shadow(el).querySelectorAll(selector)).map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(items('.result .sent-list li'), 'who was invited, with the role').to.deep.equal([
      'a@example.com, as the default role',
      'b@example.com, as the default role',
      'c@example.com, as the default role',
    ]);
    expect(items('.result ul:not(.sent-list) li')).to.deep.equal(['jane@example.com already invited']);
    expect((await mock.mock.outbox()).filter((m) => m.kind === 'invitation')).to.have.length(3);
    expect(focused().textContent).to.equal('3 invitations sent');
    await expectAccessibleInBothThemes(el);
    button(el, 'Invite more people').click();
    await el.updateComplete;
    expect(textarea(el).value).to.equal('');
  });

  it('says "1 invitation sent" in the singular', async () => {
    const { el } = await open();
    await type(el, 'solo@example.com');
    button(el, 'Send invitations').click();
    await waitUntil(() => textOf(el).includes('1 invitation sent'));
    expect(textOf(el)).not.to.contain('skipped');
  });

  it('opens again after a send on a fresh, empty form with focus in the address field', async () => {
    const { el, opener } = await open();
    await type(el, 'solo@example.com');
    button(el, 'Send invitations').click();
    await waitUntil(() => textOf(el).includes('1 invitation sent'));
    el.close();
    await waitUntil(() => !dialogOf(el).open);
    opener.click();
    await waitUntil(() => dialogOf(el).open && deepActive() === textarea(el), 'the address field never took focus');
    expect(textarea(el).value).to.equal('');
    expect(textOf(el)).not.to.contain('invitation sent');
    expect(findButton(el, 'Send invitations')).to.exist;
  });

  it('sends exactly one request however often "Send invitations" is clicked', async () => {
    const counter = countSends(mock.worker);
    try {
      const { el } = await open();
      await type(el, 'x1@example.com x2@example.com');
      const send = button(el, 'Send invitations');
      send.click();
      send.click();
      send.click();
      await waitUntil(() => textOf(el).includes('2 invitations sent'));
      expect(counter.sends).to.have.length(1);
      expect((await mock.mock.outbox()).filter((m) => m.kind === 'invitation')).to.have.length(2);
    } finally {
      counter.stop();
    }
  });

  it('shows a failed send in an alert and retries with the same Idempotency-Key', async () => {
    const counter = countSends(mock.worker);
    mock.worker.use(
      http.post(CREATE, async ({ request }) =>
        ((await request.clone().json()) as { dryRun?: boolean }).dryRun ? undefined : problem(503, 'unavailable'),
      ),
    );
    try {
      const { el } = await open();
      await type(el, 'retry@example.com');
      const failed = oneEvent(el, 'invitekit-error');
      button(el, 'Send invitations').click();
      await failed;
      const said = 'No invitation was sent: the service is busy. Try again in a moment.';
      await waitUntil(() => textOf(el).includes(said));
      expect($(shadow(el), '[role="alert"]:not(#problem)').textContent).to.contain(said);
      expect(textOf(el).split(said).length - 1, 'said once').to.equal(1);
      await expectAccessibleInBothThemes(el);
      mock.worker.resetHandlers();
      button(el, 'Send invitations').click();
      await waitUntil(() => textOf(el).includes('1 invitation sent'));
      expect(counter.sends).to.have.length(2);
      expect(need(counter.sends[1], 'second send').key).to.equal(need(counter.sends[0], 'first send').key);
    } finally {
      counter.stop();
    }
  });

  it('says a failed preview check in words of its own, once: nothing has been sent', async () => {
    mock.worker.use(
      http.post(CREATE, async ({ request }) =>
        ((await request.clone().json()) as { dryRun?: boolean }).dryRun ? problem(503, 'unavailable') : undefined,
      ),
    );
    const { el } = await open();
    await type(el, 'check@example.com');
    const said = 'The addresses could not be checked because of a problem on the server. Nothing has been sent.';
    await waitUntil(() => textOf(el).includes(said), 'the preview failure is not said');
    expect(textOf(el).split(said).length - 1, 'said once').to.equal(1);
    expect(textOf(el)).not.to.contain('could not be sent');
    await expectAccessibleInBothThemes(el);
  });

  it('refuses more than 100 addresses before sending, and an empty list', async () => {
    const counter = countSends(mock.worker);
    try {
      const { el } = await open();
      button(el, 'Send invitations').click();
      await waitUntil(() => textOf(el).includes('Enter at least one email address.'));
      expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
      textarea(el).value = Array.from({ length: 101 }, (_, i) => `p${i}@example.com`).join('\n');
      textarea(el).dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(textOf(el)).to.contain('101 addresses: one invitation batch takes at most 100.');
      button(el, 'Send invitations').click();
      await el.updateComplete;
      expect(deepActive()).to.equal(textarea(el));
      await expectAccessibleInBothThemes(el);
      expect(counter.sends).to.have.length(0);
    } finally {
      counter.stop();
    }
  });

  it('offers the configured roles and sends the chosen one', async () => {
    const { el } = await open({
      roles: [
        { value: 'member', label: 'Member' },
        { value: 'admin', label: 'Admin' },
      ],
    });
    const select = $(shadow(el), 'select', HTMLSelectElement);
    expect(need(select.labels[0], 'label of the role field').textContent).to.contain('Role');
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    await type(el, 'boss@example.com');
    const sent: Promise<HTMLElementEventMap['invitekit-invitations-sent']> = oneEvent(el, 'invitekit-invitations-sent');
    button(el, 'Send invitations').click();
    expect(need((await sent).detail.sent[0], 'sent invitation').role).to.equal('admin');
    const plain = await render();
    expect(shadow(plain.el).querySelector('select')).to.equal(null);
  });

  it('is usable with the keyboard alone', async () => {
    const { el } = await open();
    await sendKeys({ type: 'kb@example.com' });
    await sendKeys({ press: 'Tab' });
    expect(focused().textContent.trim()).to.equal('Upload CSV');
    await sendKeys({ press: 'Tab' });
    expect(focused().textContent.trim()).to.equal('Close');
    await sendKeys({ press: 'Tab' });
    expect(focused().textContent.trim()).to.equal('Send invitations');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textOf(el).includes('1 invitation sent'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused().textContent.trim()).to.equal('Close');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !el.open);
    expect(need(document.activeElement, 'focused element').id).to.equal('opener');
  });

  it('shows markup typed into the list as text', async () => {
    const { el } = await open();
    await type(el, '<img src=x onerror=alert(1)>@x.co');
    await previewDone(el);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(textOf(el)).to.contain('<img not a valid email address');
    button(el, 'Send invitations').click();
    await waitUntil(() => textOf(el).includes('invitation sent'));
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(textOf(el)).to.contain('<img not a valid email address');
  });

  it('speaks French when lang="fr", with no English string of the catalogue left', async () => {
    const { el } = await open({ lang: 'fr' });
    await type(el, 'jane@example.com nouveau@example.com');
    await previewDone(el);
    const shown = wordsOf(el);
    expect(shown).to.contain('Inviter des utilisateurs');
    expect(shown).to.contain('déjà invitée');
    expect(
      englishLeft(inviteDialogStrings.en, need(inviteDialogStrings.fr, 'French catalogue'), shown, ['failures']),
    ).to.deep.equal([]);
    expect(findButton(el, 'Envoyer les invitations')).to.exist;
    await expectAccessibleInBothThemes(el);
  });
});
