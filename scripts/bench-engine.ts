/**
 * Engine operation latency at a given number of invitations in one organization (default 10,000), over the
 * default in-memory store: `npm run bench:engine [-- --invitations 10000 --runs 50]`. Not a test: it prints
 * p50 and p99 per operation. Written against the engine's public surface only, so the same file also runs
 * against an older checkout (before the store interface, when operations answered synchronously and took
 * tokens), which is how the README's before/after figures were taken.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Engine, type MockState, seedState } from '@invitekit/engine';

const { values } = parseArgs({
  options: { invitations: { type: 'string', default: '10000' }, runs: { type: 'string', default: '50' } },
});
const SIZE = Number(values.invitations);
const RUNS = Number(values.runs);
const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

/** The empty seed plus `size` pending invitations in acme, each with its own address and a known code. */
function stateWith(size: number): MockState {
  const state = seedState(T0, 'empty');
  const acme = state.orgs.find((o) => o.slug === 'acme');
  if (!acme) throw new Error('no acme in the seed');
  for (let i = 0; i < size; i++) {
    const invitedAt = T0 - (i % 1000) * 60_000;
    acme.invitations.push({
      id: `inv_${i.toString(16).padStart(16, '0')}`,
      email: `person${i}@example.com`,
      state: 'pending',
      role: null,
      invitedAt,
      expiresAt: invitedAt + 7 * DAY,
      invitedBy: null,
      source: 'manual',
      resendCount: 0,
      lastSentAt: invitedAt,
      acceptedAt: null,
      declinedAt: null,
      revokedAt: null,
      code: `bench-code-${i.toString().padStart(21, '0')}`,
      replacedCodes: [],
    });
  }
  return state;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(name: string, op: (i: number) => unknown): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await op(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50).toFixed(2);
  const p99 = percentile(times, 99).toFixed(2);
  console.log(`${name.padEnd(34)} p50 ${p50.padStart(8)} ms   p99 ${p99.padStart(8)} ms`);
}

const startBuild = performance.now();
const engine = new Engine({ state: stateWith(SIZE), realNow: () => T0 });
console.log(`${SIZE} invitations, ${RUNS} runs each (engine built in ${(performance.now() - startBuild).toFixed(0)} ms)`);
// Operations take an Actor since the store interface, a token string before it.
const withActors = 'authenticate' in engine;
const admin = (withActors ? await (engine as unknown as { authenticate: (t: string) => unknown }).authenticate('acme-admin') : 'acme-admin') as never;

await measure('list page (25, default filter)', () => engine.listInvitations(admin, 'acme', { limit: 25 }));
await measure('search (q, 25)', (i) => engine.listInvitations(admin, 'acme', { q: `person${i}9`, limit: 25 }));
await measure('sort by email, page 2', async () => {
  const first = await engine.listInvitations(admin, 'acme', { sort: 'email', order: 'asc', limit: 25 });
  return engine.listInvitations(admin, 'acme', { sort: 'email', order: 'asc', limit: 25, cursor: first.nextCursor });
});
await measure('look a code up', (i) => engine.lookupInvite(`bench-code-${i.toString().padStart(21, '0')}`));
await measure('resend', (i) => engine.resend(admin, 'acme', `inv_${(i + 100).toString(16).padStart(16, '0')}`));
await measure('accept', (i) => engine.acceptInvite(null, `bench-code-${(i + 200).toString().padStart(21, '0')}`));
await measure('invite 100 addresses', (i) =>
  engine.createInvitations(admin, 'acme', {
    emails: Array.from({ length: 100 }, (_, j) => `new${i}-${j}@example.com`),
  }),
);
await measure('dry run of 100 addresses', (i) =>
  engine.createInvitations(admin, 'acme', {
    emails: Array.from({ length: 100 }, (_, j) => `dry${i}-${j}@example.com`),
    dryRun: true,
  }),
);
