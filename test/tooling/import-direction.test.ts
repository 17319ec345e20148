/**
 * The house's import rules (shared style, "Layout"): what a package ships (its `src/`, tests aside) imports no
 * higher package (sdk → engine → mock-server / server; elements → sdk) and nothing outside its `src/`; nothing in a
 * package reaches into another package, the root `scripts/` or `test/` by path; the scripts, tools and demo use the
 * packages through their exports, never `../packages/*`, and never `test/`. Tests may use a higher package as a
 * fixture (the elements' tests run against the mock server), by its name. Imports are read as text (comments left
 * out): static, dynamic and re-exports, type-only ones included.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** What each package may import, besides itself. */
const LOWER: Record<string, readonly string[]> = {
  sdk: [],
  engine: ['sdk'],
  'mock-server': ['engine', 'sdk'],
  server: ['engine', 'sdk'],
  elements: ['sdk'],
};

const SKIP = new Set(['node_modules', 'dist', '.cache', 'apps', 'lint']);

function sources(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(repo, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sources(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The module specifiers a file imports or re-exports. */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [
    ...code.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((match) => match[1] ?? '');
}

/** `packages/<name>/…` → name; anything else → undefined. */
function packageOf(path: string): string | undefined {
  const [top, name] = path.split(sep);
  return top === 'packages' ? name : undefined;
}

/** Every broken rule, one line each: `file: specifier (why)`. */
export function violations(files: readonly string[], read: (file: string) => string): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = packageOf(file);
    const shipped =
      from !== undefined && file.startsWith(join('packages', from, 'src') + sep) && !/\.test\.ts$/.test(file);
    for (const specifier of importsOf(read(file))) {
      const bad = (why: string) => out.push(`${file}: ${specifier} (${why})`);
      const bare = /^@invitekit\/([^/]+)/.exec(specifier);
      if (bare) {
        const to = bare[1] ?? '';
        if (shipped && to !== from && LOWER[from] && !LOWER[from].includes(to))
          bad(`${from} may import only ${LOWER[from].join(', ') || 'no other package'}`);
        continue;
      }
      if (!specifier.startsWith('.')) continue;
      const target = relative(repo, resolve(repo, dirname(file), specifier));
      const [top] = target.split(sep);
      const into = packageOf(target);
      if (top === 'scripts' || top === 'test') {
        if (from !== undefined || !file.startsWith(top + sep)) bad(`reaches into ${top}/`);
      } else if (into !== undefined && into !== from) bad('reaches into another package: import it by its name');
      else if (shipped && !target.startsWith(join('packages', from, 'src') + sep)) bad('shipped code leaves src/');
    }
  }
  return out;
}

const read = (file: string) => readFileSync(join(repo, file), 'utf8');

/**
 * Allowed on purpose, each with its reason. The server benchmark's floor replays the statements invitekit itself
 * runs for a list page, so it must call the server's internal list query; exporting it would hand hosts an internal.
 */
const ALLOWED = [
  'scripts/bench-server/floor.ts: ../../packages/server/src/store/invitation-list.js (reaches into another package: import it by its name)',
];

describe('import direction', () => {
  it('holds over the packages, the scripts, the tools and the demo', () => {
    const files = ['packages', 'scripts', 'tools', 'demo/src'].flatMap(sources);
    assert.ok(files.length > 100, `only ${String(files.length)} files found`);
    const found = violations(files, read);
    assert.deepEqual(
      found.filter((line) => !ALLOWED.includes(line)),
      [],
    );
    assert.deepEqual(
      ALLOWED.filter((line) => !found.includes(line)),
      [],
      'no longer needed: take it off ALLOWED',
    );
  });

  it('catches a lower package importing a higher one, a deep path, scripts/ and test/', () => {
    const texts: Record<string, string> = {
      [join('packages/sdk/src/a.ts')]: "import { Engine } from '@invitekit/engine';",
      [join('packages/engine/src/b.ts')]: "export { x } from '../../mock-server/src/x.js';",
      [join('packages/engine/test/c.ts')]: "import { startPostgres } from '../../../test/server/postgres.js';",
      [join('packages/elements/src/d.ts')]: "const m = await import('../../../scripts/thing.mjs');",
      [join('packages/server/src/e.ts')]: "import type { T } from '../test/t.js';",
      [join('scripts/f.ts')]: "import { createInvitekitServer } from '../packages/server/src/server.js';",
      [join('scripts/g.ts')]: "import '../test/consumers/packages.mjs';",
      [join('packages/engine/src/ok.ts')]: "import { z } from '@invitekit/sdk'; // from '@invitekit/server'",
      [join('packages/sdk/test/ok.ts')]: "import { setupMockServer } from '@invitekit/mock-server/node';",
      [join('scripts/ok.ts')]: "import { libraryBuild } from '../tools/library-build.js';",
    };
    const found = violations(Object.keys(texts), (file) => texts[file] ?? '');
    assert.deepEqual(
      found.map((line) => line.split(':')[0]),
      Object.keys(texts).filter((file) => !file.endsWith('ok.ts')),
    );
  });
});
