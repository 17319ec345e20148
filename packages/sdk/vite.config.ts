/**
 * `npm run build -w @invitekit/sdk`: each public entry as an ES module in dist/, its dependencies (ky, zod,
 * papaparse) left as imports for the host's bundler; the declarations come from `tsc -p tsconfig.build.json`.
 */
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Every subpath of package.json's `exports` gets its dist file: `"./errors": { "source": "./src/errors.ts" }`.
const { exports } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, { source: string }>;
};
const entries = Object.values(exports).map(({ source }) => source.replace(/^\.\/src\/(.*)\.ts$/, '$1'));

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    lib: {
      entry: Object.fromEntries(entries.map((name) => [name, fileURLToPath(new URL(`./src/${name}.ts`, import.meta.url))])),
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) => /^(ky|zod|papaparse)(\/|$)/.test(id),
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
