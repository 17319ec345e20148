/**
 * The page `npm run bench:elements` loads in Chromium: `<invitation-table>` given a client that answers from
 * memory (no network, no MSW: the bench measures rendering), and a plain-DOM table that draws the same rows with
 * the same formatted text, the floor no framework can beat. Each function returns milliseconds.
 */
import '../packages/elements/src/define/invitation-table.js';
import type { Invitation, Page } from '@invitekit/sdk';
import type { InvitationTable } from '../packages/elements/src/invitation-table/invitation-table.js';
import type { InvitekitClient } from '../packages/elements/src/shared/context.js';
import { formatDate } from '../packages/elements/src/shared/i18n.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 1);
const PEOPLE = ['Ada Admin', 'Grace Hopper', 'Linus Owner', 'Margaret Lead'];

/** `count` invitations in every state, some stale, some out of resends, each invited by someone. */
export function invitations(count: number): Invitation[] {
  return Array.from({ length: count }, (_, i): Invitation => {
    const status = i % 9 === 4 ? 'expired' : i % 11 === 7 ? 'revoked' : 'pending';
    const inviter = PEOPLE[i % PEOPLE.length]!;
    return {
      id: `inv_${String(i).padStart(4, '0')}`,
      email: `person.${(i * 7919) % 1000}.${i}@example.com`,
      status,
      role: i % 3 === 0 ? 'admin' : null,
      organizationId: 'org_acme',
      invitedAt: new Date(START + i * 3_600_000).toISOString(),
      expiresAt: new Date(START + 7 * DAY + i * 3_600_000).toISOString(),
      invitedBy:
        i % 13 === 12
          ? null
          : { id: `u_${i % 4}`, name: inviter, email: `${inviter.split(' ')[0]!.toLowerCase()}@acme.test` },
      source: 'invite',
      resendCount: i % 5 === 3 ? 3 : i % 4,
      resendsRemaining: i % 5 === 3 ? 0 : 3 - (i % 4),
      lastSentAt: new Date(START + i * 3_600_000).toISOString(),
      acceptedAt: null,
      declinedAt: null,
      revokedAt: status === 'revoked' ? new Date(START + DAY).toISOString() : null,
      stale: i % 17 === 5,
    } as unknown as Invitation;
  });
}

/** A client whose `invitations.list` sorts and pages `rows` in memory, as the server would. */
export function memoryClient(rows: Invitation[]): InvitekitClient {
  const list = async (query: { sort?: string; order?: string; limit?: number } = {}): Promise<Page<Invitation>> => {
    const key = (query.sort ?? 'invitedAt') as 'email' | 'status' | 'invitedAt' | 'expiresAt';
    const sign = query.order === 'asc' ? 1 : -1;
    const items = [...rows].sort((a, b) => (a[key] < b[key] ? -sign : a[key] > b[key] ? sign : 0));
    return { items: items.slice(0, query.limit ?? 25), nextCursor: null, total: rows.length };
  };
  return { invitations: { list } } as unknown as InvitekitClient;
}

const rowsOf = (el: InvitationTable) => el.shadowRoot!.querySelectorAll('tbody tr[part="row"]');

/** A macrotask turn without setTimeout's 4 ms clamp. */
const turn = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      resolve();
    };
    channel.port2.postMessage(0);
  });

async function rendered(el: InvitationTable, ready: () => boolean): Promise<void> {
  await el.updateComplete;
  while (!ready()) {
    await turn();
    await el.updateComplete;
  }
}

/** First render of a 100-row page, then a re-sort by Email; the element is removed afterwards. */
export async function benchElement(rows: Invitation[]): Promise<{ first: number; resort: number }> {
  const t0 = performance.now();
  const el = document.createElement('invitation-table') as InvitationTable;
  el.setAttribute('page-size', '100');
  el.setAttribute('lang', 'en');
  el.client = memoryClient(rows);
  document.body.append(el);
  await rendered(el, () => rowsOf(el).length === rows.length);
  document.body.offsetHeight; // style and layout belong to the cost
  const first = performance.now() - t0;

  const before = rowsOf(el)[0]!.getAttribute('data-id');
  const t1 = performance.now();
  el.shadowRoot!.querySelector<HTMLButtonElement>('th button.sort')!.click();
  await rendered(
    el,
    () => rowsOf(el)[0]!.getAttribute('data-id') !== before && !el.shadowRoot!.querySelector('table[aria-busy="true"]'),
  );
  document.body.offsetHeight;
  const resort = performance.now() - t1;
  el.remove();
  return { first, resort };
}

/** The same rows, columns, words and buttons, drawn with createElement and textContent. */
export async function benchPlain(rows: Invitation[]): Promise<{ first: number; resort: number }> {
  const t0 = performance.now();
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const name of ['Email', 'Status', 'Role', 'Invited by', 'Invited', 'Expires', 'Actions']) {
    const th = document.createElement('th');
    const button = document.createElement('button');
    button.textContent = name;
    th.append(button);
    head.append(th);
  }
  const body = table.createTBody();
  const byId = new Map<string, HTMLTableRowElement>();
  for (const inv of (await memoryClient(rows).invitations.list({ limit: 100 })).items) {
    const tr = body.insertRow();
    const cells = [inv.email, inv.status, inv.role ?? 'Default', inv.invitedBy?.name ?? 'Not recorded'];
    cells.push(formatDate('en', inv.invitedAt), formatDate('en', inv.expiresAt));
    for (const text of cells) tr.insertCell().textContent = text;
    const actions = tr.insertCell();
    for (const label of inv.status === 'pending' ? ['Copy link', 'Copy code', 'Resend', 'Revoke'] : ['Revoke']) {
      const button = document.createElement('button');
      button.textContent = label;
      button.setAttribute('aria-label', `${label} ${inv.email}`);
      actions.append(button);
    }
    byId.set(inv.id, tr);
  }
  document.body.append(table);
  document.body.offsetHeight;
  const first = performance.now() - t0;

  const t1 = performance.now();
  const sorted = await memoryClient(rows).invitations.list({ sort: 'email', order: 'asc', limit: 100 });
  for (const inv of sorted.items) body.append(byId.get(inv.id)!);
  document.body.offsetHeight;
  const resort = performance.now() - t1;
  table.remove();
  return { first, resort };
}

declare global {
  interface Window {
    bench: {
      invitations: typeof invitations;
      benchElement: typeof benchElement;
      benchPlain: typeof benchPlain;
      memoryClient: typeof memoryClient;
    };
  }
}
window.bench = { invitations, benchElement, benchPlain, memoryClient };
