/**
 * Abuse limits (rules.md): REQUESTS_PER_ADDRESS_PER_HOUR submissions per address per organization and
 * REQUESTS_PER_CLIENT_PER_HOUR per client in a sliding RATE_WINDOW_MS, on the mock clock; only accepted
 * submissions count; `Retry-After` in whole seconds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ControlledEngine } from '../src/index.js';
import {
  RATE_WINDOW_MS,
  REQUESTS_PER_ADDRESS_PER_HOUR as PER_ADDRESS,
  REQUESTS_PER_CLIENT_PER_HOUR as PER_CLIENT,
} from '../src/limits.js';
import { ADMIN, GLOBEX, refused, setup } from './test-support.js';

const submit = (engine: ControlledEngine, email: string, remote = 'r1', org = 'acme') =>
  engine.submitRequest(org, { email }, remote);

describe('rate limits', () => {
  it('allows PER_ADDRESS per address per organization per sliding window, then rate_limited with Retry-After seconds', async () => {
    const { engine, tick } = await setup();
    const step = RATE_WINDOW_MS / (PER_ADDRESS + 1);
    for (let i = 0; i < PER_ADDRESS; i++) {
      await submit(engine, 'spam@example.com', `client${i}`);
      await tick(step);
    }
    // Hits at 0, 1, ..., PER_ADDRESS - 1 steps; now PER_ADDRESS steps: the oldest leaves the window in one step.
    const error = await refused(() => submit(engine, 'Spam@example.com', 'client9'), 'rate_limited');
    assert.equal(error.retryAfter, Math.ceil(step / 1000));
    await tick(step - 1);
    // One millisecond left: still refused, and the wait rounds up to a whole second (never 0). Refused
    // submissions do not count: were the two refusals hits, the window would still be full a moment later.
    assert.equal((await refused(() => submit(engine, 'spam@example.com', 'client9'), 'rate_limited')).retryAfter, 1);
    await tick(1);
    assert.deepEqual(await submit(engine, 'spam@example.com', 'client9'), { status: 'received' });
    assert.deepEqual(
      await submit(engine, 'other@example.com', 'client9'),
      { status: 'received' },
      'another address is not limited',
    );
  });

  it('rounds a partial second up: Retry-After is the whole seconds until a slot frees', async () => {
    const { engine, tick } = await setup();
    for (let i = 0; i < PER_ADDRESS; i++) await submit(engine, 'round@example.com', `c${i}`);
    await tick(RATE_WINDOW_MS - 1200);
    // 1.2 s left: 2 whole seconds (waiting 1 would be refused again).
    assert.equal((await refused(() => submit(engine, 'round@example.com', 'c9'), 'rate_limited')).retryAfter, 2);
  });

  it('counts the address limit per organization', async () => {
    const { engine } = await setup();
    await engine.updateSettings(GLOBEX, 'globex', { invitationRequestsEnabled: true });
    for (let i = 0; i < PER_ADDRESS; i++) await submit(engine, 'both@example.com', `c${i}`);
    await refused(() => submit(engine, 'both@example.com', 'c9'), 'rate_limited');
    assert.deepEqual(await submit(engine, 'both@example.com', 'c9', 'globex'), { status: 'received' });
  });

  it('allows PER_CLIENT per client per window, across organizations; only accepted submissions count', async () => {
    const { engine, tick } = await setup();
    await engine.updateSettings(GLOBEX, 'globex', { invitationRequestsEnabled: true });
    for (let i = 0; i < 10; i++) await refused(() => submit(engine, `bad ${i}`, 'c'), 'invalid_email');
    for (let i = 0; i < 10; i++)
      await refused(() => engine.submitRequest('acme', { email: 'x@example.com', extra: i }, 'c'), 'invalid_request');
    for (let i = 0; i < PER_CLIENT - 1; i++) await submit(engine, `p${i}@example.com`, 'c');
    await submit(engine, 'last@example.com', 'c', 'globex');
    const error = await refused(() => submit(engine, 'p99@example.com', 'c'), 'rate_limited');
    assert.equal(error.retryAfter, RATE_WINDOW_MS / 1000);
    assert.deepEqual(
      await submit(engine, 'p99@example.com', 'd'),
      { status: 'received' },
      'another client is not limited',
    );
    await tick(RATE_WINDOW_MS);
    assert.deepEqual(await submit(engine, 'p99@example.com', 'c'), { status: 'received' });
  });

  it('counts a repeated request and a member’s request like any other: the limit reveals nothing', async () => {
    // Choice (README): every accepted submission counts, including one that adds nothing because the address
    // already has a pending request. Otherwise the limit would behave differently for addresses that asked
    // before, telling an outsider so, and a client could resubmit forever.
    const { engine } = await setup();
    const stored = async () =>
      (await engine.listRequests(ADMIN, 'acme', { status: ['pending', 'approved', 'dismissed'] })).total;
    const before = await stored();
    for (const email of ['nora@example.com', 'viewer@acme.test', 'brand-new@example.com']) {
      for (let i = 0; i < PER_ADDRESS; i++) {
        assert.deepEqual(await submit(engine, email, `c-${email}-${i}`), { status: 'received' });
      }
      const error = await refused(() => submit(engine, email, 'c-last'), 'rate_limited');
      assert.equal(error.retryAfter, RATE_WINDOW_MS / 1000, email);
    }
    assert.equal(await stored(), before + 2, 'one request for the member, one for the new address, none for nora');
  });
});
