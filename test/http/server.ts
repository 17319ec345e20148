/**
 * Runs the real standalone mock server (`packages/mock-server/src/cli.ts`) in a child process for the HTTP
 * contract tests: picks a free port, spawns, waits for the ready line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../tools/free-port.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = 'packages/mock-server/src/cli.ts';

/** How {@link runCli} rejects when the CLI exits before its ready line. */
export type CliFailure = Error & { exitCode?: number | null; stderr?: string; stdout?: string };

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
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
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

/** Starts the server with `--port 0`: the system picks a free port and the ready line names it (no race). */
export function startServer(extra: string[] = []): Promise<RunningServer> {
  return runCli(['--port', '0', ...extra]);
}

/**
 * Runs the CLI on a port chosen beforehand, as a user would with `--port PORT`, and answers it with the port.
 * When another process took the port in between (the race of {@link freePort}), it tries another.
 */
export async function startOnPort(
  extra: string[] = [],
  viaNpm = false,
): Promise<{ server: RunningServer; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return { server: await runCli(['--port', String(port), ...extra], 30_000, viaNpm), port };
    } catch (error) {
      const lost = /already in use/.test((error as { stderr?: string }).stderr ?? '');
      if (!lost || attempt === 5) throw error;
    }
  }
}
