/** Email through a real SMTP server: a queued message arrives with its link; a refused one is kept and retried. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { seedState } from '@invitekit/engine';
import { OutboxSender } from '../../packages/server/src/email/outbox-sender.js';
import { smtpSender } from '../../packages/server/src/email/smtp.js';
import { DEFAULT_TEMPLATES } from '../../packages/server/src/email/templates.js';
import { SqlControlledStore } from '../../packages/server/src/store/sql-store.js';
import { freshPglite } from './pglite.js';
import { type TestSmtp, startSmtp } from './smtp.js';

let database: Awaited<ReturnType<typeof freshPglite>>;
let smtp: TestSmtp;
let sender: OutboxSender;
let store: SqlControlledStore;
let realNow = Date.now();
const failures: unknown[] = [];

before(async () => {
  database = await freshPglite();
  smtp = await startSmtp();
});
after(async () => {
  await sender.stop();
  await smtp.close();
  await database.close();
});
beforeEach(async () => {
  failures.length = 0;
  smtp.received.length = 0;
  smtp.failing = false;
  realNow = Date.now();
  sender = new OutboxSender(database.db, {
    send: await smtpSender({ url: smtp.url, from: 'invites@acme.test' }),
    templates: DEFAULT_TEMPLATES,
    retryBaseMs: 60_000,
    now: () => realNow,
    onFailure: (failure) => {
      failures.push(failure);
    },
  });
  store = new SqlControlledStore(database.db, {
    onMessages: () => {
      sender.wake();
    },
  });
  await store.transaction((tx) => tx.replaceAll(seedState(realNow, 'empty')));
});

const message = {
  to: 'new@example.com',
  kind: 'invitation' as const,
  org: 'acme',
  subject: "You're invited to join Acme Inc.",
  url: 'https://app.test/redeem/?code=abc123',
  code: 'abc123',
  sentAt: new Date().toISOString(),
};

async function undelivered() {
  return database.db.selectFrom('outbox').selectAll().where('delivered_at', 'is', null).execute();
}

describe('outbox sender', () => {
  it('delivers a committed message through SMTP, with the link in both parts', async () => {
    await store.transaction((tx) => tx.appendMessage(message));
    const mail = (await smtp.waitFor(1))[0];
    assert.ok(mail);
    assert.deepEqual(mail.to, ['new@example.com']);
    assert.match(mail.raw, /Subject: You're invited to join Acme Inc\./);
    assert.match(mail.raw, /https:\/\/app\.test\/redeem\/\?code=3Dabc123|https:\/\/app\.test\/redeem\/\?code=abc123/);
    assert.match(mail.raw, /text\/html/);
    await sender.idle();
    assert.equal((await undelivered()).length, 0);
  });

  it('sends nothing for a transaction that rolled back', async () => {
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.appendMessage(message);
        throw new Error('refused');
      }),
      /refused/,
    );
    sender.wake();
    await sender.idle();
    assert.equal(smtp.received.length, 0);
    assert.equal((await database.db.selectFrom('outbox').selectAll().execute()).length, 0);
  });

  it('keeps a refused message and delivers it on the retry, with backoff', async () => {
    smtp.failing = true;
    await store.transaction((tx) => tx.appendMessage(message));
    await sender.idle();
    assert.equal(failures.length, 1);
    const kept = (await undelivered())[0];
    assert.ok(kept);
    assert.equal(kept.attempts, 1);
    assert.match(kept.last_error ?? '', /try later/);
    assert.equal(kept.next_attempt_at.getTime(), realNow + 60_000);
    // Not due yet: a wake sends nothing.
    smtp.failing = false;
    sender.wake();
    await sender.idle();
    assert.equal(smtp.received.length, 0);
    // Due: the retry goes out.
    realNow += 60_000;
    sender.wake();
    await smtp.waitFor(1);
    await sender.idle();
    assert.equal((await undelivered()).length, 0);
  });

  it('doubles the wait after each failure', async () => {
    smtp.failing = true;
    await store.transaction((tx) => tx.appendMessage(message));
    await sender.idle();
    realNow += 60_000;
    sender.wake();
    await sender.idle();
    const kept = (await undelivered())[0];
    assert.ok(kept);
    assert.equal(kept.attempts, 2);
    assert.equal(kept.next_attempt_at.getTime(), realNow + 120_000);
  });
});
