import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, emulateMedia, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { clientAs, mockApi, setFaults } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { $, shadow } from '../../test/dom.js';
import type { InvitekitClient } from '../shared/context.js';
import '../define/request-invite-form.js';
import type { RequestInviteForm } from './request-invite-form.js';

/** A node of Chromium's accessibility tree, as `a11ySnapshot` answers it. */
interface AxNode {
  role: string;
  name: string;
  children: AxNode[];
}

const NEW_ADDRESS = 'newcomer@example.com';
const MEMBER_ADDRESS = 'viewer@acme.test';

async function render(organization = 'acme', client: InvitekitClient = clientAs(), lang?: string) {
  const el = await fixture<RequestInviteForm>(
    html`<request-invite-form
      lang=${lang ?? 'en'}
      organization=${organization}
      .client=${client}
    ></request-invite-form>`,
  );
  await waitUntil(() => !text(el).includes('Loading') && !text(el).includes('Chargement'), 'access never loaded');
  return el;
}

const root = (el: RequestInviteForm) => shadow(el);
/** The match of `selector` in the form, or null (for what must be absent or is awaited). */
const find = (el: RequestInviteForm, selector: string) => root(el).querySelector(selector);
const text = (el: RequestInviteForm) => root(el).textContent.replace(/\s+/g, ' ').trim();
/** The field named `name` (an input, or the message's textarea); fails the test when it is missing. */
function input(el: RequestInviteForm, name: string): HTMLInputElement | HTMLTextAreaElement {
  const field = $(root(el), `[name="${name}"]`);
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) return field;
  throw new Error(`[name="${name}"] is a <${field.localName}>, not a field`);
}

/** Types into a field as a person would (real key events through the browser). */
async function typeInto(el: RequestInviteForm, name: string, value: string) {
  input(el, name).focus();
  await sendKeys({ type: value });
}

async function submit(el: RequestInviteForm) {
  $(root(el), 'button[type="submit"]', HTMLButtonElement).click();
  await el.updateComplete;
  await waitUntil(
    () => !root(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled,
    'submission never settled',
  );
  await el.updateComplete;
}

/** axe finds nothing in this state, in the light and the dark theme. */
async function pendingRequestEmails(): Promise<string[]> {
  const page = await clientAs('acme-admin').requests.list({ limit: 100 });
  return page.items.map((item) => item.email);
}

describe('<request-invite-form>', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('shows a loading state while it reads access', async () => {
    await setFaults({ latencyMs: 5000 });
    const el = await fixture<RequestInviteForm>(
      html`<request-invite-form organization="acme" .client=${clientAs()}></request-invite-form>`,
    );
    expect(text(el)).to.equal('Loading…');
    expect(find(el, '[role="status"]')).to.exist;
    await expectAccessibleInBothThemes(el);
  });

  it('offers a real form with the public accessible names and autofill hints', async () => {
    const el = await render();
    expect($(root(el), 'h2').textContent).to.equal('Request an invitation to Acme Inc.');
    const form = $(root(el), 'form', HTMLFormElement);
    expect(form).to.exist;
    const email = input(el, 'email');
    expect(email.type).to.equal('email');
    expect(email.required).to.be.true;
    expect(email.autocomplete).to.equal('email');
    expect(input(el, 'name').autocomplete).to.equal('name');
    expect(input(el, 'message').tagName).to.equal('TEXTAREA');
    expect(email.hasAttribute('aria-invalid'), 'not invalid before it is touched').to.be.false;

    // The command's typings say void; it answers the page's accessibility tree.
    const snapshot = a11ySnapshot({}) as Promise<unknown>;
    const tree = (await snapshot) as AxNode;
    for (const [role, name] of [
      ['textbox', 'Email'],
      ['textbox', 'Name'],
      ['textbox', 'Message'],
      ['button', 'Request invitation'],
    ]) {
      expect(
        findAccessibilityNode<AxNode>(tree, (node) => node.role === role && node.name === name),
        `${role} "${name}"`,
      ).to.exist;
    }
    // The honeypot is out of the accessibility tree.
    expect(findAccessibilityNode<AxNode>(tree, (node) => node.name === 'Website')).to.be.null;
    await expectAccessibleInBothThemes(el);
  });

  it('submits by keyboard alone: Tab order Email, Name, Message, button, and Enter sends', async () => {
    const el = await render();
    const submitted = oneEvent(el, 'invitekit-request-submitted');
    input(el, 'email').focus();
    await sendKeys({ type: NEW_ADDRESS });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(input(el, 'name'));
    await sendKeys({ type: 'Nora Newcomer' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(input(el, 'message'));
    await sendKeys({ type: 'I run the Lisbon office.' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement, 'the honeypot is skipped').to.equal(find(el, 'button[type="submit"]'));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root(el).activeElement).to.equal(input(el, 'name'));
    await sendKeys({ press: 'Enter' });

    const event = await submitted;
    expect(event.detail).to.deep.equal({ email: NEW_ADDRESS });
    await waitUntil(() => text(el).includes('If your request is approved'));
    expect(root(el).activeElement, 'focus moves to the answer').to.equal(find(el, '[part="status"]'));
    const stored = (await clientAs('acme-admin').requests.list()).items.find((item) => item.email === NEW_ADDRESS);
    expect(stored).to.include({ name: 'Nora Newcomer', message: 'I run the Lisbon office.' });
  });

  it('gives the same confirmation, byte for byte, to a member, a repeat and a new address', async () => {
    const answers: string[] = [];
    for (const address of [MEMBER_ADDRESS, NEW_ADDRESS, NEW_ADDRESS]) {
      const el = await render();
      await typeInto(el, 'email', address);
      await submit(el);
      answers.push($(root(el), '[part="base"]').innerHTML.replace(/<!--[^]*?-->/g, ''));
      await expectAccessibleInBothThemes(el);
    }
    expect(answers[0]).to.contain('If your request is approved, you will receive an invitation by email.');
    expect(answers[1]).to.equal(answers[0]);
    expect(answers[2]).to.equal(answers[0]);
  });

  it('marks an empty email invalid only after a submit, explains why, and focuses it', async () => {
    const el = await render();
    $(root(el), 'button[type="submit"]', HTMLButtonElement).click();
    await el.updateComplete;
    const email = input(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('email-error');
    expect($(root(el), '#email-error').textContent).to.equal('Enter your email address.');
    expect(root(el).activeElement).to.equal(email);
    await expectAccessibleInBothThemes(el);

    await sendKeys({ type: 'not-an-address' });
    await el.updateComplete;
    expect($(root(el), '#email-error').textContent).to.equal('Enter an email address such as name@example.com.');
    await sendKeys({ type: '@example.com' });
    await el.updateComplete;
    expect(email.hasAttribute('aria-invalid')).to.be.false;
    expect(find(el, '#email-error')).to.be.null;
  });

  it('checks the email once the person leaves the field, not before', async () => {
    const el = await render();
    await typeInto(el, 'email', 'jane');
    await el.updateComplete;
    expect(input(el, 'email').hasAttribute('aria-invalid'), 'typing alone does not scold').to.be.false;
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
  });

  it("puts the server's invalid_email on the Email field", async () => {
    const el = await render();
    const before = await pendingRequestEmails();
    // The browser's type=email accepts a domain without a dot; the rules do not.
    await typeInto(el, 'email', 'jane@localhost');
    await submit(el);
    const email = input(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect($(root(el), '#email-error').textContent).to.equal('Enter an email address such as name@example.com.');
    expect(root(el).activeElement).to.equal(email);
    expect(text(el)).not.to.contain('If your request is approved');
    expect(await pendingRequestEmails()).to.deep.equal(before);
    await expectAccessibleInBothThemes(el);
  });

  it('sends one request per submit, the button disabled while it is in flight', async () => {
    const el = await render();
    await typeInto(el, 'email', NEW_ADDRESS);
    await setFaults({ latencyMs: 300 });
    const button = $(root(el), 'button[type="submit"]', HTMLButtonElement);
    button.click();
    await el.updateComplete;
    expect(button.disabled).to.be.true;
    $(root(el), 'form', HTMLFormElement).requestSubmit();
    await waitUntil(() => text(el).includes('If your request is approved'));
    await setFaults({ latencyMs: 0 });
    // A second request for the address would have counted against its limit of 5: 4 remain.
    for (let i = 0; i < 4; i++) await clientAs().requests.submit({ email: NEW_ADDRESS });
    const sixth = await clientAs()
      .requests.submit({ email: NEW_ADDRESS })
      .catch((error: unknown) => error);
    expect(sixth).to.have.property('code', 'rate_limited');
  });

  it('tells a rate-limited visitor how long to wait', async () => {
    const { mock } = await mockApi();
    for (let i = 0; i < 5; i++) await clientAs().requests.submit({ email: NEW_ADDRESS });
    // The window slides: 48 minutes on, the first of the five frees up in 12 minutes.
    await mock.advanceClock(48 * 60_000);
    const el = await render();
    const failed: Promise<HTMLElementEventMap['invitekit-error']> = oneEvent(el, 'invitekit-error');
    await typeInto(el, 'email', NEW_ADDRESS);
    await submit(el);
    expect((await failed).detail.error).to.have.property('code', 'rate_limited');
    const alert = $(root(el), 'form [role="alert"]');
    expect(alert.textContent).to.equal('Too many requests for this address. Please try again in 12 minutes.');
    expect(text(el)).not.to.contain('If your request is approved');
    await expectAccessibleInBothThemes(el);
  });

  it('answers a filled honeypot with the confirmation and stores nothing', async () => {
    const el = await render();
    let fired = false;
    el.addEventListener('invitekit-request-submitted', () => (fired = true));
    await typeInto(el, 'email', 'bot@spam.example');
    input(el, 'website').value = 'http://spam.example';
    await submit(el);
    expect(text(el)).to.contain('If your request is approved, you will receive an invitation by email.');
    expect(fired).to.be.false;
    expect(await pendingRequestEmails()).not.to.include('bot@spam.example');
    const honeypot = find(el, '[name="website"]');
    expect(honeypot).to.be.null; // the form is gone
  });

  it('shows that requests are closed where the organization takes none (globex)', async () => {
    const el = await render('globex', clientAs(undefined, 'globex'));
    expect(text(el)).to.contain('Requests for invitations are closed');
    expect(find(el, 'form')).to.be.null;
    await expectAccessibleInBothThemes(el);
  });

  it('shows the closed state once an admin turns requests off, on load and at submit', async () => {
    const open = await render();
    await clientAs('acme-admin').settings.update({ invitationRequestsEnabled: false });
    const closed = await render();
    expect(text(closed)).to.contain('Requests for invitations are closed');
    expect(find(closed, 'form')).to.be.null;

    // The form loaded while requests were on; the submit learns they are off.
    await typeInto(open, 'email', NEW_ADDRESS);
    await submit(open);
    expect(text(open)).to.contain('Requests for invitations are closed');
    expect(await pendingRequestEmails()).not.to.include(NEW_ADDRESS);
  });

  it('says so when the organization does not exist', async () => {
    const el = await render('no-such-org');
    expect($(root(el), '[role="alert"]').textContent).to.contain('This organization does not exist');
    expect(find(el, 'form')).to.be.null;
    await expectAccessibleInBothThemes(el);
  });

  it('offers "Try again" when access cannot be loaded, and recovers', async () => {
    await setFaults({ failureRate: 1 });
    const el = await render();
    const alert = $(root(el), '[role="alert"]');
    expect(alert.textContent).to.contain('We could not load this form');
    await expectAccessibleInBothThemes(el);
    await setFaults({ failureRate: 0 });
    $(root(el), '[role="alert"] button', HTMLButtonElement).click();
    await waitUntil(() => find(el, 'form') !== null, 'the retry never brought the form');
  });

  it('keeps the form and explains when a submission fails on the network', async () => {
    const el = await render();
    await typeInto(el, 'email', NEW_ADDRESS);
    await setFaults({ failureRate: 1 });
    await submit(el);
    expect($(root(el), 'form [role="alert"]').textContent).to.contain('Your request could not be sent');
    expect(input(el, 'email').value).to.equal(NEW_ADDRESS);
    await expectAccessibleInBothThemes(el);
    await setFaults({ failureRate: 0 });
    await submit(el);
    expect(text(el)).to.contain('If your request is approved');
  });

  it('speaks French with lang="fr", every string of every state', async () => {
    const form = await render('acme', clientAs(), 'fr');
    expect($(root(form), 'h2').textContent).to.equal('Demander une invitation à Acme Inc.');
    expect(text(form)).to.contain('Un administrateur examinera votre demande.');
    expect($(root(form), 'label[for="email"]').textContent).to.equal('E-mail');
    expect($(root(form), 'label[for="name"]').textContent).to.equal('Nom');
    expect($(root(form), 'label[for="message"]').textContent).to.equal('Message');
    expect($(root(form), '#name-optional').textContent).to.equal('(facultatif)');
    expect($(root(form), 'label[for="website"]').textContent).to.equal('Site web');
    expect($(root(form), 'button[type="submit"]').textContent.trim()).to.equal('Demander une invitation');
    await submit(form);
    expect($(root(form), '#email-error').textContent).to.equal('Saisissez votre adresse e-mail.');
    await typeInto(form, 'email', 'x');
    await form.updateComplete;
    expect($(root(form), '#email-error').textContent).to.equal('Saisissez une adresse e-mail comme nom@exemple.com.');
    for (let i = 0; i < 5; i++) await clientAs().requests.submit({ email: NEW_ADDRESS });
    input(form, 'email').value = NEW_ADDRESS;
    await submit(form);
    expect($(root(form), 'form [role="alert"]').textContent).to.equal(
      'Trop de demandes pour cette adresse. Veuillez réessayer dans 1 heure.',
    );
    await setFaults({ failureRate: 1 });
    await submit(form);
    expect($(root(form), 'form [role="alert"]').textContent).to.contain("Votre demande n'a pas pu être envoyée");
    await setFaults({ failureRate: 0 });
    input(form, 'email').value = 'autre@example.com';
    await submit(form);
    expect(text(form)).to.contain('Demande reçue');
    expect(text(form)).to.contain('Si votre demande est acceptée, vous recevrez une invitation par e-mail.');

    const closed = await render('globex', clientAs(undefined, 'globex'), 'fr');
    expect(text(closed)).to.contain("Demandes fermées Les demandes d'invitation sont fermées.");
    const unknown = await render('nope', clientAs(), 'fr');
    expect(text(unknown)).to.contain("Cette organisation n'existe pas.");
    await setFaults({ failureRate: 1 });
    const failing = await render('acme', clientAs(), 'fr');
    expect(text(failing)).to.contain('Impossible de charger ce formulaire.');
    expect($(root(failing), '[role="alert"] button').textContent).to.equal('Réessayer');
    await expectAccessibleInBothThemes(failing);
  });

  it('takes any string from the host through `strings`', async () => {
    const el = await render();
    el.strings = { submit: 'Ask to join', heading: (org) => `Join ${org}` };
    await el.updateComplete;
    expect($(root(el), 'button[type="submit"]').textContent.trim()).to.equal('Ask to join');
    expect($(root(el), 'h2').textContent).to.equal('Join Acme Inc.');
  });

  it('follows the theme attribute and prefers-color-scheme', async () => {
    const el = await render();
    const background = () => getComputedStyle($(root(el), '[part="base"]')).backgroundColor;
    el.theme = 'light';
    await el.updateComplete;
    const light = background();
    el.theme = 'dark';
    await el.updateComplete;
    const dark = background();
    expect(dark).not.to.equal(light);
    el.theme = undefined;
    el.removeAttribute('theme');
    await emulateMedia({ colorScheme: 'dark' });
    try {
      await el.updateComplete;
      expect(background()).to.equal(dark);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
    expect(background()).to.equal(light);
  });
});

describe('request-invite-form alone on a page', () => {
  beforeEach(() => mockApi());

  it('works with nothing but its tag: it loads its own public client for base-url and submits', async () => {
    const el = await fixture<RequestInviteForm>(html`<request-invite-form organization="acme"></request-invite-form>`);
    await waitUntil(
      () => find(el, '[name="email"]') !== null,
      'the lone form never loaded access through its own client',
    );
    expect(el.client, 'a lone element takes no full client').to.equal(undefined);
    await typeInto(el, 'email', 'alone@example.com');
    await submit(el);
    expect(text(el)).to.include('If your request is approved, you will receive an invitation by email');
    expect(await pendingRequestEmails()).to.include('alone@example.com');
  });
});
