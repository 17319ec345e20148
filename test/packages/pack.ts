/**
 * Builds and packs the published packages as `npm publish` would, for test/packages/packages.test.ts: each tarball
 * is unpacked under .tmp/ inside the repo, so that Node resolves the package's dependencies (lit, msw, ...) from
 * the repo's node_modules, as it would from an app's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);

/** The published workspace packages, in build order (each depends only on those before it). */
export const PUBLISHED = ['sdk', 'engine', 'mock-server', 'elements', 'server'].filter((name) => {
  // @invitekit/server is published once it has sources and a build (its helper is writing it).
  const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return manifest.scripts?.build !== undefined;
});

export interface Packed {
  name: string;
  /** The package directory in the repo. */
  dir: string;
  tarball: string;
  /** The tarball's contents (its `package/` folder). */
  unpacked: string;
}

export function build(name: string): void {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(root, 'packages', name), stdio: 'pipe' });
}

/** `npm pack` of packages/<name> (its prepack and postpack run), unpacked under `into`. */
export function pack(name: string, into: string): Packed {
  const dir = join(root, 'packages', name);
  const [result] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', into], { cwd: dir, encoding: 'utf8' }),
  ) as { filename: string }[];
  if (!result) throw new Error(`npm pack printed nothing for ${name}`);
  const tarball = join(into, result.filename);
  const unpacked = join(into, name);
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  return { name, dir, tarball, unpacked: join(unpacked, 'package') };
}

export function scratchDir(): string {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  return mkdtempSync(join(root, '.tmp', 'packages-'));
}

/** Every file of the unpacked package, as `dist/a.js`. */
export function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/** publint's report on the tarball: '' when it has nothing to say. */
export function publint(tarball: string): string {
  // Plain text even under CI=true, where publint colours its lines and the filter below would keep them.
  const output = execFileSync(bin('publint'), ['run', tarball, '--level', 'suggestion'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return output
    .split('\n')
    .filter((line) => !/^(Running publint|Unpacking tarball|Linting|All good!|\s*$)/.test(line))
    .join('\n');
}

/** The resolutions the esm-only profile leaves out: CommonJS `require` and pre-`exports` node10. */
const IGNORED_BY_ESM_ONLY = ['node10', 'node16-cjs'];

/**
 * @arethetypeswrong/cli's problems with the tarball (esm-only profile), each `*` export expanded to its files:
 * '' when there are none. A package without types is a problem too (attw itself exits 0 on it).
 */
export function attw(packed: Packed, entrypoints: string[]): string {
  const args = [packed.tarball, '--profile', 'esm-only', '--format', 'json'];
  if (entrypoints.length > 0) args.push('--include-entrypoints', ...entrypoints);
  let output: string;
  try {
    output = execFileSync(bin('attw'), args, { encoding: 'utf8' });
  } catch (error) {
    // Exit code 1: problems, listed in the JSON on stdout.
    const { stdout } = error as { stdout?: string };
    if (!stdout) throw error;
    output = stdout;
  }
  const { analysis } = JSON.parse(output) as {
    analysis: { types: unknown; problems?: { kind: string; entrypoint?: string; resolutionKind?: string }[] };
  };
  if (!analysis.types) return `${packed.name}: the package contains no types`;
  return (analysis.problems ?? [])
    .filter((problem) => !IGNORED_BY_ESM_ONLY.includes(problem.resolutionKind ?? ''))
    .map((problem) => `${problem.kind} ${problem.entrypoint ?? ''} (${problem.resolutionKind ?? 'any resolution'})`)
    .join('\n');
}
