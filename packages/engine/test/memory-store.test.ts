/**
 * The memory store and the engine's transactions over it: one transaction at a time, a refused or failed one
 * undone whole, a commit hook whose failure undoes the change and answers `unavailable`, reads that never save,
 * and lost races (StoreConflict) run again so that they answer by the rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ControlledEngine,
  MemoryStore,
  type StoreState,
  type ControlledStore,
  type ControlsTx,
  StoreConflict,
  type StoreTx,
  compareCodePoints,
  seedState,
  seededRandom,
} from '../src/index.js';
import { ADMIN, T0, refused } from './test-support.js';

function engineOn(store: ControlledStore): ControlledEngine {
  return new ControlledEngine({ store, realNow: () => T0, random: seededRandom(3) });
}

const json = (state: StoreState) => JSON.stringify(state);

describe('MemoryStore', () => {
  it('undoes every write of a transaction that throws, and keeps those of one that resolves', async () => {
    const store = new MemoryStore(seedState(T0));
    const before = json(store.state);
    const failure = new Error('changed my mind');
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.setClockOffset(5);
        await tx.appendMessage({
          to: 'a@example.com',
          kind: 'invitation',
          org: 'acme',
          subject: 's',
          url: 'u',
          code: 'c',
          sentAt: 'now',
        });
        const jane = await tx.invitation('acme', 'inv_jane');
        assert.ok(jane);
        await tx.updateInvitation('acme', { ...jane, state: 'revoked', revokedAt: T0 }, jane);
        await tx.insertMember('acme', {
          id: 'mem_x',
          email: 'x@example.com',
          name: null,
          role: 'member',
          joinedAt: T0,
          joinedVia: 'sso',
        });
        await tx.replaceAll(seedState(T0, 'empty'));
        throw failure;
      }),
      failure,
    );
    assert.equal(json(store.state), before, 'nothing of it is left');
    // The indexes were rebuilt too: the undone member is unknown, the code still finds jane pending.
    await store.transaction(async (tx) => {
      assert.equal(await tx.member('acme', 'x@example.com'), undefined);
      assert.equal((await tx.invitationByCode('seed-pending-jane-0000000000000001'))?.invitation.state, 'pending');
    });
    await store.transaction((tx) => tx.setClockOffset(7));
    assert.equal(store.state.clockOffsetMs, 7);
  });

  it('runs one transaction at a time, in the order they were started', async () => {
    const store = new MemoryStore(seedState(T0));
    const order: string[] = [];
    let releaseFirst = () => {};
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = store.transaction(async (tx) => {
      order.push('first starts');
      await firstHolds;
      await tx.setClockOffset(1);
      order.push('first ends');
    });
    const second = store.transaction(async (tx) => {
      order.push(`second sees offset ${await tx.clockOffset()}`);
    });
    await Promise.resolve();
    releaseFirst();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['first starts', 'first ends', 'second sees offset 1']);
  });

  it('refuses writes in a read-only transaction, and any use of a transaction after it ended', async () => {
    const store = new MemoryStore(seedState(T0));
    await assert.rejects(
      store.transaction((tx) => tx.setClockOffset(1), { readOnly: true }),
      /read-only transaction tried to write/,
    );
    let leaked: (StoreTx & ControlsTx) | undefined;
    await store.transaction((tx) => {
      leaked = tx;
      return Promise.resolve();
    });
    assert.ok(leaked);
    const late = leaked;
    await assert.rejects(async () => late.clockOffset(), /transaction has ended/);
    assert.equal(store.state.clockOffsetMs, 0);
  });

  it('enforces the constraints the SQL store enforces, with StoreConflict', async () => {
    const store = new MemoryStore(seedState(T0));
    await store.transaction(async (tx) => {
      const jane = await tx.invitation('acme', 'inv_jane');
      assert.ok(jane);
      const twin = { ...jane, id: 'inv_twin', code: 'another-code' };
      await assert.rejects(tx.insertInvitation('acme', twin), conflict('invitation_pending_unique'));
      await assert.rejects(
        tx.insertInvitation('acme', { ...twin, email: 'new@example.com', code: jane.code }),
        conflict('invitation_code_unique'),
      );
      await assert.rejects(
        tx.updateInvitation('acme', { ...jane, state: 'accepted' }, { ...jane, state: 'declined' }),
        conflict('invitation_changed'),
      );
      const ada = await tx.member('acme', 'admin@acme.test');
      assert.ok(ada);
      await assert.rejects(tx.insertMember('acme', { ...ada, id: 'mem_again' }), conflict('member_email_unique'));
      const nora = await tx.request('acme', 'req_nora');
      assert.ok(nora);
      await assert.rejects(tx.insertRequest('acme', { ...nora, id: 'req_again' }), conflict('request_pending_unique'));
      await assert.rejects(
        tx.updateRequest('acme', { ...nora, status: 'dismissed' }, { ...nora, status: 'approved' }),
        conflict('request_changed'),
      );
      await tx.putIdempotency({ scope: 's', body: '{}', response: null, at: T0 });
      await assert.rejects(
        tx.putIdempotency({ scope: 's', body: '{}', response: null, at: T0 }),
        conflict('idempotency_scope_unique'),
      );
    });
  });

  it('keeps the newest MAX_OUTBOX_MESSAGES messages', async () => {
    const state = seedState(T0);
    const store = new MemoryStore(state);
    await store.transaction(async (tx) => {
      for (let i = 0; i < 1005; i++) {
        await tx.appendMessage({
          to: `p${i}@example.com`,
          kind: 'invitation',
          org: 'acme',
          subject: 's',
          url: 'u',
          code: `c${i}`,
          sentAt: 'now',
        });
      }
    });
    assert.equal(store.state.outbox.length, 1000);
    assert.equal(store.state.outbox[0]?.to, 'p5@example.com');
  });
});

function conflict(constraint: string) {
  return (error: unknown) => error instanceof StoreConflict && error.constraint === constraint;
}

describe('the engine over the memory store', () => {
  it('answers unavailable when the commit hook fails, and the change is undone: what was answered is what is kept', async () => {
    let failSaves = true;
    const saved: string[] = [];
    const store = new MemoryStore(seedState(T0), {
      onCommit: (state) => {
        if (failSaves) throw new Error('ENOSPC: no space left on device');
        saved.push(json(state));
      },
    });
    const engine = engineOn(store);
    const before = json(store.state);
    const error = await refused(
      () => engine.createInvitations(ADMIN, 'acme', { emails: ['full@example.com'] }),
      'unavailable',
    );
    assert.match(error.detail, /ENOSPC/);
    assert.equal(json(store.state), before, 'not listed, not mailed');
    assert.deepEqual(await engine.outbox('full@example.com'), []);
    failSaves = false;
    const retried = await engine.createInvitations(ADMIN, 'acme', { emails: ['full@example.com'] });
    assert.equal(retried.sent.length, 1, 'the retry is a first time, not already_invited');
    assert.equal(saved.length, 1);
    assert.equal(saved[0], json(store.state), 'the hook saw exactly the state that is kept');
  });

  it('saves nothing for reads, dry runs and refusals; saves each change', async () => {
    let saves = 0;
    const store = new MemoryStore(seedState(T0), {
      onCommit: () => {
        saves++;
      },
    });
    const engine = engineOn(store);
    await engine.listInvitations(ADMIN, 'acme');
    await engine.createInvitations(ADMIN, 'acme', { emails: ['dry@example.com'], dryRun: true });
    await refused(() => engine.resend(ADMIN, 'acme', 'inv_omar'), 'resend_limit_reached');
    assert.equal(saves, 0);
    await engine.resend(ADMIN, 'acme', 'inv_jane');
    assert.equal(saves, 1);
  });

  it('runs an operation that lost a race again, so it answers by the rules with what the winner committed', async () => {
    const inner = new MemoryStore(seedState(T0));
    let racesToLose = 1;
    // A store whose first update loses to a concurrent accept of the same code, as two processes would.
    const racing: ControlledStore = {
      transaction: (fn, options) =>
        inner.transaction(async (tx) => {
          const lose = racesToLose > 0;
          const wrapped = Object.create(tx) as typeof tx;
          wrapped.updateInvitation = async (org, next, previous) => {
            if (lose) {
              racesToLose--;
              throw new StoreConflict('invitation_changed');
            }
            return tx.updateInvitation(org, next, previous);
          };
          return fn(wrapped);
        }, options),
    };
    const engine = engineOn(racing);
    const accepted = await engine.acceptInvite(null, 'seed-pending-jane-0000000000000001');
    assert.equal(accepted.member.email, 'jane@example.com', 'the rerun went through');
    racesToLose = 99;
    const error = await refused(() => engine.resend(ADMIN, 'acme', 'inv_priya'), 'unavailable');
    assert.match(error.detail, /try again/);
  });
});

describe('code point order', () => {
  it('orders astral characters after U+E000..U+FFFF, as PostgreSQL COLLATE "C" does on UTF-8', () => {
    const [astral, high] = ['\u{1F600}', '\uFF01'] as string[];
    assert.ok(astral !== undefined && high !== undefined);
    assert.deepEqual([astral, high].sort(), [astral, high], 'JavaScript sorts by UTF-16 code units');
    assert.ok(compareCodePoints(astral, high) > 0);
    assert.ok(compareCodePoints('a', 'b') < 0);
    assert.ok(compareCodePoints('ab', 'a') > 0);
    assert.equal(compareCodePoints('same', 'same'), 0);
  });
});
