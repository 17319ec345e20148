/**
 * Retries, faults, time-outs, aborts and validation failures. Normal answers come from the real handlers;
 * `server.use` overrides stand in only for faults the rules engine cannot produce on demand.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { delay, getResponse, http, HttpResponse } from 'msw';
import { client, control, mock, realHandlers, requests, server } from './mock.js';
import { isApiError, isInvitekitError, NetworkError, ResponseValidationError, TimeoutError } from '@invitekit/sdk';

const SETTINGS = '*/api/orgs/acme/settings';
const INVITATIONS = '*/api/orgs/acme/invitations';
const html502 = () =>
  new HttpResponse('<html><body>Bad gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } });
/** An override answering `respond` the first `times` times, then passing through to the real handlers. */
function failFirst(method: 'get' | 'post', path: string, times: number, respond: () => Response | Promise<Response>) {
  let left = times;
  server.use(http[method](path, () => (left-- > 0 ? respond() : undefined)));
}

describe('retries', () => {
  it('a GET retries a 503 and then succeeds', async () => {
    failFirst('get', SETTINGS, 1, () => HttpResponse.json({}, { status: 503 }));
    assert.equal((await client().settings.get()).invitationTtlDays, 7);
    assert.equal(requests.length, 2);
  });

  for (const status of [408, 429, 502, 504]) {
    it(`a GET retries ${status}`, async () => {
      failFirst('get', SETTINGS, 1, () => new HttpResponse(null, { status }));
      await client().settings.get();
      assert.equal(requests.length, 2);
    });
  }

  it('a GET retries a network failure', async () => {
    failFirst('get', SETTINGS, 1, () => HttpResponse.error());
    await client().settings.get();
    assert.equal(requests.length, 2);
  });

  it('gives up after the retry limit (default 2 retries, 3 attempts)', async () => {
    failFirst('get', SETTINGS, 10, () => HttpResponse.json({}, { status: 503 }));
    await assert.rejects(client({ retry: { delay: () => 1 } }).settings.get(), (e) => isApiError(e, 'unavailable'));
    assert.equal(requests.length, 3);
  });

  it('does not retry other errors (a 500, a 404, a 409)', async () => {
    failFirst('get', SETTINGS, 1, () => new HttpResponse(null, { status: 500 }));
    await assert.rejects(client().settings.get(), (e) => isApiError(e, 'unavailable'));
    await assert.rejects(client().invitations.get('inv_nope'), (e) => isApiError(e, 'not_found'));
    await assert.rejects(client().invitations.link('inv_lee'), (e) => isApiError(e, 'not_pending'));
    assert.equal(requests.length, 3);
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    failFirst('post', `${INVITATIONS}/:id/resend`, 1, () => HttpResponse.json({}, { status: 503 }));
    await assert.rejects(client().invitations.resend('inv_jane'), (e) => isApiError(e, 'unavailable'));
    failFirst('post', `${INVITATIONS}/:id/revoke`, 1, () => HttpResponse.error());
    await assert.rejects(client().invitations.revoke('inv_jane'), NetworkError);
    assert.equal(requests.length, 2);
    assert.equal((await mock.outbox('jane@example.com')).filter((m) => m.kind === 'resend').length, 0);
  });

  it('never retries a PATCH (a settings change carries no key)', async () => {
    let attempts = 0;
    server.use(http.patch(SETTINGS, () => (attempts++ === 0 ? HttpResponse.json({}, { status: 503 }) : undefined)));
    await assert.rejects(client().settings.update({ invitationTtlDays: 3 }), (e) => isApiError(e, 'unavailable'));
    assert.equal(attempts, 1);
    assert.equal((await client().settings.get()).invitationTtlDays, 7);
  });

  it('backs off exponentially by default (about 0.3 s, then 0.6 s) when no Retry-After is given', async () => {
    const at: number[] = [];
    server.use(
      http.get(
        SETTINGS,
        () => (at.push(performance.now()), at.length <= 2 ? new HttpResponse(null, { status: 503 }) : undefined),
      ),
    );
    await client({ retry: 2 }).settings.get();
    assert.equal(at.length, 3);
    const [t0 = 0, t1 = 0, t2 = 0] = at;
    const [first, second] = [t1 - t0, t2 - t1];
    assert.ok(first >= 250 && first < 1000, `first wait ${first} ms`);
    assert.ok(second >= 550 && second > first * 1.5, `second wait ${second} ms after ${first} ms`);
  });

  it('retries a create (it carries a key) with the same key', async () => {
    failFirst('post', INVITATIONS, 1, () => HttpResponse.json({}, { status: 503 }));
    const { sent } = await client().invitations.create({ emails: ['retry@example.com'] });
    assert.equal(sent.length, 1);
    assert.equal(requests.length, 2);
    const [firstTry, retried] = requests;
    assert.equal(firstTry?.headers.get('idempotency-key'), retried?.headers.get('idempotency-key'));
    assert.ok(firstTry?.headers.get('idempotency-key'));
  });

  it('a create whose answer was lost is retried with its key and invites once (outbox)', async () => {
    let lost = false;
    server.use(
      http.post(INVITATIONS, async ({ request }) => {
        if (lost) return undefined;
        lost = true;
        await getResponse(realHandlers, request); // the server did the work...
        return HttpResponse.error(); // ...and the answer never arrived
      }),
    );
    const { sent } = await client().invitations.create({ emails: ['lost@example.com'] });
    assert.equal(sent[0]?.email, 'lost@example.com');
    assert.equal(requests.length, 2);
    assert.equal((await mock.outbox('lost@example.com')).length, 1);
    assert.equal((await client().invitations.list({ q: 'lost@' })).total, 1);
  });

  it('waits for Retry-After (seconds) before retrying', async () => {
    failFirst('get', SETTINGS, 1, () => HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '1' } }));
    const started = performance.now();
    await client({ retry: { delay: () => 0 } }).settings.get();
    assert.ok(performance.now() - started >= 900, 'answered before Retry-After');
    assert.equal(requests.length, 2);
  });

  it('waits for Retry-After given as an HTTP date', async () => {
    failFirst('get', SETTINGS, 1, () =>
      HttpResponse.json({}, { status: 503, headers: { 'Retry-After': new Date(Date.now() + 1500).toUTCString() } }),
    );
    const started = performance.now();
    await client({ retry: { delay: () => 0 } }).settings.get();
    // HTTP dates have whole seconds, so the wait is between 0.5 and 1.5 s.
    assert.ok(performance.now() - started >= 400);
    assert.equal(requests.length, 2);
  });

  it('does not wait for a Retry-After beyond maxRetryAfter: the error carries it', async () => {
    failFirst('get', SETTINGS, 1, () => HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '3600' } }));
    await assert.rejects(client().settings.get(), (e) => isApiError(e, 'rate_limited') && e.retryAfter === 3600);
    assert.equal(requests.length, 1);
  });

  it("retries the mock's injected unavailable faults, waiting their Retry-After", async () => {
    await control('faults', { failureRate: 1 });
    await assert.rejects(client({ retry: { limit: 1 } }).settings.get(), (e) => isApiError(e, 'unavailable'));
    assert.equal(requests.length, 2);
  });

  it('does not retry at all when Retry-After exceeds maxRetryAfter', async () => {
    await control('faults', { failureRate: 1 });
    await assert.rejects(
      client({ retry: { limit: 1, maxRetryAfter: 10 } }).settings.get(),
      (e) => isApiError(e, 'unavailable') && e.retryAfter === 1,
    );
    assert.equal(requests.length, 1);
  });

  it('retry: 0 turns retries off', async () => {
    failFirst('get', SETTINGS, 1, () => HttpResponse.json({}, { status: 503 }));
    await assert.rejects(client({ retry: 0 }).settings.get(), (e) => isApiError(e, 'unavailable'));
    assert.equal(requests.length, 1);
  });
});

describe('faults', () => {
  it('an HTML 502 still yields an ApiError: unavailable, status 502', async () => {
    server.use(http.get(SETTINGS, html502));
    await assert.rejects(client({ retry: 0 }).settings.get(), (error: unknown) => {
      assert.ok(isApiError(error, 'unavailable'));
      assert.equal(error.status, 502);
      assert.match(error.detail, /502/);
      return true;
    });
  });

  it('a non-problem 4xx is mapped by status', async () => {
    server.use(http.get(SETTINGS, () => new HttpResponse('nope', { status: 403 })));
    await assert.rejects(client().settings.get(), (e) => isApiError(e, 'forbidden') && e.status === 403);
  });

  it('a network failure is a NetworkError', async () => {
    server.use(http.get(SETTINGS, () => HttpResponse.error()));
    await assert.rejects(client({ retry: 0 }).settings.get(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.ok(isInvitekitError(error));
      assert.equal(error.kind, 'network');
      return true;
    });
  });

  it('no answer within `timeout` is a TimeoutError, not retried', async () => {
    server.use(
      http.get(SETTINGS, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    await assert.rejects(client({ timeout: 30 }).settings.get(), TimeoutError);
    assert.equal(requests.length, 1);
  });

  it('a malformed answer is a ResponseValidationError with its issues', async () => {
    server.use(http.get(INVITATIONS, () => HttpResponse.json({ items: [{ id: 'x' }], nextCursor: null, total: -1 })));
    await assert.rejects(client().invitations.list(), (error: unknown) => {
      assert.ok(error instanceof ResponseValidationError);
      assert.ok(!isApiError(error));
      assert.ok(error.issues.some((issue) => issue.path.join('.') === 'total'));
      assert.ok(error.issues.some((issue) => issue.path.join('.').startsWith('items.0.')));
      return true;
    });
  });

  it('a 2xx answer that is not JSON is a ResponseValidationError', async () => {
    server.use(http.get(SETTINGS, () => new HttpResponse('<html>', { headers: { 'content-type': 'text/html' } })));
    await assert.rejects(client().settings.get(), ResponseValidationError);
  });

  it('an export that is not text/csv is a ResponseValidationError', async () => {
    server.use(http.get(`${INVITATIONS}/export.csv`, () => HttpResponse.json({ not: 'csv' })));
    await assert.rejects(client().invitations.exportCsv(), ResponseValidationError);
  });
});
