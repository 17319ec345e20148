/**
 * The page `npm run bench:elements` loads in Chromium: `<invitation-table>` given a client that answers from
 * memory (no network, no MSW: the bench measures rendering), and a plain-DOM table that draws the same rows with
 * the same formatted text, the floor no framework can beat. Each function returns milliseconds.
 */
import type { Invitation, Page } from '@invitekit/sdk';
import type { InvitekitClient } from '@invitekit/elements';
import { InvitationTable } from '@invitekit/elements/invitation-table';

/** Dates as the table writes them. */
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const formatDate = (iso: string) => dateFormat.format(new Date(iso));

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 1);
const PEOPLE = ['Ada Admin', 'Grace Hopper', 'Linus Owner', 'Margaret Lead'];

/** `count` invitations in every state, some stale, some out of resends, each invited by someone. */
export function invitations(count: number): Invitation[] {
  return Array.from({ length: count }, (_, i): Invitation => {
    const status = i % 9 === 4 ? 'expired' : i % 11 === 7 ? 'revoked' : 'pending';
    const inviter = PEOPLE[i % PEOPLE.length] ?? 'Ada Admin';
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
          : { id: `u_${i % 4}`, name: inviter, email: `${inviter.toLowerCase().replace(' ', '.')}@acme.test` },
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
  const list = (query: { sort?: string; order?: string; limit?: number } = {}): Promise<Page<Invitation>> => {
    const key = (query.sort ?? 'invitedAt') as 'email' | 'status' | 'invitedAt' | 'expiresAt';
    const sign = query.order === 'asc' ? 1 : -1;
    const items = [...rows].sort((a, b) => (a[key] < b[key] ? -sign : a[key] > b[key] ? sign : 0));
    return Promise.resolve({
      items: items.slice(0, query.limit ?? 25),
      nextCursor: null,
      total: rows.length,
      totalCapped: false,
    });
  };
  return { invitations: { list } } as unknown as InvitekitClient;
}

/** Forces style and layout, which belong to the cost of showing rows. */
function layout(): number {
  return document.body.getBoundingClientRect().height;
}

const rowsOf = (el: InvitationTable) => el.renderRoot.querySelectorAll('tbody tr[part="row"]');
const firstId = (el: InvitationTable) => rowsOf(el)[0]?.getAttribute('data-id');

/** A macrotask turn without setTimeout's 4 ms clamp. */
const turn = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      resolve();
    };
    channel.port2.postMessage(0);
  });

/**
 * Waits for `ready`, on microtasks while the element's updates chain on (the in-memory client answers on
 * microtasks too), so that no browser frame is drawn mid-way; a macrotask turn only when nothing is pending.
 */
async function rendered(el: InvitationTable, ready: () => boolean): Promise<void> {
  for (let spins = 0; !ready(); spins++) {
    await el.updateComplete;
    if (spins > 50) await turn();
  }
}

/** First render of a 100-row page, then a re-sort by Email; the element is removed afterwards. */
export async function benchElement(rows: Invitation[]): Promise<{ first: number; resort: number }> {
  const t0 = performance.now();
  const el = document.createElement('invitation-table');
  el.setAttribute('page-size', '100');
  el.setAttribute('lang', 'en');
  el.client = memoryClient(rows);
  document.body.append(el);
  await rendered(el, () => rowsOf(el).length === rows.length);
  layout(); // style and layout belong to the cost
  const first = performance.now() - t0;

  const before = firstId(el);
  const t1 = performance.now();
  el.renderRoot.querySelector<HTMLButtonElement>('th button.sort')?.click();
  await rendered(el, () => firstId(el) !== before && !el.renderRoot.querySelector('table[aria-busy="true"]'));
  layout();
  const resort = performance.now() - t1;
  el.remove();
  return { first, resort };
}

/** `tag` with `className` and `text`, appended to `parent`. */
function add(parent: Node, tag: string, className = '', text = ''): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  parent.appendChild(el);
  return el;
}

/** One row as the element draws it (same cells, classes and buttons), built by hand. */
function plainRow(body: HTMLTableSectionElement, inv: Invitation): HTMLTableRowElement {
  const tr = add(body, 'tr') as HTMLTableRowElement;
  add(tr, 'td', 'email', inv.email);
  const status = add(tr, 'td', 'status');
  add(status, 'span', 'label', 'Status').setAttribute('aria-hidden', 'true');
  add(add(status, 'span', 'badges'), 'span', `badge ${inv.status}`, inv.status);
  const cells: [string, string, string][] = [
    ['role', 'Role', inv.role ?? 'Default'],
    ['by', 'Invited by', inv.invitedBy?.name ?? 'Not recorded'],
    ['date', 'Invited', formatDate(inv.invitedAt)],
    ['date', 'Expires', formatDate(inv.expiresAt)],
  ];
  for (const [className, label, text] of cells) {
    const td = add(tr, 'td', className);
    add(td, 'span', 'label', label).setAttribute('aria-hidden', 'true');
    td.append(text);
  }
  const actions = add(add(tr, 'td', 'act'), 'div', 'actions');
  const labels = inv.status === 'pending' ? ['Copy link', 'Copy code', 'Resend', 'Revoke'] : ['Revoke'];
  for (const label of labels) {
    const button = add(actions, 'button');
    button.setAttribute('aria-label', `${label} ${inv.email}`);
    add(button, 'span', 'idle', label);
  }
  return tr;
}

/**
 * The floor: the same rows with the same markup and the element's own style sheets in a shadow root, drawn with
 * createElement and textContent, and re-sorted by moving the existing rows.
 */
export async function benchPlain(rows: Invitation[]): Promise<{ first: number; resort: number }> {
  const client = memoryClient(rows);
  const t0 = performance.now();
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = InvitationTable.styles.flatMap((style) => (style.styleSheet ? [style.styleSheet] : []));
  const table = add(add(root, 'div', 'frame'), 'table') as HTMLTableElement;
  const head = add(add(table, 'thead'), 'tr');
  for (const name of ['Email', 'Status', 'Role', 'Invited by', 'Invited', 'Expires', 'Actions']) {
    add(add(head, 'th'), 'button', 'sort', name);
  }
  const body = add(table, 'tbody') as HTMLTableSectionElement;
  const byId = new Map<string, HTMLTableRowElement>();
  for (const inv of (await client.invitations.list({ limit: 100 })).items) byId.set(inv.id, plainRow(body, inv));
  document.body.append(host);
  layout();
  const first = performance.now() - t0;

  const t1 = performance.now();
  const sorted = await client.invitations.list({ sort: 'email', order: 'asc', limit: 100 });
  for (const inv of sorted.items) {
    const row = byId.get(inv.id);
    if (row) body.append(row);
  }
  layout();
  const resort = performance.now() - t1;
  host.remove();
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
