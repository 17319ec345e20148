/**
 * Starts `npm run demo:server` (scripts/demo-server.ts) on a free port with a fresh PGlite directory, for the tests
 * and scripts that look at the server-backed demo as someone runs it; `stop()` ends it and removes its data.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface DemoServer {
  origin: string;
  stop(): Promise<void>;
}

/** Builds the demo for @invitekit/server and serves it; resolves with its origin once it listens. */
export async function startDemoServer(timeoutMs = 240_000): Promise<DemoServer> {
  const data = mkdtempSync(join(tmpdir(), 'invitekit-demo-server-'));
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'scripts/demo-server.ts', '--port', '0', '--data', data],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(data, { recursive: true, force: true });
  };
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        reject(new Error(`demo:server did not start within ${String(timeoutMs)} ms:\n${out}`));
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`demo:server exited (${String(code)}):\n${out}`));
      });
    });
    return { origin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
