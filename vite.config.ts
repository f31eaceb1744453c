import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer/', import.meta.url));

/** Each station is its own page, so a kiosk never downloads the admin screens. */
export const STATION_ENTRIES = [
  'index',
  'kiosk',
  'counter',
  'display',
  'rate',
  'standards',
  't',
  'admin',
  'manager',
  'transparency',
] as const;

export default defineConfig({
  root,
  // Absolute asset paths: /rate/3 and /t/ID are served the same HTML, so relative URLs would break.
  base: '/',
  plugins: [svelte()],
  publicDir: fileURLToPath(new URL('./renderer/public/', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Fonts and clips must be files the office server serves, never inlined data URLs in a bundle.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: Object.fromEntries(
        STATION_ENTRIES.map((name) => [
          name,
          fileURLToPath(new URL(`./renderer/${name}.html`, import.meta.url)),
        ]),
      ),
    },
  },
  server: {
    // `vite` dev server in front of a running office server (npm run khiu -- serve --port 8080).
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/socket.io': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
});
