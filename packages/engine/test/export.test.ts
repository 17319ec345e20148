import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Engine, csvField, csvText } from '../src/index.js';
import { ADMIN, refused, setup, VIEWER } from './test-support.js';

/** The export's text, read to the end. */
async function exported(engine: { exportCsv: Engine['exportCsv'] }, ...args: Parameters<Engine['exportCsv']>) {
  return csvText(await engine.exportCsv(...args));
}

describe('CSV export', () => {
  it('neutralises formulas with a leading quote mark and escapes per RFC 4180', () => {
    assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('-1'), "'-1");
    assert.equal(csvField('@cmd'), "'@cmd");
    assert.equal(csvField('\tx'), "'\tx");
    assert.equal(csvField('\rx'), `"'\rx"`);
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('line\nbreak'), '"line\nbreak"');
    assert.equal(csvField('=a,"b"'), `"'=a,""b"""`);
    assert.equal(csvField('plain@example.com'), 'plain@example.com');
  });

  it('exports the list’s filter and order with the header of rules.md, every row', async () => {
    const { engine, invite } = await setup();
    await invite(['=cmd|x@example.com', '-2+3@example.com', '"quoted,name"@example.com']);
    const csv = await exported(engine, ADMIN, 'acme', { sort: 'email', order: 'asc' });
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'email,status,role,invited_at,expires_at,invited_by,resend_count');
    assert.equal(lines.at(-1), '', 'ends with CRLF');
    const listed = (await engine.listInvitations(ADMIN, 'acme', { sort: 'email', order: 'asc', limit: 100 })).items;
    assert.equal(lines.length - 2, listed.length);
    const formula = listed.find((i) => i.email.startsWith('-2'));
    assert.ok(
      lines.includes(`'-2+3@example.com,pending,member,${formula?.invitedAt},${formula?.expiresAt},admin@acme.test,0`),
    );
    assert.ok(lines.some((l) => l.startsWith(`'=cmd|x@example.com,`)));
    assert.ok(lines.some((l) => l.startsWith(`"""quoted,name""@example.com",`)));
    const omar = lines.find((l) => l.startsWith('omar@'));
    assert.match(omar ?? '', /^omar@example\.com,pending,admin,[^,]+,[^,]+,admin@acme\.test,3$/);
  });

  it('lists rows in the list’s order for every sort and order, with the same filter', async () => {
    const { engine, invite, tick } = await setup();
    for (const batch of ['b', 'a', 'c']) {
      await invite([`${batch}1@example.com`, `${batch}2@example.com`]);
      await tick(1000);
    }
    const status = ['pending', 'expired', 'revoked', 'accepted', 'declined'] as const;
    for (const sort of ['email', 'status', 'invitedAt', 'expiresAt'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const query = { status: [...status], sort, order, q: 'example' };
        const csv = await exported(engine, ADMIN, 'acme', query);
        const emails = csv
          .split('\r\n')
          .slice(1, -1)
          .map((l) => l.split(',')[0]);
        const listed = (await engine.listInvitations(ADMIN, 'acme', { ...query, limit: 100 })).items.map(
          (i) => i.email,
        );
        assert.deepEqual(emails, listed, `${sort} ${order}`);
      }
    }
    // Without a query: the list's defaults (pending and expired, newest first).
    const defaults = (await exported(engine, ADMIN, 'acme'))
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(',')[0]);
    assert.deepEqual(
      defaults,
      (await engine.listInvitations(ADMIN, 'acme', { limit: 100 })).items.map((i) => i.email),
    );
  });

  it('honours the status filter and q, and needs the admin permission', async () => {
    const { engine } = await setup();
    const csv = await exported(engine, ADMIN, 'acme', { status: ['revoked', 'declined'] });
    assert.deepEqual(
      csv
        .split('\r\n')
        .slice(1, -1)
        .map((l) => l.split(',').slice(0, 2).join(','))
        .sort(),
      ['dan@example.com,declined', 'lee@example.com,revoked'],
    );
    assert.equal((await exported(engine, ADMIN, 'acme', { q: 'nobody-matches' })).split('\r\n').length, 2);
    await refused(() => engine.exportCsv(VIEWER, 'acme'), 'forbidden');
    await refused(() => engine.exportCsv(ADMIN, 'acme', { limit: 5 }), 'invalid_request');
  });
});
