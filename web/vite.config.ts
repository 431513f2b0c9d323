import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { fileURLToPath } from 'node:url';

// The web app is built into dist/web and served by the Fastify server (src/server/web.ts).
// `npx vite --config web/vite.config.ts` runs a dev server that proxies /api to `npm start` on :3000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // .br and .gz copies of scripts, styles and the page are served by @fastify/static (preCompressed) to
  // browsers that accept them: ~4x fewer bytes over slow cross-border links, no compression work per request.
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], include: /\.(js|css|html|svg|json)$/, threshold: 1024 })],
  resolve: { alias: { '@shared': fileURLToPath(new URL('../src/shared', import.meta.url)), '@locales': fileURLToPath(new URL('../locales', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    assetsInlineLimit: 0, // fonts and images stay files: CSP allows no inline data for scripts, and caching is better
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
