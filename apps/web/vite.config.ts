import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

// The dev server proxies the API (REST and the live websocket) so the app always talks to its own
// origin, exactly as in production where the API serves dist/.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the build the API serves: they would publish the source to anyone.
    sourcemap: false,
    rolldownOptions: {
      treeshake: {
        // @barometer/core is pure (no I/O, no top-level effects) but does not say so in its
        // package.json; without this the scorer and its model weights would ship to the browser.
        moduleSideEffects: (id: string) => !/[\\/]packages[\\/]core[\\/]|wink-/.test(id),
      },
    },
  },
});
