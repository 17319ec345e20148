/**
 * api.md "Requests" over real HTTP, one test per reproduction of issue 10 ("HTTP"): media types, bytes, bodies,
 * query parameters, Idempotency-Key, methods, HEAD, 401, the cookie named by the OpenAPI document, and the
 * answers the transport gives before any handler runs. Target-agnostic (see harness.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Problem } from '@invitekit/sdk';
import { SEED_CODES } from '@invitekit/mock-server';
import { undeclared } from './declared.js';
import { ADMIN, useServer } from './harness.js';
import { type RawAnswer, rawRequest, requestText } from './raw.js';

const { url, call, ok, problem } = useServer();
const INVITE = '/api/orgs/acme/invitations';

/** How many messages went to `to`: a refused request must have sent none. */
async function sentTo(to: string): Promise<number> {
  const outbox = await ok<{ items: unknown[] }>(await call('GET', `/__mock/outbox?to=${encodeURIComponent(to)}`));
  return outbox.items.length;
}

function assertRawProblem(answer: RawAnswer, status: number, code: string): void {
  assert.equal(answer.status, status, answer.body);
  assert.equal(answer.headers.get('content-type'), 'application/problem+json');
  const body = JSON.parse(answer.body) as Problem;
  assert.equal(Problem.safeParse(body).success, true, answer.body);
  assert.equal(body.code, code);
  assert.equal(body.status, status);
}

describe('media types (a cross-site form cannot post to the admin surface)', () => {
  it('refuses a text/plain POST with 415 unsupported_media_type and sends nothing', async () => {
    const body = JSON.stringify({ emails: ['plain@example.com'] });
    await problem(
      call('POST', INVITE, { raw: body, headers: { ...ADMIN, 'content-type': 'text/plain' } }),
      'unsupported_media_type',
    );
    await problem(
      call('POST', INVITE, { raw: body, headers: { ...ADMIN, 'content-type': 'application/x-www-form-urlencoded' } }),
      'unsupported_media_type',
    );
    await problem(
      call('POST', INVITE, { raw: body, headers: { ...ADMIN, 'content-type': 'application/json; charset=latin1' } }),
      'unsupported_media_type',
    );
    assert.equal(await sentTo('plain@example.com'), 0);
  });

  it('takes application/json with or without charset=utf-8, in any case', async () => {
    for (const [i, type] of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;Charset=UTF-8',
    ].entries())
      await ok(
        await call('POST', INVITE, {
          raw: JSON.stringify({ emails: [`typed${i}@example.com`] }),
          headers: { ...ADMIN, 'content-type': type },
        }),
      );
  });
});

describe('bytes and bodies', () => {
  it('refuses bytes that are not UTF-8 instead of reading U+FFFD, and stores nothing', async () => {
    const bytes = new TextEncoder().encode('{"emails":["bad\u0000byte@example.com"]}');
    bytes[bytes.indexOf(0)] = 0xff;
    const { body } = await problem(call('POST', INVITE, { raw: bytes, headers: ADMIN }), 'invalid_request');
    assert.match(body.detail, /UTF-8/);
    assert.equal(await sentTo('bad\ufffdbyte@example.com'), 0);
  });

  it('refuses accept with body null, an array or a number: the invitation stays pending', async () => {
    for (const raw of ['null', '[]', '5', '"x"']) {
      const { body } = await problem(
        call('POST', `/api/invites/${SEED_CODES.jane}/accept`, { raw }),
        'invalid_request',
      );
      assert.deepEqual(
        body.errors?.map((e) => e.field),
        ['body'],
        raw,
      );
    }
    const lookup = await ok<{ status: string }>(await call('GET', `/api/invites/${SEED_CODES.jane}`));
    assert.equal(lookup.status, 'pending');
    // The accept body is optional: left out, it accepts.
    await ok(await call('POST', `/api/invites/${SEED_CODES.jane}/accept`));
  });

  it('takes a POST without a body where none is needed, without a Content-Type or with a JSON one', async () => {
    await ok(await call('POST', '/api/orgs/acme/invitations/inv_jane/resend', { headers: ADMIN }));
    await ok(
      await call('POST', '/api/orgs/acme/invitations/inv_jane/revoke', {
        headers: { ...ADMIN, 'content-type': 'application/json' },
      }),
    );
  });

  it('refuses a bodiless POST naming a non-JSON content type with 415 (what a cross-site form sends); nothing changes', async () => {
    const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'];
    const paths = [
      '/api/orgs/acme/invitations/inv_jane/revoke',
      '/api/orgs/acme/invitations/inv_jane/resend',
      '/api/orgs/acme/invitations/revoke-stale',
      '/api/orgs/acme/invitation-requests/dismiss-stale',
      '/api/orgs/acme/invitation-requests/req_nora/dismiss',
    ];
    for (const path of paths) {
      for (const type of types) {
        await problem(
          call('POST', path, { headers: { ...ADMIN, 'content-type': type, 'content-length': '0' } }),
          'unsupported_media_type',
        );
      }
    }
    const jane = await ok<{ status: string; resendCount: number }>(
      await call('GET', '/api/orgs/acme/invitations/inv_jane', { headers: ADMIN }),
    );
    assert.deepEqual([jane.status, jane.resendCount], ['pending', 0]);
    assert.equal(await sentTo('jane@example.com'), 0);
  });
});

describe('bytes that cannot be stored (NUL, lone surrogates) are invalid_request, never 5xx', () => {
  it('in a path segment, signed in or not, and malformed percent-encoding too', async () => {
    const paths: [string, Record<string, string>][] = [
      ['/api/invites/%00', {}],
      ['/api/invites/ab%00cd', {}],
      ['/api/orgs/%00/access', {}],
      ['/api/orgs/%00/invitations', ADMIN],
      ['/api/orgs/acme/invitations/inv%00', ADMIN],
      ['/api/orgs/acme/invitations/%ED%A0%80', ADMIN],
      ['/api/invites/%E0%A4%A', {}],
      ['/api/invites/%ZZ', {}],
    ];
    for (const [path, headers] of paths) {
      const { body } = await problem(call('GET', path, { headers }), 'invalid_request');
      assert.ok(body.errors?.[0]?.field, path);
    }
    await problem(call('POST', '/api/invites/%00/accept'), 'invalid_request');
    await problem(
      call('POST', '/api/orgs/acme/invitation-requests/r%00/approve', { headers: ADMIN }),
      'invalid_request',
    );
  });

  it('in a query value', async () => {
    for (const path of [`${INVITE}?q=%00`, `${INVITE}?q=a%00b`, '/api/orgs/acme/members?q=%00', `${INVITE}?sort=%00`]) {
      await problem(call('GET', path, { headers: ADMIN }), 'invalid_request');
    }
    await problem(call('GET', `/api/orgs/acme/invitations/export.csv?q=%00`, { headers: ADMIN }), 'invalid_request');
  });

  it('in a JSON string, naming the field; nothing is stored', async () => {
    const form = '/api/orgs/acme/invitation-requests';
    const { body } = await problem(
      call('POST', form, { body: { email: 'nul@example.com', name: 'a\u0000b' } }),
      'invalid_request',
    );
    assert.deepEqual(
      body.errors?.map((e) => e.field),
      ['name'],
    );
    await problem(call('POST', form, { raw: '{"email":"lone@example.com","message":"\\ud800"}' }), 'invalid_request');
    const invite = await problem(
      call('POST', INVITE, { body: { emails: ['ok@example.com', 'nul\u0000@example.com'] }, headers: ADMIN }),
      'invalid_request',
    );
    assert.deepEqual(
      invite.body.errors?.map((e) => e.field),
      ['emails[1]'],
    );
    await problem(
      call('PATCH', '/api/orgs/acme/settings', { body: { allowedDomains: ['a\u0000.test'] }, headers: ADMIN }),
      'invalid_request',
    );
    assert.equal(await sentTo('ok@example.com'), 0);
    const requests = await ok<{ items: { email: string }[] }>(
      await call('GET', `${form}?status=pending,approved,dismissed&limit=100`, { headers: ADMIN }),
    );
    assert.equal(
      requests.items.some((r) => r.email === 'nul@example.com' || r.email === 'lone@example.com'),
      false,
    );
  });

  it('a malformed Authorization header is nobody (401), not a failure', async () => {
    for (const authorization of ['Basic x', 'Bearer', 'token acme-admin']) {
      await problem(call('GET', INVITE, { headers: { authorization } }), 'unauthenticated');
    }
  });
});

describe('cross-origin writes are refused (CSRF), whatever the body', () => {
  const revoke = '/api/orgs/acme/invitations/inv_jane/revoke';
  const host = () => new URL(url()).host;

  it('refuses Sec-Fetch-Site cross-site and same-site, and a foreign Origin without it: 403, nothing changes', async () => {
    const refusals: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site', origin: 'https://other.acme.test' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of refusals) {
      const { body } = await problem(call('POST', revoke, { headers: { ...ADMIN, ...headers } }), 'forbidden');
      assert.match(body.detail, /another site/, JSON.stringify(headers));
      await problem(
        call('POST', INVITE, { body: { emails: ['csrf@example.com'] }, headers: { ...ADMIN, ...headers } }),
        'forbidden',
      );
      await problem(
        call('PATCH', '/api/orgs/acme/settings', { body: { invitationTtlDays: 2 }, headers: { ...ADMIN, ...headers } }),
        'forbidden',
      );
    }
    const jane = await ok<{ status: string }>(
      await call('GET', '/api/orgs/acme/invitations/inv_jane', { headers: ADMIN }),
    );
    assert.equal(jane.status, 'pending');
    assert.equal(await sentTo('csrf@example.com'), 0);
  });

  it('takes same-origin writes, browser navigations (none) and clients that send neither header', async () => {
    await ok(
      await call('POST', INVITE, {
        body: { emails: ['same1@example.com'] },
        headers: { ...ADMIN, 'sec-fetch-site': 'same-origin', origin: url() },
      }),
    );
    await ok(
      await call('POST', INVITE, {
        body: { emails: ['same2@example.com'] },
        headers: { ...ADMIN, 'sec-fetch-site': 'none' },
      }),
    );
    await ok(
      await call('POST', INVITE, {
        body: { emails: ['same3@example.com'] },
        headers: { ...ADMIN, origin: `https://${host()}` },
      }),
    );
    await ok(await call('POST', INVITE, { body: { emails: ['same4@example.com'] }, headers: ADMIN }));
  });

  it('leaves reads alone: a cross-site GET is answered', async () => {
    await ok(
      await call('GET', INVITE, {
        headers: { ...ADMIN, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      }),
    );
  });
});

describe('query parameters', () => {
  it('refuses a repeated parameter, naming it, instead of keeping the first', async () => {
    for (const query of ['status=pending&status=revoked', 'limit=1&limit=2', 'q=a&q=b']) {
      const { body } = await problem(call('GET', `${INVITE}?${query}`, { headers: ADMIN }), 'invalid_request');
      assert.deepEqual(
        body.errors?.map((e) => e.field),
        [query.split('=')[0]],
      );
    }
    await problem(call('GET', '/api/orgs/acme/members?limit=1&limit=1', { headers: ADMIN }), 'invalid_request');
    await ok(await call('GET', `${INVITE}?status=pending,revoked&limit=2`, { headers: ADMIN }));
  });
});

describe('Idempotency-Key', () => {
  it('refuses a key of 10,000 characters, of 256, or with a space, and records none of them', async () => {
    for (const key of ['k'.repeat(10_000), 'k'.repeat(256), 'two words']) {
      await problem(
        call('POST', INVITE, { headers: { ...ADMIN, 'idempotency-key': key }, body: { emails: ['key@example.com'] } }),
        'invalid_request',
      );
    }
    assert.equal(await sentTo('key@example.com'), 0);
    const first = await ok(
      await call('POST', INVITE, {
        headers: { ...ADMIN, 'idempotency-key': 'k'.repeat(255) },
        body: { emails: ['key@example.com'] },
      }),
    );
    const again = await ok(
      await call('POST', INVITE, {
        headers: { ...ADMIN, 'idempotency-key': 'k'.repeat(255) },
        body: { emails: ['key@example.com'] },
      }),
    );
    assert.deepEqual(again, first, '255 visible ASCII characters is a key');
  });
});

describe('methods', () => {
  it('answers a known path with another method 405 method_not_allowed, with Allow', async () => {
    const { response } = await problem(
      call('DELETE', '/api/orgs/acme/invitations/inv_jane', { headers: ADMIN }),
      'method_not_allowed',
    );
    assert.deepEqual(response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH']);
    const put = await problem(
      call('PUT', '/api/orgs/acme/settings', { headers: ADMIN, body: {} }),
      'method_not_allowed',
    );
    assert.deepEqual(put.response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH']);
  });

  it('answers TRACE and a method nobody knows 405, never 503', async () => {
    const host = new URL(url()).host;
    for (const method of ['TRACE', 'FOO', 'PROPFIND']) {
      const answer = await rawRequest(url(), requestText(method, '/api/orgs/acme/access', host));
      assertRawProblem(answer, 405, 'method_not_allowed');
      assert.ok(answer.headers.get('allow')?.includes('GET'), method);
    }
    assertRawProblem(await rawRequest(url(), requestText('TRACE', '/api/nothing', host)), 404, 'not_found');
  });

  it('answers HEAD on every GET path with the GET status and headers and no body', async () => {
    // The export streams: its length is known only at its end, so neither its GET nor its HEAD states one.
    for (const [path, headers] of [
      ['/api/orgs/acme/access', {}],
      [`${INVITE}?limit=2`, ADMIN],
      [`${INVITE}/export.csv`, ADMIN],
      [INVITE, {}],
      ['/api/orgs/acme/invitations/inv_nope', ADMIN],
    ] as const) {
      const get = await call('GET', path, { headers });
      const getBody = await get.arrayBuffer();
      const head = await call('HEAD', path, { headers });
      assert.equal(head.status, get.status, path);
      assert.equal(head.headers.get('content-type'), get.headers.get('content-type'), path);
      const streamed = path.endsWith('export.csv');
      assert.equal(head.headers.get('content-length'), streamed ? null : String(getBody.byteLength), path);
      assert.equal((await head.arrayBuffer()).byteLength, 0, path);
    }
  });

  it('answers an unknown path 404 not_found as problem+json, whatever the method', async () => {
    await problem(call('GET', '/api/no/such/route'), 'not_found');
    await problem(call('POST', '/api/no/such/route', { body: {} }), 'not_found');
    await problem(call('DELETE', '/api/orgs/acme/invitations/inv_jane/explode'), 'not_found');
  });
});

describe('credentials', () => {
  it('answers 401 with WWW-Authenticate: Bearer', async () => {
    const { response } = await problem(call('GET', INVITE), 'unauthenticated');
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer\b/);
    const wrong = await problem(
      call('GET', INVITE, { headers: { authorization: 'Bearer nobody' } }),
      'unauthenticated',
    );
    assert.match(wrong.response.headers.get('www-authenticate') ?? '', /^Bearer\b/);
  });

  it('reads the session cookie under the name the OpenAPI document gives it', async () => {
    const document = JSON.parse(readFileSync(new URL('../../packages/sdk/openapi.json', import.meta.url), 'utf8')) as {
      components: { securitySchemes: { cookieAuth: { name: string; in: string } } };
    };
    const { name, in: where } = document.components.securitySchemes.cookieAuth;
    assert.equal(where, 'cookie');
    await ok(await call('GET', INVITE, { headers: { cookie: `${name}=acme-admin` } }));
    await problem(call('GET', INVITE, { headers: { cookie: 'session=acme-admin' } }), 'unauthenticated');
  });
});

describe('answers made before any handler runs', () => {
  it('a header block past the limit is 431 problem+json', async () => {
    const host = new URL(url()).host;
    const answer = await rawRequest(
      url(),
      requestText('GET', '/api/orgs/acme/access', host, `X-Big: ${'b'.repeat(70_000)}\r\n`),
    );
    assertRawProblem(answer, 431, 'invalid_request');
    assert.equal(undeclared('GET /api/orgs/{org}/access', 431, 'invalid_request'), undefined);
  });

  it('a request line past the limit, or a broken one, is a problem too', async () => {
    const host = new URL(url()).host;
    const long = await rawRequest(url(), requestText('GET', `/api/${'x'.repeat(70_000)}`, host));
    assert.ok([414, 431].includes(long.status), String(long.status));
    assert.equal(long.headers.get('content-type'), 'application/problem+json');
    assertRawProblem(await rawRequest(url(), 'GET /api/orgs/acme/access HTTP/9\r\n\r\n'), 400, 'invalid_request');
    assertRawProblem(await rawRequest(url(), 'NONSENSE\r\n\r\n'), 400, 'invalid_request');
  });

  it('a body over 64 KiB is 413 payload_too_large before credentials, on any endpoint', async () => {
    const raw = JSON.stringify({ emails: ['a'.repeat(70_000)] });
    await problem(call('POST', INVITE, { raw }), 'payload_too_large');
    await problem(call('POST', `/api/invites/${SEED_CODES.jane}/accept`, { raw }), 'payload_too_large');
  });
});
