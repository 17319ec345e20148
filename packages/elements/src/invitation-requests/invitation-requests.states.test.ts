import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { button, deepActive, findButton, problem, textOf } from '../../test/dom.js';
import { atWidth, expectActionsReachable, expectNoHorizontalOverflow, WIDTHS } from '../../test/viewport.js';
import '../define/invitation-requests.js';
import '../define/invitation-table.js';
import '../define/invitekit-provider.js';
import type { InvitationRequests } from './invitation-requests.js';

const LIST = '/api/orgs/acme/invitation-requests';
const SETTINGS = '/api/orgs/acme/settings';

const shadow = (el: Element) => {
  const root = el.shadowRoot;
  if (!root) throw new Error(`<${el.localName}> has no shadow root`);
  return root;
};
const $ = (el: Element, selector: string) => shadow(el).querySelector<HTMLElement>(selector);
/** The element for `selector` in `el`'s shadow root, which must be there. */
function need(el: Element, selector: string): HTMLElement {
  const found = $(el, selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
}
const emails = (el: InvitationRequests) => [...shadow(el).querySelectorAll('li .email')].map((e) => e.textContent);
const ready = (el: InvitationRequests) =>
  waitUntil(() => emails(el).length > 0 && $(el, '[role="switch"]') && !$(el, '[aria-busy="true"]'), 'never loaded');

async function render() {
  const el = await fixture<InvitationRequests>(
    html`<invitation-requests lang="en" .client=${clientAs('acme-admin')}></invitation-requests>`,
  );
  return el;
}

/** Holds `method path` answers until `release()`: a slow network, without sleeping in the test. */
function gate(worker: Awaited<ReturnType<typeof mockApi>>['worker'], method: 'get' | 'post' | 'patch', path: string) {
  let release = () => {};
  const opened = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  worker.use(
    http[method](path, async () => {
      calls += 1;
      await opened;
      return undefined; // on to the mock server's own handler
    }),
  );
  return { release, calls: () => calls };
}

describe('<invitation-requests> states', () => {
  let mock: Awaited<ReturnType<typeof mockApi>>;
  beforeEach(async () => {
    mock = await mockApi();
  });

  it('shows the switch busy while the setting loads, never Off, then the real switch', async () => {
    const settings = gate(mock.worker, 'get', SETTINGS);
    const el = await render();
    await waitUntil(() => emails(el).length > 0, 'no list');
    expect($(el, '[role="switch"]'), 'no switch before the setting is known').to.equal(null);
    const placeholder = need(el, '[part="switch"]');
    expect(placeholder.getAttribute('aria-busy')).to.equal('true');
    expect(textOf(placeholder)).to.contain('Allow requests from the login page');
    expect(textOf(placeholder)).to.contain('Loading…');
    expect(shadow(el).querySelector('[aria-checked]')).to.equal(null);
    await expectAccessibleInBothThemes(el);
    settings.release();
    await waitUntil(() => $(el, '[role="switch"]'), 'the switch never came');
    expect(need(el, '[role="switch"]').getAttribute('aria-checked')).to.equal('true');
  });

  it('shows the switch busy while a change saves, keeping focus on it', async () => {
    const el = await render();
    await ready(el);
    const save = gate(mock.worker, 'patch', SETTINGS);
    const sw = need(el, '[role="switch"]');
    sw.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => sw.getAttribute('aria-busy') === 'true', 'never busy');
    expect(sw.getAttribute('aria-disabled')).to.equal('true');
    expect(sw.getAttribute('aria-checked'), 'the saved state until the answer').to.equal('true');
    expect(textOf(sw)).to.contain('Saving…');
    expect(deepActive()).to.equal(sw);
    save.release();
    await waitUntil(() => sw.getAttribute('aria-checked') === 'false' && sw.getAttribute('aria-busy') === 'false');
    expect($(el, '.setting .outcome.success')?.textContent).to.contain(
      'Requests from the login page no longer allowed',
    );
  });

  it('shows Approve busy on a slow answer, acts once for two presses, then the outcome where the row was', async () => {
    const el = await render();
    await ready(el);
    const approve = gate(mock.worker, 'post', `${LIST}/:id/approve`);
    const nora = button(el, 'Approve request from nora@example.com');
    nora.focus();
    nora.click();
    await waitUntil(() => nora.getAttribute('aria-busy') === 'true', 'Approve never busy');
    expect(nora.getAttribute('aria-disabled')).to.equal('true');
    expect(getComputedStyle(nora, '::after').content).to.equal('"Approving…"');
    expect(nora.getAttribute('aria-label'), 'the name stays').to.equal('Approve request from nora@example.com');
    expect(deepActive(), 'focus stays on the pressed button').to.equal(nora);
    nora.click();
    await sendKeys({ press: 'Enter' });
    const approved = oneEvent(el, 'invitekit-request-approved');
    approve.release();
    await approved;
    await waitUntil(() => !emails(el).includes('nora@example.com'), 'the row never left');
    expect(approve.calls()).to.equal(1);
    expect(shadow(el).querySelectorAll('.outcome'), 'one outcome, not one by the row and one above').to.have.length(1);
    const outcome = $(el, '.outcome.success');
    expect(outcome?.textContent).to.contain('Request from nora@example.com approved: invitation sent');
    expect(await mock.mock.outbox('nora@example.com')).to.have.length(1);
    await expectAccessibleInBothThemes(el);
  });

  it('shows a refused approval beside its row, styled as a failure and naming the address', async () => {
    mock.worker.use(http.post(`${LIST}/:id/approve`, () => problem(409, 'domain_not_allowed')));
    const el = await render();
    await ready(el);
    button(el, 'Approve request from nora@example.com').click();
    await waitUntil(() => $(el, 'li[data-id] .outcome.failure'), 'no failure beside the row');
    const outcome = need(el, 'li[data-id] .outcome.failure');
    expect(outcome.closest('li')?.querySelector('.email')?.textContent).to.equal('nora@example.com');
    expect(textOf(outcome).trim()).to.equal(
      '! The request from nora@example.com was not approved: the address’s domain is not allowed in this organization.',
    );
    expect(getComputedStyle(outcome).color).not.to.equal(getComputedStyle(need(el, '.email')).color);
    await expectAccessibleInBothThemes(el);
  });

  it('keeps a stale request’s Approve focusable, with its reason as the description, and does nothing on it', async () => {
    const el = await render();
    await ready(el);
    const tom = button(el, 'Approve request from tom@acme.test');
    expect(tom.disabled).to.equal(false);
    expect(tom.getAttribute('aria-disabled')).to.equal('true');
    const reason = shadow(el).getElementById(tom.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).to.equal('Joined another way since asking: nothing to approve.');
    expect(reason?.getClientRects().length, 'the reason is on screen, not in a tooltip').to.be.greaterThan(0);
    button(el, 'Dismiss request from nora@example.com').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(tom);
    let approvals = 0;
    mock.worker.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/approve')) approvals += 1;
    });
    await sendKeys({ press: 'Enter' });
    tom.click();
    await el.updateComplete;
    expect(approvals).to.equal(0);
    expect(emails(el)).to.include('tom@acme.test');
  });

  it('refreshes the invitation table under the same provider when a request is approved', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<invitekit-provider .client=${clientAs('acme-admin')} lang="en">
        <invitation-table></invitation-table>
        <invitation-requests></invitation-requests>
      </invitekit-provider>`,
    );
    const table = wrapper.querySelector('invitation-table');
    const requests = wrapper.querySelector('invitation-requests');
    if (!table || !requests) throw new Error('the fixture is incomplete');
    await ready(requests);
    await waitUntil(() => findButton(table, 'Actions for jane@example.com'), 'the table never loaded');
    expect(findButton(table, 'Actions for nora@example.com')).to.equal(undefined);
    button(requests, 'Approve request from nora@example.com').click();
    await waitUntil(
      () => findButton(table, 'Actions for nora@example.com'),
      'the table never showed the new invitation',
    );
  });

  for (const width of WIDTHS) {
    it(`fits ${width} px: no sideways scroll, every action reachable by its name, axe clean`, async () => {
      await atWidth(width);
      await clientAs().requests.submit({
        email: 'someone.with.a.very.long.address.indeed@a-long-domain-name.example.com',
        name: 'Maximiliane Long-Name',
        message: 'A message long enough to wrap on a phone, with a word like Donaudampfschifffahrtsgesellschaft.',
      });
      const el = await render();
      await ready(el);
      expectNoHorizontalOverflow(el);
      expectActionsReachable(el, [
        'Allow requests from the login page',
        'Dismiss stale requests',
        'Approve request from nora@example.com',
        'Dismiss request from nora@example.com',
        'Approve request from tom@acme.test',
        'Dismiss request from someone.with.a.very.long.address.indeed@a-long-domain-name.example.com',
      ]);
      await expectAccessibleInBothThemes(el);
    });
  }

  it('says a failed list load in one sentence, and a failure of the setting alone beside the switch', async () => {
    mock.worker.use(http.get(SETTINGS, () => HttpResponse.json({ code: 'boom' }, { status: 500 })));
    const el = await render();
    await waitUntil(() => $(el, '.setting [role="alert"]'), 'no alert for the setting');
    expect(textOf(need(el, '.setting [role="alert"]')).trim()).to.equal(
      'Whether the login page takes requests could not be loaded: a problem on the server. Try again',
    );
    expect($(el, '[part="switch"]')?.textContent).to.contain('Not loaded');
    expect(emails(el), 'the list still loads').to.include('nora@example.com');
  });
});
