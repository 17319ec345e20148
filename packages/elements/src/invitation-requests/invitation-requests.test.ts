/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, delay } from 'msw';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { $, button, deepActive, englishLeft, findButton, problem, shadow, textOf, wordsOf } from '../../test/dom.js';
import type { InvitekitClient } from '../shared/context.js';
import '../define/invitation-requests.js';
import type { InvitationRequests } from './invitation-requests.js';
import { invitationRequestsStrings } from './invitation-requests.strings.js';

const LIST = '/api/orgs/acme/invitation-requests';

async function render(options: { client?: InvitekitClient; lang?: string } = {}) {
  return fixture<InvitationRequests>(
    html`<invitation-requests
      lang=${options.lang ?? 'en'}
      .client=${options.client ?? clientAs('acme-admin')}
    ></invitation-requests>`,
  );
}

const items = (el: InvitationRequests) => Array.from(shadow(el).querySelectorAll('li[part="request"]'));
/** The request row at `index` (from 0); fails the test when the list is shorter. */
const item = (el: InvitationRequests, index: number) => {
  const row = items(el)[index];
  if (!row) throw new Error(`no request row at index ${String(index)}`);
  return row;
};
const emails = (el: InvitationRequests) => items(el).map((li) => $(li, '.email').textContent.trim());
const announcer = (el: InvitationRequests) => $(shadow(el), '.announcer');
const toggle = (el: InvitationRequests) => $(shadow(el), '[role="switch"]', HTMLButtonElement);
/** The element that has focus; fails the test when nothing has. */
const focused = () => {
  const active = deepActive();
  if (!active) throw new Error('nothing has focus');
  return active;
};
const settled = (el: InvitationRequests) =>
  waitUntil(
    () =>
      items(el).length > 0 &&
      shadow(el).querySelector('[role="switch"]') &&
      !shadow(el).querySelector('[aria-busy="true"]'),
    'never loaded',
    { timeout: 4000 },
  );

describe('<invitation-requests>', () => {
  let mock: Awaited<ReturnType<typeof mockApi>>;
  beforeEach(async () => {
    mock = await mockApi();
  });

  it('lists pending requests with Approve and Dismiss, the stale badge and the setting as a switch', async () => {
    const el = await render();
    await settled(el);
    expect($(shadow(el), 'h2 .count').textContent, 'the count beside the heading').to.equal('3');
    expect(emails(el)).to.deep.equal(['nora@example.com', 'tom@acme.test', 'ivan@example.com']);
    expect(findButton(el, 'Approve request from nora@example.com')).to.exist;
    expect(findButton(el, 'Dismiss request from nora@example.com')).to.exist;
    const tom = item(el, 1);
    expect($(tom, '.badge').textContent).to.equal('Already a member');
    expect(button(el, 'Approve request from tom@acme.test').getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(el)).to.contain('I joined the design team this week.');
    const sw = toggle(el);
    expect($(shadow(el), `[id="${sw.getAttribute('aria-labelledby') ?? ''}"]`).textContent).to.equal(
      'Allow requests from the login page',
    );
    expect(sw.getAttribute('aria-checked')).to.equal('true');
    await expectAccessibleInBothThemes(el);
  });

  it('approves a request: the invitation goes out, the row leaves, the result is announced', async () => {
    const el = await render();
    await settled(el);
    const approved: Promise<HTMLElementEventMap['invitekit-request-approved']> = oneEvent(
      el,
      'invitekit-request-approved',
    );
    button(el, 'Approve request from nora@example.com').click();
    const { detail } = await approved;
    expect(detail.request.status).to.equal('approved');
    expect(detail.invitation.email).to.equal('nora@example.com');
    await waitUntil(() => !emails(el).includes('nora@example.com'));
    await waitUntil(() =>
      announcer(el).textContent.includes('Request from nora@example.com approved: invitation sent'),
    );
    expect(await mock.mock.outbox('nora@example.com')).to.have.length(1);
  });

  it('announces a refused approval and reports it', async () => {
    mock.worker.use(http.post(`${LIST}/:id/approve`, () => problem(409, 'domain_not_allowed')));
    const el = await render();
    await settled(el);
    const failed = oneEvent(el, 'invitekit-error');
    button(el, 'Approve request from nora@example.com').click();
    await failed;
    await waitUntil(() => announcer(el).textContent.includes('domain is not allowed'));
    expect(emails(el)).to.include('nora@example.com');
  });

  it('dismisses a request after a vetoable request event', async () => {
    const el = await render();
    await settled(el);
    const sent: string[] = [];
    const record = ({ request }: { request: Request }) => {
      if (request.url.endsWith('/dismiss')) sent.push(request.url);
    };
    mock.worker.events.on('request:start', record);
    try {
      let vetoes = 0;
      const veto = (e: Event) => {
        vetoes += 1;
        e.preventDefault();
      };
      el.addEventListener('invitekit-request-dismiss-request', veto);
      button(el, 'Dismiss request from ivan@example.com').click();
      expect(vetoes).to.equal(1);
      el.removeEventListener('invitekit-request-dismiss-request', veto);
      // Another row's dismiss, unvetoed: had the vetoed one been sent, its request and event would come first.
      const dismissed: Promise<HTMLElementEventMap['invitekit-request-dismissed']> = oneEvent(
        el,
        'invitekit-request-dismissed',
      );
      button(el, 'Dismiss request from nora@example.com').click();
      expect((await dismissed).detail.request.email).to.equal('nora@example.com');
      await waitUntil(() => !emails(el).includes('nora@example.com'));
      expect(sent).to.have.length(1);
      expect(emails(el)).to.include('ivan@example.com');
      const second: Promise<HTMLElementEventMap['invitekit-request-dismissed']> = oneEvent(
        el,
        'invitekit-request-dismissed',
      );
      button(el, 'Dismiss request from ivan@example.com').click();
      expect((await second).detail.request.status).to.equal('dismissed');
      await waitUntil(() => !emails(el).includes('ivan@example.com'));
      await waitUntil(() => announcer(el).textContent.includes('Request from ivan@example.com dismissed'));
    } finally {
      mock.worker.events.removeListener('request:start', record);
    }
  });

  it('dismisses every stale request at once', async () => {
    const el = await render();
    await settled(el);
    button(el, 'Dismiss stale requests').click();
    await waitUntil(() => announcer(el).textContent.includes('1 stale request dismissed'));
    await waitUntil(() => !emails(el).includes('tom@acme.test'));
  });

  it('turns requests from the login page off and on with the switch, its description following, by click and by Space', async () => {
    const el = await render();
    await settled(el);
    toggle(el).click();
    await waitUntil(() => toggle(el).getAttribute('aria-checked') === 'false');
    expect((await clientAs('acme-admin').settings.get()).invitationRequestsEnabled).to.equal(false);
    await waitUntil(() => announcer(el).textContent.includes('Requests from the login page no longer allowed'));
    const hint = () => shadow(el).getElementById(toggle(el).getAttribute('aria-describedby') ?? '')?.textContent;
    expect(hint(), 'the description follows the state').to.equal(
      'The login page says requests are closed; nobody can ask for an invitation.',
    );
    await expectAccessibleInBothThemes(el);
    toggle(el).focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => toggle(el).getAttribute('aria-checked') === 'true');
    expect((await clientAs('acme-admin').settings.get()).invitationRequestsEnabled).to.equal(true);
    expect(hint()).to.equal('People can ask for an invitation from the login page; their requests wait here for you.');
  });

  it('draws loading and empty states', async () => {
    mock.worker.use(
      http.get(LIST, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const loading = await render();
    await waitUntil(() => textOf(loading).includes('Loading requests…'));
    await expectAccessibleInBothThemes(loading);
    await mockApi('empty');
    const empty = await render();
    await waitUntil(() => textOf(empty).includes('No pending requests'));
    await expectAccessibleInBothThemes(empty);
  });

  it('shows a failed load in an alert with Try again, which recovers', async () => {
    mock.worker.use(http.get(LIST, () => HttpResponse.error()));
    const el = await render();
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'));
    // One sentence for the failure, then the way out.
    expect(textOf($(shadow(el), '[role="alert"]')).trim()).to.equal(
      'The requests could not be loaded because the server could not be reached. Try again',
    );
    await expectAccessibleInBothThemes(el);
    mock.worker.resetHandlers();
    button(el, 'Try again').click();
    await settled(el);
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('says when the setting cannot be loaded, reports it, and Try again recovers the switch', async () => {
    mock.worker.use(http.get('/api/orgs/acme/settings', () => HttpResponse.error(), { once: true }));
    const errors: unknown[] = [];
    const el = await fixture<InvitationRequests>(
      html`<invitation-requests
        lang="en"
        .client=${clientAs('acme-admin')}
        @invitekit-error=${(e: HTMLElementEventMap['invitekit-error']) => errors.push(e.detail.error)}
      ></invitation-requests>`,
    );
    await waitUntil(() => shadow(el).querySelector('.setting [role="alert"]'), 'no message for the setting');
    expect(textOf($(shadow(el), '.setting [role="alert"]')).trim()).to.equal(
      'Whether the login page takes requests could not be loaded: the server could not be reached. Try again',
    );
    // Never a state it does not know: no switch at all, rather than one that reads Off.
    expect(shadow(el).querySelector('[role="switch"]')).to.equal(null);
    expect(errors).to.have.length(1);
    await expectAccessibleInBothThemes(el);
    button(el, 'Try again').click();
    await settled(el);
    expect(toggle(el).getAttribute('aria-checked')).to.equal('true');
    expect(shadow(el).querySelector('.setting [role="alert"]')).to.equal(null);
  });

  it('drops a "Show more" page that a reload overtook', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstPages = 0;
    mock.worker.use(
      http.get(LIST, async ({ request }) => {
        if (!new URL(request.url).searchParams.has('cursor')) firstPages += 1;
        else await gate;
        return undefined; // on to the mock server's own handler
      }),
    );
    // The "Show more" load, watched from the outside, so that the test waits for its end rather than a guess.
    const client = clientAs('acme-admin');
    const list = client.requests.list.bind(client.requests);
    let moreSettled: Promise<unknown> | undefined;
    client.requests.list = (query, options) => {
      const answer = list(query, options);
      if (query?.cursor)
        moreSettled = answer.then(
          () => undefined,
          () => undefined,
        );
      return answer;
    };
    const el = await fixture<InvitationRequests>(
      html`<invitation-requests lang="en" page-size="1" .client=${client}></invitation-requests>`,
    );
    await settled(el);
    button(el, 'Show more requests').click();
    el.reload();
    await waitUntil(() => firstPages === 2 && !shadow(el).querySelector('[aria-busy="true"]'));
    release();
    // Settled or aborted, the stale page's answer has reached the element by the time this resolves.
    await waitUntil(() => moreSettled !== undefined, 'the "Show more" page was never asked for');
    await moreSettled;
    await el.updateComplete;
    expect(emails(el)).to.deep.equal(['nora@example.com']);
  });

  it('tells a member without member:manage, and a signed-out visitor, what is wrong', async () => {
    const viewer = await render({ client: clientAs('acme-viewer') });
    await waitUntil(() => textOf(viewer).includes('You do not have permission to manage invitation requests'));
    expect(shadow(viewer).querySelector('button, ul')).to.equal(null);
    await expectAccessibleInBothThemes(viewer);
    const visitor = await render({ client: clientAs() });
    await waitUntil(() => textOf(visitor).includes('Sign in to manage invitation requests.'));
  });

  it('is usable with the keyboard alone', async () => {
    const el = await render();
    await settled(el);
    toggle(el).focus();
    await sendKeys({ press: 'Tab' });
    expect(focused().textContent.trim()).to.equal('Dismiss stale requests');
    await sendKeys({ press: 'Tab' });
    expect(focused().getAttribute('aria-label')).to.equal('Approve request from nora@example.com');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !emails(el).includes('nora@example.com'));
    // focus moves on to the next request rather than getting lost
    await waitUntil(() => deepActive()?.getAttribute('aria-label') === 'Dismiss request from tom@acme.test');
  });

  it('renders markup in a request as text', async () => {
    await clientAs().requests.submit({
      email: 'mallory@example.com',
      name: '<img src=x onerror=alert(1)>',
      message: '<b>hi</b>',
    });
    const el = await render();
    await settled(el);
    expect(shadow(el).querySelector('img, b')).to.equal(null);
    expect(textOf(el)).to.contain('<img src=x onerror=alert(1)>');
    expect(textOf(el)).to.contain('<b>hi</b>');
  });

  it('speaks French when lang="fr", with no English string of the catalogue left', async () => {
    const el = await render({ lang: 'fr' });
    await settled(el);
    const shown = wordsOf(el);
    expect(shown).to.contain('Autoriser les demandes depuis la page de connexion');
    expect(findButton(el, 'Approuver la demande de nora@example.com')).to.exist;
    const fr = invitationRequestsStrings.fr;
    if (!fr) throw new Error('the French catalogue was not loaded');
    expect(englishLeft(invitationRequestsStrings.en, fr, shown, ['failures'])).to.deep.equal([]);
    expect(shown).not.to.match(/Requested|request from|requests\b/);
    await expectAccessibleInBothThemes(el);
  });
});
