/**
 * `npm run build -w @invitekit/elements`: every entry (index and each define/<tag>) as an ES module in dist/,
 * dependencies left as imports for the host's bundler; then custom-elements.json from the JSDoc.
 */
import { defineConfig, defaultClientConditions } from 'vite';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
const tags = readdirSync(src('define')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));

export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    lib: {
      entry: { index: src('index.ts'), ...Object.fromEntries(tags.map((tag) => [`define/${tag}`, src(`define/${tag}.ts`)])) },
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) => /^(lit|@lit\/|@invitekit\/sdk|zod)(\/|$)/.test(id),
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
