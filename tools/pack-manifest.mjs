// `npm pack` / `npm publish` of a workspace package (its prepack and postpack scripts):
//   prepack  saves package.json aside and writes the manifest npm publishes: no `source` export condition and no
//            `sideEffects` entry under ./src (the repo's own tests and dev server read the TypeScript sources, which
//            are not shipped), then checks that every path the manifest names is in the package (run
//            `npm run build` first) and that the package carries a LICENSE;
//   postpack puts the saved package.json back byte for byte, so the checkout is left exactly as it was.
// `npm pack --ignore-scripts` skips both: the packaging check (test/packages) refuses a manifest with `source`.
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAVED = '.package.json.prepack';

/** `exports` without the `source` condition, at any depth. */
export function withoutSource(exports) {
  if (typeof exports !== 'object' || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([condition]) => condition !== 'source')
      .map(([key, value]) => [key, withoutSource(value)]),
  );
}

/** The manifest npm publishes for the repo's `manifest`. */
export function publishedManifest(manifest) {
  const published = { ...manifest, exports: withoutSource(manifest.exports) };
  if (Array.isArray(manifest.sideEffects)) {
    published.sideEffects = manifest.sideEffects.filter((path) => !/^(\.\/)?src\//.test(path));
  }
  return published;
}

/** Every file path the manifest points at (export targets, bin, types, customElements), `*` patterns included. */
export function namedPaths(manifest) {
  const paths = [];
  const visit = (target) => {
    if (typeof target === 'string') paths.push(target);
    else if (target && typeof target === 'object') Object.values(target).forEach(visit);
  };
  visit(manifest.exports);
  visit(manifest.bin);
  for (const field of ['main', 'module', 'types', 'customElements']) visit(manifest[field]);
  return paths;
}

/** The paths of `paths` that match no file in `dir` (a `*` must match at least one). */
export function missingPaths(dir, paths) {
  return paths.filter((path) => {
    if (!path.includes('*')) return !existsSync(join(dir, path));
    const [before, after] = path.split('*');
    const folder = before.slice(0, before.lastIndexOf('/') + 1);
    const prefix = before.slice(folder.length);
    return (
      !existsSync(join(dir, folder)) ||
      !readdirSync(join(dir, folder)).some((file) => file.startsWith(prefix) && file.endsWith(after))
    );
  });
}

function postpack(dir) {
  if (existsSync(join(dir, SAVED))) renameSync(join(dir, SAVED), join(dir, 'package.json'));
}

function prepack(dir) {
  const file = join(dir, 'package.json');
  // A pack that failed half-way left the published manifest in place and the original aside: start from that.
  postpack(dir);
  const original = readFileSync(file, 'utf8');
  const published = publishedManifest(JSON.parse(original));
  const missing = [
    ...missingPaths(dir, namedPaths(published)),
    ...(existsSync(join(dir, 'LICENSE')) ? [] : ['LICENSE']),
  ];
  if (missing.length > 0) {
    console.error(`${published.name}: not in the package: ${missing.join(', ')} (run \`npm run build\` first).`);
    process.exit(1);
  }
  writeFileSync(join(dir, SAVED), original);
  writeFileSync(file, `${JSON.stringify(published, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [phase] = process.argv.slice(2);
  if (phase === 'prepack') prepack(process.cwd());
  else if (phase === 'postpack') postpack(process.cwd());
  else {
    console.error('usage: node tools/pack-manifest.mjs prepack|postpack (from the package directory)');
    process.exit(2);
  }
}
