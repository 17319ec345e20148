/**
 * The packages as npm would publish them, installed the way a user installs them: the one place that packs the
 * workspace packages into tarballs and installs them (and nothing else of the repo) into scratch projects. The
 * consumer suite (test/consumers) and `npm run size` (scripts/size.mjs) both go through here.
 *
 * Everything lives under node_modules/.cache/invitekit-consumers/ and is reused while unchanged:
 * - tarballs/: `npm pack` of each package after `npm run build`; rebuilt only when a file of the packages (or the
 *   shared build script, or the lock file) changed since the last pack.
 * - apps/<name>/: a copy of a scratch app with its @invitekit dependencies pointed at the tarballs; `npm install`
 *   runs only when the tarballs or the app's package.json changed (the key is kept in node_modules).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('..', import.meta.url));
export const cacheRoot = join(repo, 'node_modules/.cache/invitekit-consumers');
/**
 * Where apps whose framework compiles nothing inside a node_modules folder live (Next.js: Turbopack and webpack
 * both take such files for installed packages): .tmp/ of the repo, ignored by git, kept between runs the same way.
 */
export const outsideCacheRoot = join(repo, '.tmp/invitekit-consumers');

/** The published packages, in dependency order. */
export const packageDirs = {
  '@invitekit/sdk': 'packages/sdk',
  '@invitekit/engine': 'packages/engine',
  '@invitekit/mock-server': 'packages/mock-server',
  '@invitekit/elements': 'packages/elements',
  '@invitekit/server': 'packages/server',
};

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const log = (message) => process.stderr.write(`[consumers] ${message}\n`);

/** Runs a command, its output shown only when it fails (then it is part of the thrown error). */
export function run(command, args, cwd, env = {}) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = /** @type {{ stdout?: string, stderr?: string }} */ (error);
    throw new Error(`${command} ${args.join(' ')} failed in ${relative(repo, cwd) || '.'}:\n${stdout}\n${stderr}`);
  }
}

/** Every file that goes into a package's build, for the "did anything change since the last pack" key. */
function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else files.push(path);
  }
  return files;
}

function sourceKey() {
  const hash = createHash('sha256');
  const inputs = [
    ...Object.values(packageDirs).flatMap((dir) => sourceFiles(join(repo, dir))),
    join(repo, 'tools/library-build.ts'),
    join(repo, 'package-lock.json'),
  ].sort();
  for (const file of inputs) {
    // custom-elements.json is written by the build itself: what it says follows from the sources.
    if (file.endsWith('custom-elements.json')) continue;
    hash.update(relative(repo, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds and packs the packages, unless the packages are unchanged since the last pack.
 * @returns {{ tarballs: Record<string, string>, key: string, reused: boolean }} absolute tarball paths by name, a
 *   key that changes whenever any tarball's content does, and whether the last pack was reused.
 */
export function packTarballs() {
  const dir = join(cacheRoot, 'tarballs');
  const stampFile = join(dir, 'stamp.json');
  const key = sourceKey();
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.sourceKey === key && Object.values(stamp.tarballs).every((file) => existsSync(file))) {
      return { tarballs: stamp.tarballs, key: stamp.tarballKey, reused: true };
    }
  }
  const workspaces = Object.keys(packageDirs).flatMap((name) => ['-w', name]);
  log('building the packages (npm run build)');
  run('npm', ['run', 'build', ...workspaces], repo);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log('packing them (npm pack)');
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir, ...workspaces], repo));
  /** @type {Record<string, string>} */
  const tarballs = {};
  const all = createHash('sha256');
  for (const { name, filename } of packed) {
    const content = readFileSync(join(dir, filename));
    // Named by content: a changed tarball is a new `file:` spec, so npm reinstalls exactly what changed.
    const file = join(dir, filename.replace(/\.tgz$/, `-${sha256(content).slice(0, 12)}.tgz`));
    writeFileSync(file, content);
    rmSync(join(dir, filename));
    tarballs[name] = file;
    all.update(name).update(content);
  }
  const tarballKey = all.digest('hex');
  writeFileSync(stampFile, JSON.stringify({ sourceKey: key, tarballKey, tarballs }, null, 2));
  return { tarballs, key: tarballKey, reused: false };
}

/** `package.json` with every @invitekit dependency (direct or not) taken from the tarballs. */
function withTarballs(manifest, tarballs) {
  const spec = (name) => `file:${tarballs[name]}`;
  const pointed = { ...manifest };
  for (const field of ['dependencies', 'devDependencies']) {
    if (!manifest[field]) continue;
    pointed[field] = Object.fromEntries(
      Object.entries(manifest[field]).map(([name, range]) => [name, name in tarballs ? spec(name) : range]),
    );
  }
  pointed.overrides = { ...manifest.overrides, ...Object.fromEntries(Object.keys(tarballs).map((n) => [n, spec(n)])) };
  return pointed;
}

/**
 * Puts a scratch app in apps/<name>: its files copied from `source` (a folder, or `{ 'package.json': {...} }` for an
 * app that is only a manifest), its @invitekit dependencies pointed at the tarballs, and `npm install` run when the
 * tarballs or its package.json changed. `outsideNodeModules` puts it under .tmp/ instead (see outsideCacheRoot).
 * @returns {{ dir: string, reused: boolean }}
 */
export function installApp(name, source, packed, { outsideNodeModules = false } = {}) {
  const dir = join(outsideNodeModules ? outsideCacheRoot : cacheRoot, 'apps', name);
  mkdirSync(dir, { recursive: true });
  // Fresh sources every time (an edit to an example shows at once), the installed node_modules kept.
  for (const entry of readdirSync(dir)) if (entry !== 'node_modules') rmSync(join(dir, entry), { recursive: true });
  let manifest;
  if (typeof source === 'string') {
    cpSync(source, dir, {
      recursive: true,
      filter: (path) => !/(^|\/)(node_modules|dist[^/]*)$/.test(relative(source, path)),
    });
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } else {
    manifest = source['package.json'];
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(withTarballs(manifest, packed.tarballs), null, 2)}\n`);
  const key = sha256(`${packed.key}\n${JSON.stringify(manifest)}\n${process.version}`);
  const keyFile = join(dir, 'node_modules/.invitekit-consumers-key');
  const reused = existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key;
  if (!reused) {
    log(`installing ${name} (npm install from the tarballs and the registry)`);
    run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], dir);
    writeFileSync(keyFile, key);
  }
  return { dir, reused };
}
