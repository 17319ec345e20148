/// <reference types="mocha" />
// Elements that work together: in sync under one provider, and silent once removed from the page.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { button, menuItem, waitForButton } from '../../test/dom.js';
import '../define/invitekit-provider.js';
import '../define/invitation-table.js';
import '../define/invitation-requests.js';
import { InvitationTable } from './invitation-table.js';
import { InvitationRequests } from '../invitation-requests/invitation-requests.js';
import { InviteDialog } from '../invite-dialog/invite-dialog.js';

const SESSION = 'invitekit_session';
const LIST = '/api/orgs/acme/invitations';

const emails = (el: InvitationTable) =>
  Array.from(el.renderRoot.querySelectorAll('tbody tr[part="row"] td.email .address')).map((td) =>
    td.textContent.trim(),
  );
const loaded = (el: InvitationTable) =>
  waitUntil(() => emails(el).length > 0 && !el.renderRoot.querySelector('table[aria-busy="true"]'), 'never loaded', {
    timeout: 4000,
  });

/** A gate for one endpoint: requests wait until `release()`, then go on to the mock server. */
function gated(method: 'get' | 'post', path: string) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const seen: Request[] = [];
  const handler = http[method](path, async ({ request }) => {
    seen.push(request);
    await gate;
    return undefined;
  });
  return { handler, seen, release };
}

/** Replaces `api[name]` with a wrapper that remembers when its last call settled (resolved or rejected). */
function watchCall<A extends object>(api: A, name: keyof A) {
  const original = api[name] as (...args: unknown[]) => Promise<unknown>;
  let last: Promise<unknown> | undefined;
  const outcome: { error?: unknown } = {};
  (api as Record<keyof A, unknown>)[name] = (...args: unknown[]) => {
    const answer = original.apply(api, args);
    last = answer.then(
      () => undefined,
      (error: unknown) => {
        outcome.error = error;
      },
    );
    return answer;
  };
  return {
    outcome,
    /** Settles once the last call has, and its callers have run their continuation. */
    async settled(): Promise<void> {
      await waitUntil(() => last !== undefined, 'never called');
      await last;
    },
  };
}

/** Everything an element could do after removal that a host would notice. */
function watchAfterRemoval(el: HTMLElement) {
  const events: string[] = [];
  const consoleCalls: unknown[][] = [];
  const originals = { error: console.error, warn: console.warn };
  const names = [
    'invitekit-error',
    'invitekit-invitation-resent',
    'invitekit-invitation-revoked',
    'invitekit-request-approved',
  ];
  const record = (e: Event) => events.push(e.type);
  for (const name of names) el.addEventListener(name, record);
  const failure = (e: Event) => consoleCalls.push(['uncaught', (e as ErrorEvent).message]);
  window.addEventListener('error', failure);
  window.addEventListener('unhandledrejection', failure);
  console.error = (...args: unknown[]) => consoleCalls.push(args);
  console.warn = (...args: unknown[]) => consoleCalls.push(args);
  return {
    events,
    consoleCalls,
    stop() {
      for (const name of names) el.removeEventListener(name, record);
      window.removeEventListener('error', failure);
      window.removeEventListener('unhandledrejection', failure);
      Object.assign(console, originals);
    },
  };
}

describe('elements in sync under one <invitekit-provider>', () => {
  beforeEach(async () => {
    await mockApi();
    document.cookie = `${SESSION}=acme-admin; path=/`;
  });
  afterEach(() => {
    document.cookie = `${SESSION}=; path=/; max-age=0`;
  });

  async function page() {
    const root = await fixture<HTMLElement>(
      html`<div>
        <invitekit-provider base-url="/api" organization="acme">
          <invitation-requests lang="en"></invitation-requests>
          <invitation-table lang="en"></invitation-table>
          <invite-dialog lang="en"></invite-dialog>
        </invitekit-provider>
        <invitekit-provider base-url="/api" organization="acme">
          <invitation-table class="elsewhere" lang="en"></invitation-table>
        </invitekit-provider>
      </div>`,
    );
    const q = <C extends new () => Element>(selector: string, type: C): InstanceType<C> => {
      const found = root.querySelector(selector);
      if (!(found instanceof type)) throw new Error(`no ${selector}`);
      return found as InstanceType<C>;
    };
    const table = q('invitekit-provider:first-child invitation-table', InvitationTable);
    const elsewhere = q('invitation-table.elsewhere', InvitationTable);
    await loaded(table);
    await loaded(elsewhere);
    return {
      requests: q('invitation-requests', InvitationRequests),
      table,
      elsewhere,
      dialog: q('invite-dialog', InviteDialog),
    };
  }

  it('refreshes the table after an approve in a sibling <invitation-requests>, and no table under another provider', async () => {
    const { requests, table, elsewhere } = await page();
    expect(emails(table)).not.to.include('nora@example.com');
    let elsewhereLoads = 0;
    const reload = elsewhere.reload.bind(elsewhere);
    elsewhere.reload = () => {
      elsewhereLoads += 1;
      reload();
    };
    const approved = oneEvent(requests, 'invitekit-request-approved');
    (await waitForButton(requests, 'Approve request from nora@example.com')).click();
    await approved;
    await waitUntil(() => emails(table).includes('nora@example.com'), 'the table never showed the approved request');
    expect(elsewhereLoads, 'another provider is another world').to.equal(0);
  });

  it('refreshes the table after a send from an <invite-dialog> outside it', async () => {
    const { table, dialog } = await page();
    dialog.show();
    await waitUntil(() => dialog.open);
    await sendKeys({ type: 'outsider@example.com' });
    const sent = oneEvent(dialog, 'invitekit-invitations-sent');
    button(dialog, 'Send invitations').click();
    const { detail } = (await sent) as CustomEvent<{ sent: unknown[] }>;
    expect(detail.sent).to.have.length(1);
    await waitUntil(() => emails(table).includes('outsider@example.com'), 'the table never showed the new invitation');
  });

  it('gives a host reload(): the table shows a change made behind its back', async () => {
    const { table } = await page();
    await clientAs('acme-admin').invitations.create({ emails: ['behind@example.com'] });
    expect(emails(table)).not.to.include('behind@example.com');
    table.reload();
    await waitUntil(() => emails(table).includes('behind@example.com'));
  });
});

describe('an element removed mid-request', () => {
  let mock: Awaited<ReturnType<typeof mockApi>>;
  beforeEach(async () => {
    mock = await mockApi();
  });

  it('<invitation-table>: a resend under way is cancelled; no event, no focus move, no console error', async () => {
    const resend = gated('post', `${LIST}/:id/resend`);
    mock.worker.use(resend.handler);
    const client = clientAs('acme-admin');
    const call = watchCall(client.invitations, 'resend');
    const el = await fixture<InvitationTable>(html`<invitation-table lang="en" .client=${client}></invitation-table>`);
    await loaded(el);
    const pressed = await menuItem(el, 'Resend invitation to jane@example.com');
    pressed.focus();
    pressed.click();
    await waitUntil(() => resend.seen.length === 1, 'the resend never left');
    const watch = watchAfterRemoval(el);
    try {
      el.remove();
      resend.release();
      await call.settled();
      expect((call.outcome.error as Error | undefined)?.name, 'the request was aborted').to.equal('AbortError');
      await el.updateComplete;
      expect(watch.events).to.deep.equal([]);
      expect(document.activeElement).to.equal(document.body);
      expect(watch.consoleCalls).to.deep.equal([]);
      expect(el.renderRoot.querySelector('[role="status"]')?.textContent.trim()).to.equal('');
    } finally {
      watch.stop();
    }
  });

  it('<invitation-table>: a load under way is cancelled, and runs again when the element comes back', async () => {
    const list = gated('get', LIST);
    mock.worker.use(list.handler);
    const client = clientAs('acme-admin');
    const call = watchCall(client.invitations, 'list');
    const el = await fixture<InvitationTable>(html`<invitation-table lang="en" .client=${client}></invitation-table>`);
    await waitUntil(() => list.seen.length === 1, 'the load never left');
    const parent = el.parentElement;
    const watch = watchAfterRemoval(el);
    try {
      el.remove();
      await call.settled();
      expect((call.outcome.error as Error | undefined)?.name, 'the load was aborted').to.equal('AbortError');
      await el.updateComplete;
      expect(el.renderRoot.querySelector('[role="alert"]')?.textContent ?? '', 'an abort is not a failure').to.equal(
        '',
      );
      expect(watch.events).to.deep.equal([]);
      expect(watch.consoleCalls).to.deep.equal([]);
    } finally {
      watch.stop();
    }
    list.release();
    parent?.append(el);
    await loaded(el);
    expect(emails(el)).to.include('jane@example.com');
  });

  it('<invitation-requests>: an approve under way fires nothing, moves no focus and logs nothing', async () => {
    const approve = gated('post', '/api/orgs/acme/invitation-requests/:id/approve');
    mock.worker.use(approve.handler);
    const client = clientAs('acme-admin');
    const call = watchCall(client.requests, 'approve');
    const el = await fixture<InvitationRequests>(
      html`<invitation-requests lang="en" .client=${client}></invitation-requests>`,
    );
    const pressed = await waitForButton(el, 'Approve request from nora@example.com');
    pressed.focus();
    pressed.click();
    await waitUntil(() => approve.seen.length === 1, 'the approve never left');
    const watch = watchAfterRemoval(el);
    try {
      el.remove();
      approve.release();
      await call.settled();
      expect((call.outcome.error as Error | undefined)?.name, 'the approve was aborted').to.equal('AbortError');
      await el.updateComplete;
      expect(watch.events).to.deep.equal([]);
      expect(document.activeElement).to.equal(document.body);
      expect(watch.consoleCalls).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });
});
