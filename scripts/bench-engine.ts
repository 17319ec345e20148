/**
 * Engine operation latency at a given number of invitations in one organization (default 10,000), over the
 * default in-memory store: `npm run bench:engine [-- --invitations 10000 --runs 50 --compare OTHER/index.ts]`.
 * Not a test: it prints p50 and p99 per operation. `--compare` loads another engine (an older checkout's, from
 * before the store interface, when operations answered synchronously and took tokens) and runs the two
 * alternately, so that a busy machine slows both alike: that is how the README's before/after figures were taken.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ControlledEngine, type StoreState, seedState } from '@invitekit/engine';

const { values } = parseArgs({
  options: {
    invitations: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '50' },
    /** Another engine's index.ts (say, an older checkout's), measured alternately with this one. */
    compare: { type: 'string' },
  },
});
const SIZE = Number(values.invitations);
const RUNS = Number(values.runs);
const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

/** The empty seed plus `size` pending invitations in acme, each with its own address and a known code. */
function stateWith(size: number): StoreState {
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

/** What the benchmark needs of an engine, old (synchronous, tokens) or new (promises, actors). */
interface AnyEngine {
  listInvitations(who: unknown, org: string, query: unknown): unknown;
  lookupInvite(code: string): unknown;
  resend(who: unknown, org: string, id: string): unknown;
  acceptInvite(who: unknown, code: string): unknown;
  createInvitations(who: unknown, org: string, body: unknown): unknown;
}
type EngineClass = new (options: { state: StoreState; realNow: () => number }) => AnyEngine;

interface Subject {
  label: string;
  engine: AnyEngine;
  admin: unknown;
}

async function subject(label: string, Class: EngineClass): Promise<Subject> {
  const started = performance.now();
  const engine = new Class({ state: stateWith(SIZE), realNow: () => T0 });
  // Operations take an Actor since the store interface, a token string before it.
  const authenticate = (engine as { authenticate?: (token: string) => Promise<unknown> }).authenticate;
  const admin = authenticate ? await authenticate('acme-admin') : 'acme-admin';
  console.log(`${label}: engine over ${SIZE} invitations built in ${(performance.now() - started).toFixed(0)} ms`);
  return { label, engine, admin };
}

const code = (i: number) => `bench-code-${i.toString().padStart(21, '0')}`;
const id = (i: number) => `inv_${i.toString(16).padStart(16, '0')}`;
const OPS: Record<string, (s: Subject, i: number) => unknown> = {
  'list page (25, default filter)': (s) => s.engine.listInvitations(s.admin, 'acme', { limit: 25 }),
  'search (q, 25)': (s, i) => s.engine.listInvitations(s.admin, 'acme', { q: `person${i}9`, limit: 25 }),
  'sort by email, pages 1 and 2': async (s) => {
    const query = { sort: 'email', order: 'asc', limit: 25 };
    const first = (await s.engine.listInvitations(s.admin, 'acme', query)) as { nextCursor: string };
    return s.engine.listInvitations(s.admin, 'acme', { ...query, cursor: first.nextCursor });
  },
  'look a code up': (s, i) => s.engine.lookupInvite(code(i)),
  resend: (s, i) => s.engine.resend(s.admin, 'acme', id(i + 1000)),
  accept: (s, i) => s.engine.acceptInvite(null, code(i + 2000)),
  'invite 100 addresses': (s, i) =>
    s.engine.createInvitations(s.admin, 'acme', {
      emails: Array.from({ length: 100 }, (_, j) => `new${i}-${j}@example.com`),
    }),
  'dry run of 100 addresses': (s, i) =>
    s.engine.createInvitations(s.admin, 'acme', {
      emails: Array.from({ length: 100 }, (_, j) => `dry${i}-${j}@example.com`),
      dryRun: true,
    }),
};

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(2).padStart(7)} ms`;
}

const subjects = [await subject('this checkout', ControlledEngine)];
if (values.compare) {
  const other = (await import(pathToFileURL(resolve(values.compare)).href)) as {
    ControlledEngine?: EngineClass;
    Engine: EngineClass;
  };
  subjects.unshift(await subject(values.compare, other.ControlledEngine ?? other.Engine));
}
console.log(`${RUNS} runs per operation${subjects.length > 1 ? ', alternating between the engines' : ''}`);
console.log(`${'operation'.padEnd(30)} ${subjects.map((s) => s.label.padEnd(34)).join('   |   ')}`);
for (const [name, op] of Object.entries(OPS)) {
  const times = subjects.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [n, s] of subjects.entries()) {
      const start = performance.now();
      await op(s, i);
      times[n]?.push(performance.now() - start);
    }
  }
  console.log(`${name.padEnd(30)} ${times.map(summary).join('   |   ')}`);
}
