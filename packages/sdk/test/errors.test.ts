import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import {
  ApiError,
  CsvError,
  InvitekitError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  isApiError,
  isInvitekitError,
  newIdempotencyKey,
  paginate,
} from '../src/index.js';
import { codeForStatus, queryString, retryAfterSeconds } from '../src/http.js';

describe('error classes', () => {
  it('every subclass is an InvitekitError with its kind and name', () => {
    const errors = [
      new ApiError({ status: 409, code: 'not_pending', detail: 'd' }),
      new NetworkError('n'),
      new TimeoutError('t'),
      new ResponseValidationError('v', []),
      new CsvError('c'),
    ];
    assert.deepEqual(
      errors.map((e) => e.kind),
      ['api', 'network', 'timeout', 'response_validation', 'csv'],
    );
    assert.deepEqual(
      errors.map((e) => e.name),
      ['ApiError', 'NetworkError', 'TimeoutError', 'ResponseValidationError', 'CsvError'],
    );
    for (const error of errors) {
      assert.ok(error instanceof InvitekitError && error instanceof Error);
      assert.ok(isInvitekitError(error));
    }
    assert.equal(errors.filter((e) => isApiError(e)).length, 1);
  });

  it('isApiError narrows by code', () => {
    const error: unknown = new ApiError({ status: 409, code: 'not_pending', detail: 'd' });
    assert.ok(isApiError(error, 'not_pending'));
    assert.ok(!isApiError(error, 'forbidden'));
    assert.ok(!isApiError(new CsvError('x'), 'csv_too_many_rows'), 'a CsvError is not an ApiError');
  });

  it('rejects look-alikes without the brand', () => {
    for (const value of [
      null,
      undefined,
      'api',
      42,
      new Error('x'),
      { kind: 'api', code: 'forbidden' },
      Object.assign(new Error('x'), { kind: 'api' }),
    ]) {
      assert.ok(!isInvitekitError(value));
      assert.ok(!isApiError(value));
    }
  });
});

describe('guards across realms and bundles', () => {
  /** The SDK's errors module bundled on its own, as another bundle on the page would carry its own copy. */
  async function errorsBundle(): Promise<string> {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../src/errors.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'otherSdk',
      platform: 'neutral',
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild wrote no output file');
    return output.text;
  }

  it('recognise real SDK errors made in another realm (node:vm) by another copy of the SDK', async () => {
    const code = await errorsBundle();
    const realm = vm.createContext({});
    vm.runInContext(code, realm);
    const make = (source: string): unknown => vm.runInContext(source, realm);
    const api = make(`new otherSdk.ApiError({ status: 403, code: 'forbidden', detail: 'elsewhere' })`);
    const network = make(`new otherSdk.NetworkError('offline')`);
    const csv = make(`new otherSdk.CsvError('too many')`);
    assert.ok(!(api instanceof Error) && !(api instanceof ApiError), 'really from another realm and another copy');
    assert.ok(isInvitekitError(api) && isApiError(api) && isApiError(api, 'forbidden'));
    assert.ok(!isApiError(api, 'not_found'));
    assert.ok(isInvitekitError(network) && !isApiError(network));
    assert.ok(isInvitekitError(csv) && !isApiError(csv));
    // And the other way round: that realm's guards recognise this realm's errors.
    realm['mine'] = new ApiError({ status: 409, code: 'already_used', detail: 'here' });
    assert.equal(make(`otherSdk.isApiError(mine, 'already_used')`), true);
    assert.equal(make(`mine instanceof otherSdk.ApiError`), false);
  });

  it('recognise an error of another copy of the SDK in the same realm (two bundles on one page)', async () => {
    const other = (await import(`../src/errors.ts?copy=${Date.now()}`)) as typeof import('../src/errors.js');
    assert.notEqual(other.ApiError, ApiError, 'a separate module instance');
    const error = new other.ApiError({ status: 410, code: 'expired', detail: 'd' });
    assert.ok(!(error instanceof ApiError));
    assert.ok(isApiError(error, 'expired'));
    assert.ok(other.isApiError(new ApiError({ status: 410, code: 'revoked', detail: 'd' }), 'revoked'));
  });

  it('recognise a branded plain object (what a structured copy across a boundary keeps is not enough)', () => {
    const other = { [Symbol.for('invitekit.error')]: true, kind: 'network', message: 'offline' };
    assert.ok(isInvitekitError(other));
    assert.ok(!isApiError(other));
    assert.ok(!isInvitekitError({ kind: 'network', message: 'offline' }), 'the brand is required');
  });
});

describe('transport helpers', () => {
  it('retryAfterSeconds reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    assert.equal(retryAfterSeconds('120', now), 120);
    assert.equal(retryAfterSeconds('Tue, 01 Jan 2030 00:00:30 GMT', now), 30);
    assert.equal(retryAfterSeconds('Mon, 31 Dec 2029 00:00:00 GMT', now), 0);
    assert.equal(retryAfterSeconds('soon', now), undefined);
    assert.equal(retryAfterSeconds(null, now), undefined);
  });

  it('codeForStatus: 5xx and 408 are unavailable, then by status', () => {
    assert.deepEqual([400, 401, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 500, 502, 503].map(codeForStatus), [
      'invalid_request',
      'unauthenticated',
      'forbidden',
      'not_found',
      'method_not_allowed',
      'unavailable',
      'invalid_request',
      'not_found',
      'payload_too_large',
      'unsupported_media_type',
      'invalid_request',
      'rate_limited',
      'unavailable',
      'unavailable',
      'unavailable',
    ]);
  });

  it('queryString joins arrays with commas and drops undefined', () => {
    assert.equal(
      queryString({ status: ['pending', 'expired'], q: undefined, limit: 5, cursor: 'a b&c' }),
      '?status=pending,expired&limit=5&cursor=a+b%26c',
    );
    assert.equal(queryString({}), '');
  });

  it('newIdempotencyKey makes v4 UUIDs, also where randomUUID is missing (plain http)', () => {
    assert.match(newIdempotencyKey(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    if (!original) throw new Error('globalThis.crypto has no own property descriptor');
    const real = globalThis.crypto;
    const getRandomValues = <T extends ArrayBufferView>(array: T) => real.getRandomValues(array as never) as T;
    Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues }, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
      assert.equal(keys.size, 50);
      for (const key of keys)
        assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(globalThis, 'crypto', original);
    }
  });

  it('paginate stops when a server repeats a cursor', async () => {
    let calls = 0;
    const seen: number[] = [];
    for await (const item of paginate(
      () => Promise.resolve({ items: [calls++], nextCursor: 'same', total: 9, totalCapped: false }),
      {},
    ))
      seen.push(item);
    assert.deepEqual(seen, [0, 1]);
  });
});
