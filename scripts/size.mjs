/**
 * What each entry of @invitekit/elements costs a page: `npm run size`.
 *
 *   npm run size                   esbuild (what the budgets are measured with)
 *   npm run size -- --vite         Vite's own build (rolldown, oxc minifier), as most hosts bundle
 *   npm run size -- --breakdown    adds, per entry, which packages the bytes come from
 *
 * Every entry (`index`, each `<tag>`) is bundled alone for the browser from the workspace sources, every
 * dependency included (lit, @lit/*, the SDK, ky, zod/mini), with code splitting as a host's bundler does it,
 * minified, and each output file gzipped at level 9 (a page downloads files, so files are what is compressed).
 * The files are then sorted by when a page downloads them:
 *
 * - up front:    the entry and everything it imports statically: downloaded before the element first renders.
 * - own client:  the SDK client a lone element (no provider, no `client` set) imports as soon as it connects,
 *                before it can show anything but "Loading…". A page that gives a client already paid for one.
 * - alone:       up front + own client: what a page with nothing but this element downloads before it is usable.
 *                This is "the bundle with every dependency" that the budgets of issues 4 and 5 speak of.
 * - French:      the catalogues of a second language, loaded only by an element that speaks it.
 * - CSV parser:  d3-dsv, loaded only when someone uploads a file in the invite dialog.
 *
 * Exits 1 when a budget is exceeded.
 */
import { build } from 'esbuild';
import { readdirSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const repo = fileURLToPath(new URL('..', import.meta.url));
const useVite = process.argv.includes('--vite');
const breakdown = process.argv.includes('--breakdown');

const tags = readdirSync(new URL('../packages/elements/src/define/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const entries = [
  { name: 'index (whole package)', specifier: '@invitekit/elements' },
  ...tags.map((tag) => ({ name: tag, specifier: `@invitekit/elements/${tag}` })),
];

/** Budgets in gzipped bytes, each on the figure its issue defines. */
const budgets = [
  // Issue 4: "the whole package with the SDK". The index's provider imports the client, so it is up front.
  { entry: 'index (whole package)', figure: 'alone', bytes: 30 * 1024 },
  // Issue 5: "its minified, gzipped bundle with every dependency" (lit + ky + zod/mini included).
  { entry: 'request-invite-form', figure: 'alone', bytes: 19 * 1024 },
];

/** Public entries must not ship admin code: no admin element, and not the admin client (its endpoints). */
const publicEntries = new Set(['request-invite-form', 'redeem-invite']);
const adminModule = /packages\/elements\/src\/(invitation-table|invite-dialog|invitation-requests)\//;
const adminEndpoint = /revoke-stale|dismiss-stale|export\.csv/;

/** Which lazy bucket a dynamically imported module belongs to. */
function lazyKind(module) {
  if (/packages\/sdk\/src\/(client|public)\.ts$/.test(module)) return 'own client';
  if (/\.strings\.[a-z-]+\.ts$/.test(module)) return 'French';
  if (/d3-dsv/.test(module)) return 'CSV parser';
  return `other (${module})`;
}

/** Packages the bytes come from, for --breakdown. */
function packageOf(input) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (m) {
    const name = m[1];
    if (/^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(name)) return 'lit';
    return name;
  }
  if (input.includes('packages/sdk/')) return '@invitekit/sdk';
  const el = /packages\/elements\/src\/([^/]+)\/([^/]+)$/.exec(input);
  if (el) {
    if (el[1] === 'shared') return el[2] === 'theme.ts' ? 'elements: shared/theme' : 'elements: shared/*';
    if (/\.strings\./.test(el[2])) return 'elements: strings';
    if (/\.styles\./.test(el[2])) return 'elements: styles';
    if (el[1] === 'define') return 'elements: define';
    return 'elements: element code';
  }
  return 'other';
}

/**
 * One bundle, as a graph of output files: `{ files: Map<name, { code, imports, dynamicImports, module,
 * inputs: Map<input, minBytes> }>, entry }`.
 */
async function bundleWithEsbuild(specifier) {
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
  const files = new Map();
  const code = new Map(
    result.outputFiles.map((f) => [join(repo, '.size-out', f.path.split('/.size-out/')[1]), f.contents]),
  );
  let entry;
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    if (!path.endsWith('.js')) continue;
    if (output.entryPoint === '<stdin>') entry = path;
    files.set(path, {
      code: code.get(join(repo, path)),
      imports: output.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
      dynamicImports: output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
      module: output.entryPoint,
      inputs: new Map(Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput])),
    });
  }
  return { files, entry };
}

async function bundleWithVite(specifier) {
  const { build: viteBuild, defaultClientConditions } = await import('vite');
  // Inside the repository, so that the entry resolves the workspace packages as a host's code would.
  const cache = join(repo, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'invitekit-size-'));
  try {
    const entryFile = join(dir, 'entry.js');
    writeFileSync(entryFile, `import ${JSON.stringify(specifier)};`);
    const out = await viteBuild({
      configFile: false,
      logLevel: 'error',
      root: repo,
      resolve: { conditions: ['source', ...defaultClientConditions] },
      build: {
        write: false,
        target: 'es2022',
        minify: true,
        modulePreload: false,
        lib: { entry: entryFile, formats: ['es'], fileName: 'entry' },
      },
    });
    const files = new Map();
    let entry;
    for (const chunk of (Array.isArray(out) ? out : [out]).flatMap((o) => o.output)) {
      if (chunk.type !== 'chunk') continue;
      if (chunk.isEntry) entry = chunk.fileName;
      files.set(chunk.fileName, {
        code: Buffer.from(chunk.code),
        imports: chunk.imports,
        dynamicImports: chunk.dynamicImports,
        module: chunk.facadeModuleId ?? '',
        inputs: new Map(Object.entries(chunk.modules).map(([id, m]) => [id.replace(repo, ''), m.renderedLength])),
      });
    }
    return { files, entry };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files loaded by importing `start` statically, transitively. */
function closure(files, start, into = new Set()) {
  if (into.has(start)) return into;
  into.add(start);
  for (const dep of files.get(start)?.imports ?? []) closure(files, dep, into);
  return into;
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).byteLength;

async function measure(specifier) {
  const { files, entry } = await (useVite ? bundleWithVite(specifier) : bundleWithEsbuild(specifier));
  const upFront = closure(files, entry);
  const buckets = { 'up front': upFront };
  // Each dynamic import anywhere in the graph: what loading it adds beyond what is already up front.
  for (const [, file] of files) {
    for (const target of file.dynamicImports) {
      const added = [...closure(files, target)].filter((path) => !upFront.has(path));
      if (added.length === 0) continue;
      // A chunk that holds several modules has no single facade; any module of it names its kind.
      const modules = [files.get(target).module, ...files.get(target).inputs.keys()].filter(Boolean);
      const kind = lazyKind(modules.find((m) => !lazyKind(m).startsWith('other')) ?? modules[0] ?? target);
      const bucket = (buckets[kind] ??= new Set());
      for (const path of added) bucket.add(path);
    }
  }
  const sizeOf = (paths) => {
    let min = 0;
    let zipped = 0;
    for (const path of paths) {
      min += files.get(path).code.byteLength;
      zipped += gz(files.get(path).code);
    }
    return { min, gz: zipped, files: paths.size };
  };
  const alone = new Set([...upFront, ...(buckets['own client'] ?? [])]);
  const sizes = Object.fromEntries(Object.entries(buckets).map(([kind, paths]) => [kind, sizeOf(paths)]));
  sizes.alone = sizeOf(alone);

  // Where the bytes of `alone` come from: minified bytes per package, and gzip shared out by those bytes.
  const origins = new Map();
  const adminFound = [];
  for (const path of alone) {
    const file = files.get(path);
    const total = [...file.inputs.values()].reduce((a, b) => a + b, 0) || 1;
    const zipped = gz(file.code);
    for (const [input, bytes] of file.inputs) {
      const row = origins.get(packageOf(input)) ?? { min: 0, gz: 0 };
      row.min += bytes;
      row.gz += (zipped * bytes) / total;
      origins.set(packageOf(input), row);
      if (adminModule.test(input) && bytes > 0) adminFound.push(input);
    }
    if (adminEndpoint.test(Buffer.from(file.code).toString())) adminFound.push(`the admin client (in ${path})`);
  }
  return { sizes, origins, adminFound };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const col = (text, width) => String(text).padStart(width);
const lazyKinds = ['own client', 'French', 'CSV parser'];

console.log(
  `@invitekit/elements, every dependency included: ${useVite ? "Vite's build (rolldown, oxc minify)" : 'esbuild'}, ` +
    'browser, ESM, code splitting, minified; gzip -9 per file.\n',
);
console.log(
  `${'entry'.padEnd(24)}${col('up front', 19)}${col('+ own client', 14)}${col('= alone', 10)}` +
    `${col('French', 10)}${col('CSV parser', 12)}`,
);
console.log(
  `${''.padEnd(24)}${col('min / gzip', 19)}${col('gzip', 14)}${col('gzip', 10)}${col('gzip', 10)}${col('gzip', 12)}`,
);

const results = new Map();
let failed = false;
for (const entry of entries) {
  const result = await measure(entry.specifier);
  results.set(entry.name, result);
  const { sizes } = result;
  const lazy = (kind) => (sizes[kind] ? kb(sizes[kind].gz) : '-');
  console.log(
    `${entry.name.padEnd(24)}${col(`${kb(sizes['up front'].min)} / ${kb(sizes['up front'].gz)}`, 19)}` +
      `${col(lazy('own client'), 14)}${col(kb(sizes.alone.gz), 10)}${col(lazy('French'), 10)}${col(lazy('CSV parser'), 12)}`,
  );
  for (const kind of Object.keys(sizes)) {
    if (!['up front', 'alone', ...lazyKinds].includes(kind)) console.log(`  unexpected lazy chunk: ${kind}`);
  }
}

console.log('\nBudgets (gzip):');
for (const budget of budgets) {
  const { sizes } = results.get(budget.entry);
  const measured = sizes[budget.figure].gz;
  const ok = measured <= budget.bytes;
  failed ||= !ok;
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${budget.entry}: ${kb(measured)} ${budget.figure} (budget ${kb(budget.bytes)}); ` +
      `${kb(sizes['up front'].gz)} of it up front`,
  );
}
for (const name of publicEntries) {
  const { adminFound } = results.get(name);
  failed ||= adminFound.length > 0;
  console.log(
    `  ${adminFound.length ? 'FAIL' : 'ok  '} ${name}: no admin code${adminFound.length ? `: ${adminFound.join(', ')}` : ''}`,
  );
}

if (breakdown) {
  const unit = useVite ? 'bytes before minification (as rolldown reports them)' : 'minified bytes';
  console.log(`\nWhere the "alone" bytes come from (${unit} per package; gzip shared out by them, approximate):`);
  for (const [name, { origins }] of results) {
    console.log(`\n  ${name}`);
    for (const [origin, { min, gz: zipped }] of [...origins].sort((a, b) => b[1].min - a[1].min)) {
      if (min > 0) console.log(`    ${origin.padEnd(28)}${col(kb(min), 10)}${col(kb(zipped), 10)}`);
    }
  }
}
process.exitCode = failed ? 1 : 0;
