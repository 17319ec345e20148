/**
 * The request log (packages/server/src/log.ts): request lines of many requests go out together, each whole and in
 * order, never later than HOLD_MS, and sooner once HOLD_CHARS wait; any other line goes out at once, after the
 * request lines held before it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { HOLD_CHARS, HOLD_MS, type RequestLogLine, heldLogger } from '../../packages/server/src/log.js';

function requestLine(i: number): RequestLogLine {
  return {
    time: new Date(0).toISOString(),
    level: 'info',
    msg: 'request',
    method: 'GET',
    path: `/api/orgs/acme/invitations/${String(i)}`,
    status: 200,
    durationMs: 1.5,
    requestId: `req-${String(i)}`,
  };
}

/** The logger with its writes recorded, each with when it happened. */
function recorded() {
  const writes: { text: string; at: number }[] = [];
  const started = performance.now();
  const log = heldLogger((text) => writes.push({ text, at: performance.now() - started }));
  const lines = () =>
    writes.flatMap((w) =>
      w.text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as unknown),
    );
  return { log, writes, lines };
}

describe('the request log', () => {
  it('writes the lines of many requests together, whole and in order, within HOLD_MS', async () => {
    const { log, writes, lines } = recorded();
    for (let i = 0; i < 20; i++) log(requestLine(i));
    assert.equal(writes.length, 0, 'held');
    await sleep(HOLD_MS + 100);
    assert.equal(writes.length, 1, 'one write for twenty requests');
    assert.ok((writes[0]?.at ?? Infinity) < HOLD_MS + 60, `written after ${String(writes[0]?.at)} ms`);
    assert.deepEqual(
      lines(),
      Array.from({ length: 20 }, (_, i) => requestLine(i)),
    );
    log(requestLine(20));
    await sleep(HOLD_MS + 100);
    assert.equal(writes.length, 2, 'a later request starts a new wait');
  });

  it('writes at once when HOLD_CHARS are held, and lets nothing wait past HOLD_MS after that', async () => {
    const { log, writes, lines } = recorded();
    const size = JSON.stringify(requestLine(1000)).length + 1;
    const many = Math.ceil(HOLD_CHARS / size);
    for (let i = 1000; i < 1000 + many; i++) log(requestLine(i));
    assert.equal(writes.length, 1, 'written as soon as the held text reached HOLD_CHARS');
    assert.ok((writes[0]?.text.length ?? 0) >= HOLD_CHARS);
    log(requestLine(5000));
    await sleep(HOLD_MS + 100);
    assert.equal(writes.length, 2);
    assert.equal(lines().length, many + 1);
  });

  it('writes any other line at once, after the request lines held before it', () => {
    const { log, writes, lines } = recorded();
    log(requestLine(1));
    log(requestLine(2));
    log({ time: new Date(0).toISOString(), level: 'error', msg: 'answer failed', error: 'Error: boom' });
    assert.equal(writes.length, 2);
    assert.deepEqual(
      lines().map((l) => (l as { msg: string; requestId?: string }).requestId ?? (l as { msg: string }).msg),
      ['req-1', 'req-2', 'answer failed'],
    );
  });
});
