import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  // `npm run build` writes a Node server to build/; `npm start` (node build) serves it on $PORT (default 3000).
  kit: { adapter: adapter() },
};
