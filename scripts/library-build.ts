/**
 * The Vite library build every package shares: one ES module in dist/ per subpath of the package's `exports`
 * (a `*` subpath expands to every matching source file), dependencies left as imports for the host's bundler.
 */
import { defineConfig, defaultClientConditions, type UserConfig } from 'vite';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

type Exports = Record<string, { source: string; default: string }>;

/** `{ "dist/define/invitation-table": "/abs/src/define/invitation-table.ts", ... }` from package.json. */
function entriesOf(packageDir: string): Record<string, string> {
  const { exports } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports: Exports };
  const entries: Record<string, string> = {};
  for (const target of Object.values(exports)) {
    const sources = target.source.includes('*')
      ? readdirSync(join(packageDir, dirname(target.source)))
          .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
          .map((file) => target.source.replace('*', file.slice(0, -3)))
      : [target.source];
    for (const source of sources) {
      const name = relative('src', source).replace(/\.ts$/, '');
      entries[name] = join(packageDir, source);
    }
  }
  return entries;
}

/** The build of the package in `packageDir` (its `import.meta.url`), keeping `external` imports as they are. */
export function libraryBuild(packageUrl: string, external: RegExp, extra: Record<string, string> = {}): UserConfig {
  const packageDir = fileURLToPath(new URL('.', packageUrl));
  return defineConfig({
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      lib: { entry: { ...entriesOf(packageDir), ...extra }, formats: ['es'] },
      rollupOptions: {
        external: (id) => id.startsWith('node:') || external.test(id),
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
}
