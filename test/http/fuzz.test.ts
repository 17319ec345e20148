/**
 * Fuzzing every operation of the contract (the SDK's endpoint table, from which openapi.json is made) with valid
 * and broken inputs, a bounded number of requests per target: the mock's handlers and @invitekit/server on PGlite,
 * both in-process. Path parameters, query values and bodies are drawn by fast-check around the values the zod
 * schemas take (the query and body keys come from the schemas' shapes), plus what an attacker sends: NUL, lone
 * surrogates, malformed percent-encoding, edited cursors, other content types, cross-site headers. No answer may
 * be a 5xx, and every answer must be one the OpenAPI document declares for that operation.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { ControlledEngine, SEED_CODES, isStorable, seedState } from '@invitekit/engine';
import { createFetchHandler } from '@invitekit/mock-server';
import { type Endpoint, endpoints } from '@invitekit/sdk/endpoints';
import { type InvitekitServer, createInvitekitServer } from '@invitekit/server';
import { freshPglite } from '../server/pglite.js';
import { undeclared } from './declared.js';

/** Requests per target; the run is deterministic (a fixed seed) and takes a few seconds. */
const RUNS = Number(process.env['INVITEKIT_FUZZ_RUNS'] ?? 400);
const ORIGIN = 'http://127.0.0.1:4010';

const text = fc.oneof(
  fc.constantFrom('', 'a', 'acme', 'inv_jane', 'req_nora', 'x'.repeat(300), '\u0000', 'a\u0000b', '\uD800', 'Ａ'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
// `..` is left out: the URL parser resolves it, so the request is another path, not this operation.
const segment = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'acme',
      'globex',
      'nowhere',
      'inv_jane',
      'inv_kim',
      'req_nora',
      'req_tom',
      SEED_CODES.jane,
    ),
    weight: 6,
  },
  fc.constantFrom('%00', 'a%00', '%ZZ', '%E0%A4%A', '%ED%A0%80', '%2F', 'export.csv'),
  text.map((t) => (isStorable(t) || t.includes('\u0000') ? encodeURIComponent(t) || 'x' : '%ED%A0%80')),
);
const cursor = fc.oneof(
  fc.constantFrom('%%%', 'bm90IGpzb24'),
  fc
    .record({
      t: fc.constantFrom('invitations:invitedAt:desc', 'requests', 'members', 'x'),
      k: fc.jsonValue(),
      i: text,
    })
    .map((c) => Buffer.from(JSON.stringify(c)).toString('base64url')),
);
/** A value for a query key: what the schemas take, and what they must refuse. */
const queryValue = (key: string) =>
  key === 'cursor'
    ? cursor
    : fc.oneof(
        fc.constantFrom(
          'pending',
          'expired,pending',
          'revoked',
          'email',
          'status',
          'asc',
          'desc',
          '1',
          '100',
          '101',
          '-1',
          '1.5',
        ),
        text,
      );
const jsonish = fc.oneof(
  fc.constantFrom('a@example.com', 'ＡＤＭＩＮ@acme.test', 'not an address', 'member', 'admin', 7, true, null),
  text,
  fc.jsonValue({ maxDepth: 2 }),
);

/** The top-level keys of a zod/mini object schema (through optional wrappers), for the bodies to draw from. */
function keysOf(schema: unknown): string[] {
  let def = (schema as { _zod?: { def?: { shape?: object; innerType?: unknown } } } | undefined)?._zod?.def;
  while (def && !def.shape && def.innerType) def = (def.innerType as { _zod: { def: typeof def } })._zod.def;
  return def?.shape ? Object.keys(def.shape) : [];
}

function bodyOf(endpoint: Endpoint) {
  const keys = [...keysOf(endpoint.body), 'extra'];
  const object = fc.dictionary(fc.constantFrom(...keys), jsonish, { maxKeys: 4 });
  const emails = fc.record({ emails: fc.array(jsonish, { maxLength: 4 }), dryRun: fc.boolean() });
  return fc.oneof(
    { arbitrary: object.map((o) => JSON.stringify(o)), weight: 5 },
    { arbitrary: emails.map((o) => JSON.stringify(o)), weight: keys.includes('emails') ? 5 : 0 },
    { arbitrary: fc.constantFrom('', 'null', '[]', '{', '"x"', '{"name":"a\\u0000b"}', '{"x":"\\ud800"}'), weight: 2 },
  );
}

const headers = fc.record({
  authorization: fc.constantFrom(
    undefined,
    'Bearer acme-admin',
    'Bearer acme-viewer',
    'Bearer globex-admin',
    'Basic x',
    'Bearer',
  ),
  'content-type': fc.constantFrom(undefined, 'application/json', 'text/plain', 'multipart/form-data; boundary=x'),
  'sec-fetch-site': fc.constantFrom(undefined, undefined, 'same-origin', 'cross-site'),
  'idempotency-key': fc.constantFrom(undefined, 'k1', ' ', 'x'.repeat(300)),
});

const operations = Object.entries(endpoints) as [string, Endpoint][];
const requestArbitrary = fc.constantFrom(...operations).chain(([name, endpoint]) =>
  fc.record({
    name: fc.constant(name),
    endpoint: fc.constant(endpoint),
    params: fc.array(segment, { minLength: 3, maxLength: 3 }),
    query: fc
      .dictionary(fc.constantFrom(...keysOf(endpoint.query), 'limit', 'x'), fc.constant(''), { maxKeys: 3 })
      .chain((keys) => fc.record(Object.fromEntries(Object.keys(keys).map((k) => [k, queryValue(k)])))),
    body: endpoint.method === 'GET' ? fc.constant(undefined) : fc.option(bodyOf(endpoint), { nil: undefined }),
    headers,
  }),
);

interface Tally {
  requests: number;
  operations: Set<string>;
  byStatus: Record<string, number>;
  undeclared: string[];
  failures: string[];
}

async function fuzz(target: (request: Request) => Promise<Response>): Promise<Tally> {
  const tally: Tally = { requests: 0, operations: new Set(), byStatus: {}, undeclared: [], failures: [] };
  const samples = fc.sample(requestArbitrary, { numRuns: RUNS, seed: 20261206 });
  for (const sample of samples) {
    let i = 0;
    const path = sample.endpoint.path.replace(/:\w+/g, () => sample.params[i++] ?? 'x');
    const query = new URLSearchParams(sample.query).toString();
    const init: RequestInit = { method: sample.endpoint.method, headers: {} };
    const h = init.headers as Record<string, string>;
    for (const [name, value] of Object.entries(sample.headers)) if (value !== undefined) h[name] = value;
    if (h['sec-fetch-site'] === 'cross-site') h['origin'] = 'https://evil.example';
    if (sample.body !== undefined) init.body = sample.body;
    const response = await target(new Request(`${ORIGIN}/api${path}${query ? `?${query}` : ''}`, init));
    const problem = response.headers.get('content-type') === 'application/problem+json';
    const code = problem
      ? ((await response.json()) as { code?: string }).code
      : (await response.arrayBuffer(), undefined);
    tally.requests++;
    tally.operations.add(sample.name);
    const key = `${String(response.status)}${code ? ` ${code}` : ''}`;
    tally.byStatus[key] = (tally.byStatus[key] ?? 0) + 1;
    const template = `${sample.endpoint.method} /api${sample.endpoint.path.replace(/:(\w+)/g, '{$1}')}`;
    const why = undeclared(template, response.status, code);
    if (why) tally.undeclared.push(`${why} (${sample.endpoint.method} ${path}?${query})`);
    if (response.status >= 500)
      tally.failures.push(`${key}: ${sample.endpoint.method} ${path}?${query} ${String(sample.body)}`);
  }
  return tally;
}

function report(target: string, tally: Tally): void {
  const statuses = Object.entries(tally.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}: ${String(n)}`)
    .join(', ');
  console.log(
    `fuzz ${target}: ${String(tally.requests)} requests, ${String(tally.operations.size)} operations, ${statuses}; ` +
      `${String(tally.undeclared.length)} undeclared, ${String(tally.failures.length)} 5xx`,
  );
  assert.equal(tally.operations.size, operations.length, 'every operation was driven');
  assert.deepEqual(tally.failures, [], '5xx answers');
  assert.deepEqual([...new Set(tally.undeclared)], [], 'answers outside openapi.json');
}

describe('fuzzing every operation of the contract', () => {
  let server: InvitekitServer | undefined;
  after(() => server?.close());

  it('the mock: no 5xx, every answer declared', async () => {
    const engine = new ControlledEngine({ state: seedState(Date.now(), 'default') });
    report('mock', await fuzz(createFetchHandler(engine)));
  });

  it('@invitekit/server on PGlite: no 5xx, every answer declared', async () => {
    server = createInvitekitServer({
      database: await freshPglite(),
      acceptUrl: `${ORIGIN}/redeem/`,
      devAuth: true,
      log: false,
    });
    await server.ready;
    const running = server;
    report('server on PGlite', await fuzz((request) => running.fetch(request)));
  });
});
