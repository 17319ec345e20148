/**
 * Runs the real standalone mock server (`packages/mock-server/src/cli.ts`) in a child process for the HTTP
 * contract tests: picks a free port, spawns, waits for the ready line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = 'packages/mock-server/src/cli.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the CLI with `args` and answers once it prints its ready line (or rejects with its stderr). With
 * `viaNpm`, runs `npm run mock-server -- ...args` from the repo root, as api.md tells users to, in its own
 * process group so that stopping it stops npm's child too.
 */
export function runCli(args: string[], timeoutMs = 15_000, viaNpm = false): Promise<RunningServer> {
  const child = viaNpm
    ? spawn('npm', ['run', '--silent', 'mock-server', '--', ...args], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      })
    : spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      if (viaNpm && child.pid !== undefined) process.kill(-child.pid, signal);
      else child.kill(signal);
    }
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`no ready line within ${timeoutMs} ms; stderr: ${err}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^invitekit mock server listening on (http:\/\/127\.0\.0\.1:\d+)\n/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, stdout: () => out, stderr: () => err, stop });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`the CLI exited with ${code}: ${err}`), { exitCode: code, stderr: err, stdout: out }),
      );
    });
  });
}

/** Starts the server on a port chosen beforehand, as a user would with `--port PORT`. */
export async function startServer(extra: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const server = await runCli(['--port', String(port), ...extra]);
  if (server.url !== `http://127.0.0.1:${port}`) throw new Error(`listening on ${server.url}, not port ${port}`);
  return server;
}
