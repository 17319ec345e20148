import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The elements call the API on the page's own origin (`/api`), as in production; in development Vite forwards it
// to the mock server (`npm run mock`, port 4010).
const api = 'http://127.0.0.1:4010';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': api, '/__mock': api } },
  preview: { proxy: { '/api': api, '/__mock': api } },
});
