/**
 * What a browser app's bundler makes of the SDK (issue 3): no Node-only import is reachable from the browser
 * entry, and the CSV parser is split into a chunk loaded only when a file is parsed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const sdkDir = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `page` for the browser with code splitting, as an app would, and answers esbuild's metafile. */
async function bundle(page: string): Promise<Metafile> {
  const result = await build({
    stdin: { contents: page, resolveDir: sdkDir, loader: 'ts', sourcefile: 'page.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: '/virtual-out',
    write: false,
    platform: 'browser',
    conditions: ['source', 'browser'],
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

const fromParser = (input: string) => input.includes('node_modules/d3-dsv/');
/** The page's own chunk (esbuild also makes each dynamically imported module an entry of its own). */
const isPage = (output: Metafile['outputs'][string]) =>
  output.entryPoint !== undefined && !output.entryPoint.includes('node_modules');

/** The inputs of the entry chunk and of every chunk it imports, statically or dynamically (what may load). */
function reachableInputs(meta: Metafile): string[] {
  const entry = Object.entries(meta.outputs).find(([, output]) => isPage(output));
  assert.ok(entry, 'an entry chunk');
  const seen = new Map<string, Metafile['outputs'][string]>();
  const visit = (name: string) => {
    const output = meta.outputs[name];
    if (seen.has(name) || !output) return;
    seen.set(name, output);
    for (const imported of output.imports) visit(imported.path);
  };
  visit(entry[0]);
  return [...seen.values()].flatMap((output) => Object.keys(output.inputs));
}

describe('browser bundles', () => {
  it('a page using every namespace pulls in no Node built-in and no CSV parser', async () => {
    const meta = await bundle(`
      import { createClient, parseEmailList, isApiError } from '@invitekit/sdk';
      const c = createClient({ baseUrl: '/api', organization: 'acme' });
      Object.assign(globalThis, { c, parseEmailList, isApiError });
    `);
    const all = Object.keys(meta.inputs);
    assert.deepEqual(
      all.filter((i) => i.startsWith('node:') || /^(fs|path|os|crypto|http|url|util)$/.test(i)),
      [],
    );
    const loaded = reachableInputs(meta);
    assert.deepEqual(
      loaded.filter(fromParser),
      [],
      'the CSV parser is neither in nor loaded by a page that never parses a file',
    );
    assert.ok(
      loaded.some((i) => i.includes('node_modules/ky/')),
      'sanity: the page holds the client',
    );
  });

  it('parseCsvEmails loads the CSV parser (d3-dsv) from a separate chunk, not from the page’s own code', async () => {
    const meta = await bundle(`
      import { parseCsvEmails } from '@invitekit/sdk';
      document.querySelector('input')?.addEventListener('change', (e) => parseCsvEmails((e.target as HTMLInputElement).files![0]!));
    `);
    const outputs = Object.entries(meta.outputs).filter(([name]) => name.endsWith('.js'));
    const entry = outputs.find(([, output]) => isPage(output));
    assert.ok(entry, 'an entry chunk');
    assert.deepEqual(Object.keys(entry[1].inputs).filter(fromParser), [], 'no CSV parser in the entry chunk');
    const lazy = outputs.filter(([, output]) => Object.keys(output.inputs).some(fromParser));
    const [parserChunk] = lazy.map(([name]) => name);
    assert.ok(lazy.length === 1 && parserChunk !== undefined, 'the CSV parser sits in its own chunk');
    assert.ok(
      entry[1].imports.some((i) => i.kind === 'dynamic-import' && i.path === parserChunk),
      'imported dynamically',
    );
    assert.ok(
      !entry[1].imports.some((i) => i.kind === 'import-statement' && i.path === parserChunk),
      'never statically',
    );
  });
});
