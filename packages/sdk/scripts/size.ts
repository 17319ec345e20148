/**
 * `npm run size:sdk`: what a page pays for the SDK. Bundles a page that creates a client and lists invitations
 * (ky and zod/mini included) the way an app's bundler would, and prints the minified and gzipped sizes.
 * `--analyze` adds esbuild's per-module breakdown.
 *
 * Measured (esbuild 0.27.7, ky 1.14.3, zod 4.6.7): 47.1 KB minified, 15.6 KB gzipped. The 10 KB aim is below the
 * floor of the two required libraries: ky alone is 5.0 KB gzipped; zod/mini validating just the Invitation page
 * is 8.9 KB (core schemas, checks, util, the ISO date-time regexes); ky + that validation together are 13.6 KB.
 * No zod locale or JSON-Schema code is pulled in, and papaparse stays out (dynamic import). The SDK's own share
 * (transport, errors, namespaces, the other response schemas) is the remaining ~2 KB.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const sdkDir = fileURLToPath(new URL('..', import.meta.url));

export const PAGE_ENTRY = `
import { createClient } from '@invitekit/sdk';
const client = createClient({ baseUrl: '/api', organization: 'acme' });
client.invitations.list({ status: ['pending'] }).then((page) => console.log(page.total));
`;

/** Bundles `entry` as a browser app would and returns the bundle's bytes. */
export async function measure(entry = PAGE_ENTRY, metafile = false) {
  const result = await build({
    stdin: { contents: entry, resolveDir: sdkDir, loader: 'ts', sourcefile: 'page.ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    minify: true,
    treeShaking: true,
    conditions: ['source', 'browser'],
    target: 'es2022',
    metafile,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild wrote no output file');
  const code = output.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { minified, gzipped, metafile } = await measure(PAGE_ENTRY, process.argv.includes('--analyze'));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`@invitekit/sdk, createClient + invitations.list (with ky and zod/mini):`);
  console.log(`  minified: ${minified} bytes (${kb(minified)})`);
  console.log(`  gzipped:  ${gzipped} bytes (${kb(gzipped)}, zlib level 9)`);
  if (metafile) {
    const { analyzeMetafile } = await import('esbuild');
    console.log(await analyzeMetafile(metafile));
  }
}
