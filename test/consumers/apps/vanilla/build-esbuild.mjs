// esbuild, as its docs show it: bundle, code splitting, minified. A warning (such as `ignored-bare-import`, which
// esbuild prints when a package's `sideEffects` drops a module that defines an element) fails the build.
import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';

const result = await build({
  entryPoints: { app: 'src/per-tag.js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  outdir: 'dist-esbuild',
  logLevel: 'warning',
});
if (result.warnings.length > 0) {
  console.error(`esbuild: ${result.warnings.length} warning(s), treated as errors`);
  process.exit(1);
}
copyFileSync('static/index.html', 'dist-esbuild/index.html');
