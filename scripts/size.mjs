/**
 * What each entry of @invitekit/elements costs a page, measured on what users install: `npm run size`.
 *
 *   npm run size                   esbuild (what the budgets are measured with)
 *   npm run size -- --vite         Vite's own build (rolldown, oxc minifier), as most hosts bundle
 *   npm run size -- --breakdown    adds, per entry, which packages the bytes come from
 *
 * The packages are packed (`npm pack`) and installed from the tarballs into a scratch project, by the same code as
 * the consumer suite (tools/consumer-packages.mjs), so no `source` condition and no workspace file is involved.
 * Every entry (`index`, each `<tag>`) is bundled alone for the browser from that install, every dependency included
 * (lit, @lit/*, the SDK, ky, zod/mini), with code splitting as a host's bundler does it, minified, and each output
 * file gzipped at level 9 (a page downloads files, so files are what is compressed). The files are then sorted by
 * when a page downloads them:
 *
 * - up front:    the entry and everything it imports statically: downloaded before the element first renders.
 * - own client:  the SDK client a lone element (no provider, no `client` set) imports as soon as it connects,
 *                before it can show anything but "Loading…". A page that gives a client already paid for one.
 * - alone:       up front + own client: what a page with nothing but this element downloads before it is usable.
 * - French:      the catalogues of a second language, loaded only by an element that speaks it.
 * - CSV parser:  loaded only when someone uploads a file in the invite dialog (the parser and the dialog's report).
 * - on first use: the table's row menus, its bulk bar, the role dialog and the revoke confirmation, loaded the
 *                first time someone opens a menu, selects a row, is asked for a role or asked to confirm a revoke.
 *
 * A bundle that lost an element's `customElements.define` (a `sideEffects` list that drops it) would be small and
 * useless: each entry must still name every tag it defines, and an esbuild warning fails the run.
 * Exits 1 when a budget is exceeded or a check fails.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { installApp, packTarballs, repo } from '../tools/consumer-packages.mjs';

const useVite = process.argv.includes('--vite');
const breakdown = process.argv.includes('--breakdown');

/**
 * Budgets in gzipped bytes (issue 9), each on the figure it speaks of. A budget with an `aim` is one whose aim is
 * not reached yet: `bytes` is the ceiling npm test holds (the measured figure, so the package cannot grow
 * unnoticed) and the aim is printed beside it until the package is back under it.
 */
const budgets = [
  // "All elements with every dependency ≤ 45 KB gzipped up front": missed since issue 12's features
  // (50.3 KB on 30 Nov 2026; see the README's "Size"). Issue 18 allowed +2 KB for its admin screens and took
  // 5.3 KB (50.4 → 55.7 KB on 6 Dec 2026), the day's other merges 1.1 KB more. Then: what is used only after a
  // click loads then (row menus, row actions, bulk bar, dialogs and their strings), the HTML templates ship
  // minified, no decorators, and the main entry loads no element on demand: 51.0 KB, held at 51.1 KB.
  { entry: 'index (whole package)', figure: 'up front', bytes: 51.1 * 1024, aim: 45 * 1024 },
  // "A page with only <request-invite-form> ≤ 28 KB with the client it loads".
  { entry: 'request-invite-form', figure: 'alone', bytes: 28 * 1024 },
];

/** Public entries must not ship admin code: no admin element, and not the admin client (its endpoints). */
const publicEntries = new Set(['request-invite-form', 'redeem-invite']);
const adminModule = /@invitekit\/elements\/dist\/.*(invitation-table|invite-dialog|invitation-requests)[^/]*\.js$/;
const adminEndpoint = /revoke-stale|dismiss-stale|export\.csv/;

/** Which lazy bucket a dynamically imported module belongs to. */
function lazyKind(module) {
  if (/@invitekit\/sdk\/dist\/(client|public)\.js$|packages\/sdk\/src\/(client|public)\.ts$/.test(module)) {
    return 'own client';
  }
  if (/\.strings\.[a-z-]+(-[\w-]+)?\.(js|ts)$/.test(module)) return 'French';
  // The dialog's CSV report comes with the parser: both load when a file is chosen.
  if (/papaparse|d3-dsv|@invitekit\/sdk\/dist\/.*csv|csv-report\.(js|ts)$/.test(module)) return 'CSV parser';
  if (/(row-menu|row-actions|bulk|role-dialog|revoke-confirm|modal|actions\.strings)\.(js|ts)$/.test(module))
    return 'on first use';
  // An element that renders another one only in some states loads its define module then.
  const element =
    /@invitekit\/elements\/dist\/define\/([\w-]+)\.js$|packages\/elements\/src\/define\/([\w-]+)\.ts$/.exec(module);
  if (element) return `element <${element[1] ?? element[2]}>`;
  return `other (${module})`;
}

/** The package the bytes of a bundle input come from, for --breakdown. */
function packageOf(input) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (!m) return 'other';
  if (/^(lit|lit-html|lit-element)$/.test(m[1])) return 'lit (lit, lit-html, lit-element)';
  if (m[1] === 'zod') return 'zod/mini (with zod/v4/core)';
  return m[1];
}

/** Within the element code (workspace sources only, for the split of the packed elements row). */
function elementsPartOf(input) {
  const el = /packages\/elements\/src\/([^/]+)\/([^/]+)$/.exec(input);
  if (!el) return undefined;
  if (/\.strings\./.test(el[2])) return 'strings';
  if (/\.styles\./.test(el[2]) || el[2] === 'theme.ts') return 'styles';
  return 'element code';
}

/**
 * One bundle, as a graph of output files: `{ files: Map<name, { code, imports, dynamicImports, module,
 * inputs: Map<input, minBytes> }>, entry }`. `from` is the folder whose node_modules resolve the import; `source`
 * bundles the workspace sources instead (only to split the packed element code into code, strings and styles);
 * `external` leaves packages out (React, which a React app has anyway); `reexport` uses the module's exports
 * instead of importing it for its side effects.
 */
async function bundleWithEsbuild(specifier, from, { source = false, external = [], reexport = false } = {}) {
  const out = join(from, '.size-out'); // never written: write is false
  const result = await build({
    stdin: {
      contents: reexport ? `export * from ${JSON.stringify(specifier)};` : `import ${JSON.stringify(specifier)};`,
      resolveDir: from,
      loader: 'js',
    },
    bundle: true,
    splitting: true,
    write: false,
    absWorkingDir: from,
    outdir: out,
    platform: 'browser',
    ...(source ? { conditions: ['source', 'browser', 'module', 'import', 'default'] } : {}),
    format: 'esm',
    minify: true,
    target: 'es2022',
    metafile: true,
    external,
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) {
    throw new Error(`esbuild warned while bundling ${specifier}:\n${result.warnings.map((w) => w.text).join('\n')}`);
  }
  const files = new Map();
  const code = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  let entry;
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    if (!path.endsWith('.js')) continue;
    if (output.entryPoint === '<stdin>') entry = path;
    files.set(path, {
      code: code.get(join(from, path)),
      imports: output.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
      dynamicImports: output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
      module: output.entryPoint,
      inputs: new Map(Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput])),
    });
  }
  return { files, entry };
}

async function bundleWithVite(specifier, from) {
  const { build: viteBuild } = await import('vite');
  const dir = mkdtempSync(join(from, '.size-'));
  try {
    const entryFile = join(dir, 'entry.js');
    writeFileSync(entryFile, `import ${JSON.stringify(specifier)};`);
    const out = await viteBuild({
      configFile: false,
      logLevel: 'error',
      root: from,
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
        inputs: new Map(Object.entries(chunk.modules).map(([id, m]) => [id.replace(from, ''), m.renderedLength])),
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

async function measure(specifier, from) {
  const { files, entry } = await (useVite ? bundleWithVite(specifier, from) : bundleWithEsbuild(specifier, from));
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
  const upFrontCode = [...upFront].map((path) => Buffer.from(files.get(path).code).toString()).join('\n');
  return { sizes, origins, adminFound, upFrontCode, alone, files };
}

/** Tags whose name is missing from the code up front: their `customElements.define` was dropped. */
function undefinedTags(upFrontCode, defines) {
  return defines.filter((tag) => !new RegExp(`["'\`]${tag}["'\`]`).test(upFrontCode));
}

/**
 * The packed element code is a few bundled chunks, so its bytes cannot be told apart by source file. The same entry
 * bundled from the workspace sources can: its element bytes split into code, strings and styles, as shares.
 */
async function elementsShares(specifier) {
  const { files, entry } = await bundleWithEsbuild(specifier, repo, { source: true });
  const alone = closure(files, entry);
  for (const [, file] of files) {
    for (const target of file.dynamicImports) {
      if (lazyKind(files.get(target).module ?? '') === 'own client') closure(files, target, alone);
    }
  }
  const parts = new Map();
  for (const path of alone) {
    for (const [input, bytes] of files.get(path).inputs) {
      const part = elementsPartOf(input);
      if (part) parts.set(part, (parts.get(part) ?? 0) + bytes);
    }
  }
  const total = [...parts.values()].reduce((a, b) => a + b, 0) || 1;
  return new Map([...parts].map(([part, bytes]) => [part, bytes / total]));
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const col = (text, width) => String(text).padStart(width);
const lazyKinds = ['own client', 'French', 'CSV parser', 'on first use'];

console.log(
  `@invitekit/elements as packed (npm pack), every dependency included: ` +
    `${useVite ? "Vite's build (rolldown, oxc minify)" : 'esbuild'}, browser, ESM, code splitting, minified; ` +
    'gzip -9 per file.\n',
);
console.log(
  `${'entry'.padEnd(24)}${col('up front', 19)}${col('+ own client', 14)}${col('= alone', 10)}` +
    `${col('French', 10)}${col('CSV parser', 12)}${col('first use', 11)}`,
);
console.log(
  `${''.padEnd(24)}${col('min / gzip', 19)}${col('gzip', 14)}${col('gzip', 10)}${col('gzip', 10)}${col('gzip', 12)}` +
    col('gzip', 11),
);

const packed = packTarballs();
const { dir: installed } = installApp(
  'size',
  {
    'package.json': {
      name: 'invitekit-size',
      private: true,
      type: 'module',
      dependencies: { '@invitekit/elements': '*' },
    },
  },
  packed,
);

/** The per-tag entries, as the installed package exports them: its `./*` pattern's files (`./dist/define/*.js`). */
function tagsOf(dir) {
  const pkg = join(dir, 'node_modules/@invitekit/elements');
  const [before, after] = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).exports['./*'].default.split('*');
  return readdirSync(join(pkg, before))
    .filter((f) => f.endsWith(after))
    .map((f) => f.slice(0, -after.length))
    .sort();
}
const tags = tagsOf(installed);
/** What each entry must define; the table renders the invite dialog, so it defines it too. */
const entries = [
  { name: 'index (whole package)', specifier: '@invitekit/elements', defines: tags },
  ...tags.map((tag) => ({
    name: tag,
    specifier: `@invitekit/elements/${tag}`,
    defines: tag === 'invitation-table' ? [tag, 'invite-dialog'] : [tag],
  })),
];

const results = new Map();
let failed = false;
const notDefined = [];
for (const entry of entries) {
  const result = await measure(entry.specifier, installed);
  const missing = undefinedTags(result.upFrontCode, entry.defines);
  if (missing.length > 0) notDefined.push(`${entry.name}: ${missing.map((tag) => `<${tag}>`).join(', ')}`);
  results.set(entry.name, result);
  const { sizes } = result;
  const lazy = (kind) => (sizes[kind] ? kb(sizes[kind].gz) : '-');
  console.log(
    `${entry.name.padEnd(24)}${col(`${kb(sizes['up front'].min)} / ${kb(sizes['up front'].gz)}`, 19)}` +
      `${col(lazy('own client'), 14)}${col(kb(sizes.alone.gz), 10)}${col(lazy('French'), 10)}${col(lazy('CSV parser'), 12)}` +
      col(lazy('on first use'), 11),
  );
  for (const kind of Object.keys(sizes)) {
    if (kind.startsWith('element ')) console.log(`  + ${kind.slice(8)} on demand: ${kb(sizes[kind].gz)}`);
    else if (!['up front', 'alone', ...lazyKinds].includes(kind)) console.log(`  unexpected lazy chunk: ${kind}`);
  }
}

// Measured apart, outside the budgets: what pages without a bundler load, and what React apps add.
const oneFile = readFileSync(join(installed, 'node_modules/@invitekit/elements/dist/browser/invitekit.js'));
console.log(
  `\nOne-file browser build (dist/browser/invitekit.js, every element and dependency, one request): ` +
    `${kb(oneFile.byteLength)} / ${kb(gz(oneFile))}`,
);
const wrappers = await bundleWithEsbuild('@invitekit/elements/react/invitation-table', installed, {
  external: ['react'],
  // A module of components, not a side effect: used, as an app uses it.
  reexport: true,
});
const wrapped = closure(wrappers.files, wrappers.entry);
const table = results.get('invitation-table');
// React itself (external) is in the import graph but in no output file.
const extra = [...wrapped]
  .filter((path) => wrappers.files.has(path))
  .reduce((sum, path) => sum + gz(wrappers.files.get(path).code), 0);
console.log(
  `React component of <invitation-table> (@invitekit/elements/react/invitation-table, React itself external): ` +
    `${kb(extra)} up front, ${kb(extra - table.sizes['up front'].gz)} more than the element alone`,
);

console.log('\nBudgets (gzip):');
for (const budget of budgets) {
  const { sizes } = results.get(budget.entry);
  const measured = sizes[budget.figure].gz;
  const ok = measured <= budget.bytes;
  failed ||= !ok;
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${budget.entry}: ${kb(measured)} ${budget.figure} (budget ${kb(budget.bytes)})` +
      (budget.figure === 'up front' ? '' : `; ${kb(sizes['up front'].gz)} of it up front`) +
      (budget.aim && measured > budget.aim ? `; aim ${kb(budget.aim)} NOT reached yet` : ''),
  );
}
// The whole package defines every element up front, so none of them has anything to load on demand: an element
// chunk there would only split the shared code into more files (1.1 KB more gzipped when the redeem page's request
// form was one; see `requestForm` in redeem-next-steps.ts).
const onDemand = Object.keys(results.get('index (whole package)').sizes).filter((kind) => kind.startsWith('element '));
failed ||= onDemand.length > 0;
console.log(
  onDemand.length
    ? `  FAIL index (whole package) loads elements on demand that it defines anyway: ${onDemand.join(', ')}`
    : '  ok   index (whole package): no element loaded on demand (it defines them all)',
);
failed ||= notDefined.length > 0;
console.log(
  notDefined.length
    ? `  FAIL the bundles no longer define every element (sideEffects?):\n    ${notDefined.join('\n    ')}`
    : '  ok   every bundle still defines its elements',
);
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
    const shares = useVite ? new Map() : await elementsShares(entries.find((e) => e.name === name).specifier);
    for (const [origin, { min, gz: zipped }] of [...origins].sort((a, b) => b[1].min - a[1].min)) {
      if (min === 0) continue;
      console.log(`    ${origin.padEnd(34)}${col(kb(min), 10)}${col(kb(zipped), 10)}`);
      if (origin !== '@invitekit/elements') continue;
      for (const [part, share] of [...shares].sort((a, b) => b[1] - a[1])) {
        console.log(`      ${`of which ${part}`.padEnd(32)}${col(kb(min * share), 10)}${col(kb(zipped * share), 10)}`);
      }
    }
  }
  if (!useVite)
    console.log('\n  (the split of @invitekit/elements follows the shares of the same entry built from the sources)');
}
process.exitCode = failed ? 1 : 0;
