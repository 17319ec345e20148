// The scenes (copied into ./scenes by the consumer suite) built as any Vite app is, from the installed tarballs.
// The sources' build of the same scenes (test/consumers/scenes.ts) uses the same settings.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./scenes', import.meta.url));
const pages = readdirSync(root).filter((file) => file.endsWith('.html'));

export default defineConfig({
  root,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: { input: Object.fromEntries(pages.map((page) => [page.slice(0, -5), `${root}/${page}`])) },
  },
  plugins: [
    {
      // MSW's worker at the site root, so that its scope covers every scene.
      name: 'msw-worker',
      generateBundle() {
        const worker = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
        this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: readFileSync(worker) });
      },
    },
  ],
});
