/**
 * A real PostgreSQL for tests and the benchmark: Debian's server binaries, run as the unprivileged `postgres`
 * user in a fresh temporary directory on a free port, one database per caller, stopped and removed afterwards.
 *
 * PostgreSQL refuses to run as root, and a test process may die without running its `after` hooks (a crash, a
 * SIGKILL from a timeout), so the cluster is owned by a detached watchdog shell: it holds a pipe from this
 * process and, when that pipe closes for any reason, stops the server and deletes the directory.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { freePort } from './free-port.js';

/** Debian installs each major version under /usr/lib/postgresql/<major>/bin; the newest one wins. */
function findPgBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0] ?? '15';
  return join(root, newest, 'bin');
}

export const PG_BIN = process.env['INVITEKIT_PG_BIN'] ?? findPgBin();

export interface RunningPostgres {
  /** `postgres://invitekit@127.0.0.1:PORT/postgres`: the maintenance database. */
  adminUrl: string;
  port: number;
  /** The temporary directory holding the cluster (removed on stop). */
  dir: string;
  /** Creates a database (empty, or a copy of `template`) and answers its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  /** Stops (SIGSTOP) or resumes (SIGCONT) the server and every backend: a database that hangs, not one that is gone. */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

/** The postmaster of the cluster in `data` and its children (the backends), from postmaster.pid and /proc. */
function clusterPids(data: string): number[] {
  const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** Runs a PostgreSQL binary as the `postgres` user (or as ourselves when we are not root). */
function asPostgres(binary: string, args: string[]): string[] {
  const path = join(PG_BIN, binary);
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', path, ...args] : [path, ...args];
}

export function postgresAvailable(): boolean {
  return existsSync(join(PG_BIN, 'postgres'));
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Starts a throwaway cluster; throws with PostgreSQL's own message when it cannot. `settings` are extra server
 * settings (`-c name=value`), say `shared_preload_libraries` for the benchmark's statement counts.
 */
export async function startPostgres(settings: Record<string, string> = {}): Promise<RunningPostgres> {
  if (!postgresAvailable()) {
    throw new Error(`PostgreSQL binaries not found in ${PG_BIN}: apt-get install -y postgresql`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'invitekit-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  const run = (argv: string[]) => execFileSync(argv[0] ?? '', argv.slice(1), { stdio: 'pipe' });
  run(asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'invitekit', '--no-sync', '-E', 'UTF8']));
  // Durability is not what a test measures: no fsync makes each commit cheap on a busy machine.
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200${extra.join('')}`;
  const start = asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  try {
    run(start);
  } catch (error) {
    execFileSync('rm', ['-rf', dir]);
    throw error;
  }
  // The watchdog: waits for its stdin (our pipe) to close, then stops the cluster and removes it.
  const script = `cat >/dev/null; ${stop.map(shellQuote).join(' ')} >/dev/null 2>&1; rm -rf ${shellQuote(dir)}`;
  const watchdog = spawn('sh', ['-c', script], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  watchdog.unref();
  if (watchdog.stdin instanceof Socket) watchdog.stdin.unref();
  const finished = new Promise<void>((resolve) => {
    watchdog.once('exit', () => {
      resolve();
    });
  });
  const adminUrl = `postgres://invitekit@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    port,
    dir,
    async createDatabase(name, template) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        const quote = (identifier: string) => `"${identifier.replace(/"/g, '')}"`;
        await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
      } finally {
        await client.end();
      }
      return `postgres://invitekit@127.0.0.1:${port}/${name}`;
    },
    freeze() {
      for (const pid of clusterPids(data)) process.kill(pid, 'SIGSTOP');
    },
    thaw() {
      for (const pid of clusterPids(data)) process.kill(pid, 'SIGCONT');
    },
    async stop() {
      watchdog.ref();
      watchdog.stdin.end();
      await finished;
    },
  };
}
