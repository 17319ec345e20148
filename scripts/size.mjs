/**
 * What each entry of @invitekit/elements costs a page: `npm run size`.
 *
 * Every entry (`index`, each `define/<tag>`) is bundled alone with esbuild from node_modules, every dependency
 * included (lit, @lit/*, the SDK, ky, zod/mini), minified, then gzipped at level 9. Code behind a dynamic
 * `import()` (the CSV parser) lands in chunks of its own, reported apart: a page pays for it only when used.
 */
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

const repo = fileURLToPath(new URL('..', import.meta.url));
const tags = readdirSync(new URL('../packages/elements/src/define/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const entries = [
  { name: 'index (whole package)', specifier: '@invitekit/elements' },
  ...tags.map((tag) => ({ name: `define/${tag}`, specifier: `@invitekit/elements/${tag}` })),
];

/** Budgets in gzipped bytes, on what a page loads up front. */
const budgets = {
  'index (whole package)': 30 * 1024,
  'define/request-invite-form': 19 * 1024,
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);

async function measure(specifier) {
  const result = await build({
    stdin: { contents: `import ${JSON.stringify(specifier)};`, resolveDir: repo, loader: 'js' },
    bundle: true,
    splitting: true,
    write: false,
    absWorkingDir: repo,
    outdir: join(repo, '.size-out'), // never written: write is false
    platform: 'browser',
    conditions: ['source', 'browser', 'module', 'import', 'default'],
    format: 'esm',
    minify: true,
    target: 'es2022',
    metafile: true,
    logLevel: 'error',
  });
  const entryPoint = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)?.[0];
  // Chunks the entry imports statically load with it; only dynamic imports are deferred.
  const eagerPaths = new Set();
  const visit = (path) => {
    if (eagerPaths.has(path)) return;
    eagerPaths.add(path);
    for (const dep of result.metafile.outputs[path]?.imports ?? []) if (dep.kind === 'import-statement') visit(dep.path);
  };
  visit(entryPoint);
  const sum = { eager: { min: 0, gz: 0, files: 0 }, lazy: { min: 0, gz: 0, files: 0 } };
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const rel = relative(repo, file.path);
    const bucket = eagerPaths.has(rel) ? sum.eager : sum.lazy;
    bucket.min += file.contents.byteLength;
    bucket.gz += gzipSync(file.contents, { level: 9 }).byteLength;
    bucket.files += 1;
  }
  return sum;
}

console.log('@invitekit/elements: minified and gzip -9 bytes, every dependency included (esbuild, browser, esm)\n');
console.log(`${'entry'.padEnd(32)}${'min'.padStart(9)}${'gzip'.padStart(9)}   lazy chunks (dynamic import, loaded on use)`);
let failed = false;
const checks = [];
for (const entry of entries) {
  const { eager, lazy } = await measure(entry.specifier);
  const lazyText = lazy.files ? `${kb(lazy.min)} min ${kb(lazy.gz)} gzip in ${lazy.files} chunk(s)` : 'none';
  console.log(`${entry.name.padEnd(32)}${kb(eager.min)}${kb(eager.gz)}   ${lazyText}`);
  const budget = budgets[entry.name];
  if (budget !== undefined) {
    const ok = eager.gz <= budget;
    failed ||= !ok;
    checks.push(`${ok ? 'ok  ' : 'FAIL'} ${entry.name}: ${kb(eager.gz).trim()} gzip up front (budget ${kb(budget).trim()}); ` +
      `with lazy chunks ${kb(eager.gz + lazy.gz).trim()}`);
  }
}
console.log('\nBudgets (gzip, what loads up front; the lazy CSV parser loads only when a file is uploaded):');
for (const line of checks) console.log(`  ${line}`);
process.exitCode = failed ? 1 : 0;
