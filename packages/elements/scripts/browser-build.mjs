// The one-file browser build (`npm run build`, after the library build): dist/browser/invitekit.js, every element
// and every dependency (lit, @lit/*, the SDK, ky, zod/mini, the CSV parser, the French catalogues) in one minified
// ES module, for pages without a bundler: one <script type="module">, no import map. Bundlers use dist/index.js
// instead, which leaves the dependencies to them (one lit on the page).
import { build } from 'esbuild';

const result = await build({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/browser/invitekit.js',
  bundle: true,
  // No splitting: what the package loads on demand (a lone element's client, French, the CSV parser) is inlined,
  // so that the page fetches one file.
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  logLevel: 'silent',
});
// A warning (a dropped side-effect import, say) would mean a broken bundle: fail the build.
if (result.warnings.length > 0 || result.errors.length > 0) {
  for (const message of [...result.errors, ...result.warnings]) console.error(message.text);
  process.exit(1);
}
