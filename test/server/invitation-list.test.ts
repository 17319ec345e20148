/**
 * The SQL store's invitation list (ranges of stored state over indexes, store/invitation-list.ts) pages exactly as
 * the memory store does: every sort, order, status filter and search, page by page through keyset positions; and a
 * broad search's total is capped the same way on both.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type Actor,
  Engine,
  type InvitationListQuery,
  type KeysetPosition,
  MemoryStore,
  type StoreState,
  type Store,
  seedState,
} from '@invitekit/engine';
import { type InvitationStatus, SEARCH_TOTAL_CAP } from '@invitekit/sdk';
import { SqlControlledStore } from '../../packages/server/src/store/sql-store.js';
import { freshPglite } from './pglite.js';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const NOW = T0 + 10 * DAY;
const STATES = ['pending', 'pending', 'pending', 'accepted', 'declined', 'revoked'] as const;
const ADMIN: Actor = {
  person: { id: 'usr_ada', name: 'Ada Admin', email: 'admin@acme.test' },
  grants: { acme: ['member:manage'] },
  key: 'user:usr_ada',
};

type Invitation = StoreState['orgs'][number]['invitations'][number];

function invitation(id: string, email: string, state: Invitation['state'], invitedAt: number, expiresAt: number) {
  return {
    id,
    email,
    state,
    role: null,
    invitedAt,
    expiresAt,
    invitedBy: null,
    source: 'manual',
    resendCount: 0,
    lastSentAt: invitedAt,
    acceptedAt: state === 'accepted' ? invitedAt : null,
    declinedAt: state === 'declined' ? invitedAt : null,
    revokedAt: state === 'revoked' ? invitedAt : null,
    code: `code-${id.padStart(27, '0')}`,
    replacedCodes: [],
  } satisfies Invitation;
}

/** 90 invitations of every status, with shared times and shared address parts, so ties and ranges abound. */
function listState(): StoreState {
  const state = seedState(T0, 'default');
  const acme = state.orgs.find((o) => o.slug === 'acme');
  assert.ok(acme);
  for (let i = 0; i < 90; i++) {
    const state = STATES[i % STATES.length] ?? 'pending';
    const invitedAt = T0 + (i % 12) * DAY; // 12 distinct instants: many ties
    const expiresAt = invitedAt + ((i * 7) % 5) * DAY + DAY; // some past NOW (expired), some not
    const id = `inv_list_${String((i * 37) % 90).padStart(2, '0')}_${String(i)}`;
    const email = `${['ann', 'bob', 'cy', 'dee'][i % 4] ?? ''}${String(i % 9)}@${i % 2 ? 'x.test' : 'y.test'}`;
    // One pending invitation per address at a time (the stores refuse overlapping ones): later twins revoked.
    const twin = acme.invitations.some((other) => other.email === email && other.state === 'pending');
    acme.invitations.push(invitation(id, email, twin && state === 'pending' ? 'revoked' : state, invitedAt, expiresAt));
  }
  return state;
}

function statusOf(inv: Invitation, now: number): string {
  return inv.state === 'pending' && inv.expiresAt <= now ? 'expired' : inv.state;
}

function positionOf(query: InvitationListQuery, inv: Invitation): KeysetPosition {
  const key = {
    email: inv.email,
    status: statusOf(inv, query.now),
    invitedAt: inv.invitedAt,
    expiresAt: inv.expiresAt,
  };
  return { key: key[query.sort], id: inv.id };
}

/** Every page of the list, as ids, and the total each page reported. */
async function pages(store: Store, query: Omit<InvitationListQuery, 'after'>) {
  const seen: string[][] = [];
  const totals = new Set<number>();
  let after: KeysetPosition | null = null;
  for (;;) {
    const current: InvitationListQuery = { ...query, after };
    const slice = await store.transaction((tx) => tx.listInvitations('acme', current), { readOnly: true });
    totals.add(slice.total);
    seen.push(slice.items.map((i) => i.id));
    const last = slice.items[slice.items.length - 1];
    if (!last || slice.items.length < (query.limit ?? Infinity)) return { seen, totals };
    after = positionOf(current, last);
  }
}

let database: Awaited<ReturnType<typeof freshPglite>>;
let sqlStore: SqlControlledStore;
let memory: MemoryStore;

before(async () => {
  database = await freshPglite();
  sqlStore = new SqlControlledStore(database.db);
  await sqlStore.transaction((tx) => tx.replaceAll(listState()));
  memory = new MemoryStore(listState());
});
after(() => database.close());

describe('the SQL invitation list', () => {
  it('pages like the memory store for every sort, order, status filter and search', async () => {
    const filters: InvitationStatus[][] = [
      ['pending', 'expired'],
      ['pending'],
      ['expired'],
      ['accepted', 'revoked'],
      ['expired', 'declined'],
      ['pending', 'expired', 'accepted', 'declined', 'revoked'],
    ];
    let compared = 0;
    for (const sort of ['status', 'email', 'invitedAt', 'expiresAt'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const statuses of filters) {
          for (const q of ['', 'x.test', 'b']) {
            for (const limit of [7, null]) {
              const query = { now: NOW, statuses, q, sort, order, limit };
              const label = JSON.stringify(query);
              const expected = await pages(memory, query);
              const actual = await pages(sqlStore, query);
              assert.deepEqual(actual.seen, expected.seen, label);
              assert.deepEqual([...actual.totals], [...expected.totals], label);
              compared += expected.seen.flat().length;
            }
          }
        }
      }
    }
    assert.ok(compared > 1000, `only ${String(compared)} rows compared`);
  });

  it('answers a search past the cap as the cap, flagged, on the SQL store and the memory store alike', async () => {
    const state = seedState(T0, 'default');
    const acme = state.orgs.find((o) => o.slug === 'acme');
    assert.ok(acme);
    for (let i = 0; i < SEARCH_TOTAL_CAP + 50; i++) {
      acme.invitations.push(
        invitation(`inv_many_${String(i)}`, `many${String(i)}@crowd.test`, 'pending', NOW - i, NOW + DAY),
      );
    }
    const crowd = await freshPglite();
    try {
      const sql = new SqlControlledStore(crowd.db);
      await sql.transaction((tx) => tx.replaceAll(state));
      for (const store of [sql, new MemoryStore(state)]) {
        const engine = new Engine({ store, realNow: () => NOW });
        const broad = await engine.listInvitations(ADMIN, 'acme', { q: 'crowd' });
        assert.equal(broad.total, SEARCH_TOTAL_CAP);
        assert.equal(broad.totalCapped, true);
        assert.equal(broad.items.length, 25);
        const one = await engine.listInvitations(ADMIN, 'acme', { q: 'many7@' });
        assert.deepEqual([one.total, one.totalCapped, one.items.length], [1, false, 1]);
        const all = await engine.listInvitations(ADMIN, 'acme');
        assert.equal(all.totalCapped, false, 'a list without a search counts exactly');
        assert.ok(all.total > SEARCH_TOTAL_CAP);
      }
    } finally {
      await crowd.close();
    }
  });
});
