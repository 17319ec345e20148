/**
 * The CSV export through `@invitekit/server` on PGlite, across several of its pages of 1,000 (server.md, Operating
 * it: export streams): the body arrives in chunks, holds every invitation the list shows in the list's order,
 * byte for byte as a file built from the list's pages; a client that stops reading midway leaves the server
 * answering the next request at once (no read or connection held for it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { csvField } from '@invitekit/engine';
import { type InvitekitServer, createInvitekitServer } from '@invitekit/server';
import { authenticate } from '../../scripts/bench-server/auth.js';
import { seedBench } from '../../scripts/bench-server/seed.js';
import { freshPglite } from './pglite.js';

/** Three pages of the export and a part of a fourth (the bench's data: 90 % pending, 10 % expired). */
const SIZE = 3_200;
const ADMIN = { authorization: 'Bearer acme-admin' };
const BASE = 'http://127.0.0.1/api/orgs/acme/invitations';

let invitekit: InvitekitServer;

before(async () => {
  const database = await freshPglite();
  await seedBench(database.db, Date.now(), SIZE);
  invitekit = createInvitekitServer({ database, acceptUrl: 'http://127.0.0.1/redeem/', authenticate, log: false });
  await invitekit.ready;
});
after(() => invitekit.close());

const get = (url: string) => invitekit.fetch(new Request(url, { headers: ADMIN }));

interface ListedInvitation {
  email: string;
  status: string;
  role: string | null;
  invitedAt: string;
  expiresAt: string;
  invitedBy: { email: string } | null;
  resendCount: number;
}

/** The file as the export made it before it streamed, from the list's own pages (100 at a time). */
async function fromListPages(query: string): Promise<string> {
  const lines = ['email,status,role,invited_at,expires_at,invited_by,resend_count'];
  let cursor: string | null = null;
  do {
    const page = (await (await get(`${BASE}?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json()) as {
      items: ListedInvitation[];
      nextCursor: string | null;
    };
    for (const inv of page.items) {
      const fields = [inv.email, inv.status, inv.role ?? 'member', inv.invitedAt, inv.expiresAt];
      lines.push([...fields, inv.invitedBy?.email ?? '', String(inv.resendCount)].map(csvField).join(','));
    }
    cursor = page.nextCursor;
  } while (cursor);
  return `${lines.join('\r\n')}\r\n`;
}

describe('the CSV export on the server', () => {
  it('streams every invitation across pages, byte for byte the list in its order', async () => {
    for (const query of ['sort=email&order=asc', 'status=expired,pending&sort=status&order=desc']) {
      const response = await get(`${BASE}/export.csv?${query}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(response.headers.get('content-length'), null, 'streamed, its length unknown');
      const chunks: string[] = [];
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        chunks.push(decoder.decode(chunk, { stream: true }));
      }
      const text = chunks.join('');
      assert.ok(chunks.length >= 4, `${String(chunks.length)} chunks`);
      assert.ok(text.split('\r\n').length - 2 >= SIZE, 'every invitation');
      assert.equal(text, await fromListPages(query), query);
    }
  });

  it('leaves nothing held when the client stops reading after the first chunk', async () => {
    const response = await get(`${BASE}/export.csv`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    assert.equal((await reader.read()).done, false);
    await reader.cancel();
    const started = performance.now();
    const invited = await invitekit.fetch(
      new Request(BASE, {
        method: 'POST',
        headers: { ...ADMIN, 'content-type': 'application/json' },
        body: JSON.stringify({ emails: ['after-export@example.com'] }),
      }),
    );
    assert.equal(invited.status, 200);
    assert.ok(performance.now() - started < 5_000, 'answered without waiting for the export');
  });
});
