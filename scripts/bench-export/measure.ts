/**
 * One export measured on one server process: the CLI of checkout `dir` started with the probe (probe.mjs), its
 * RSS high-water mark reset (/proc/PID/clear_refs) and its heap peak restarted just before the request, read
 * back after the last byte.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./probe.mjs', import.meta.url));

export interface Measure {
  status: number;
  rows: number;
  bytes: number;
  firstByteMs: number;
  totalMs: number;
  idleRss: number;
  peakRss: number;
  peakHeap: number;
}

/** A figure of /proc/PID/status (`VmRSS`, `VmHWM`), in bytes. */
function procStatus(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  return Number(match?.[1] ?? NaN) * 1024;
}

export async function measureExport(dir: string, flags: string[], size: number): Promise<Measure> {
  const args = ['--conditions=source', '--import', 'tsx', '--import', PROBE, 'packages/server/src/cli.ts'];
  const child = spawn(process.execPath, [...args, '--port', '0', '--auth', 'scripts/bench-server/auth.ts', ...flags], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => {
    child.once('exit', resolve);
  });
  let err = '';
  const probed: ((line: string) => void)[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    const match = /^bench-export-probe (.*)$/m.exec(err);
    if (match?.[1]) {
      err = err.slice(match.index + match[0].length);
      probed.shift()?.(match[1]);
    }
  });
  const probe = () =>
    new Promise<{ heapUsed: number }>((resolve) => {
      probed.push((line) => {
        resolve(JSON.parse(line) as { heapUsed: number });
      });
      child.kill('SIGUSR2');
    });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        reject(new Error(`no ready line; stderr: ${err}`));
      }, 180_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /invitekit server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        reject(new Error(`the server exited with ${String(code)}: ${err}`));
      });
    });
    const pid = child.pid ?? 0;
    const headers = { authorization: 'Bearer acme-admin' };
    // One request first: what every request needs (the database opened, code compiled) is not the export's.
    await (await fetch(`${url}/api/orgs/acme/invitations?limit=1`, { headers })).arrayBuffer();
    await probe();
    writeFileSync(`/proc/${String(pid)}/clear_refs`, '5');
    const idleRss = procStatus(pid, 'VmRSS');

    const started = performance.now();
    const response = await fetch(`${url}/api/orgs/acme/invitations/export.csv`, {
      headers,
      signal: AbortSignal.timeout(300_000),
    });
    let firstByteMs = NaN;
    let bytes = 0;
    let lines = 0;
    if (!response.body) throw new Error(`no body (${String(response.status)})`);
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 0x0a) lines++;
    }
    const totalMs = performance.now() - started;
    const peakHeap = (await probe()).heapUsed;
    const peakRss = procStatus(pid, 'VmHWM');
    if (response.status === 200 && lines - 1 < size) {
      throw new Error(`${String(lines - 1)} rows exported of ${String(size)}`);
    }
    return { status: response.status, rows: lines - 1, bytes, firstByteMs, totalMs, idleRss, peakRss, peakHeap };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
