/** The PostgreSQL harness itself: a real server starts, answers, and is gone afterwards, even when its owner dies. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgres } from '../../tools/postgres.js';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('PostgreSQL test harness', () => {
  it('starts a real server, creates a database, and removes everything on stop', async () => {
    const server = await startPostgres();
    const url = await server.createDatabase('harness_check');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    await client.end();
    assert.match(rows[0]?.v ?? '', /^\d+\.\d+/);
    await server.stop();
    assert.equal(await portOpen(server.port), false);
  });

  it('stops the server when the process that started it is killed', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./postgres-owner.fixture.ts', import.meta.url))],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const started = new Promise<{ port: number; dir: string }>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /^ready (\d+) (\S+)$/m.exec(out);
        if (match) resolve({ port: Number(match[1]), dir: match[2] ?? '' });
      });
    });
    const { port, dir } = await started;
    assert.equal(await portOpen(port), true);
    child.kill('SIGKILL');
    await waitFor(async () => !(await portOpen(port)) && !existsSync(dir));
  });
});
