import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs separately (pnpm dev); /api is proxied to it so the session cookie is same-origin.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: apiUrl, changeOrigin: false } },
  },
  build: { outDir: 'dist', manifest: true, sourcemap: true, chunkSizeWarningLimit: 600 },
});
