import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The elements call the API on the page's own origin (`/api`), as in production; in development Vite forwards it
// to the mock server (`npm run mock`, port 4010).
const api = 'http://127.0.0.1:4010';

// Tags Vue must leave to the browser instead of resolving them as Vue components.
const invitekitTags = new Set([
  'invitekit-provider',
  'invitation-table',
  'invite-dialog',
  'invitation-requests',
  'request-invite-form',
  'redeem-invite',
]);

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag: string) => invitekitTags.has(tag) } } })],
  server: { proxy: { '/api': api, '/__mock': api } },
  preview: { proxy: { '/api': api, '/__mock': api } },
});
