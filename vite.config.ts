import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const builderRoot = fileURLToPath(new URL('./builder', import.meta.url));
const runtimeUrl = 'http://127.0.0.1:8787';

/** Builds the builder app into builder/dist, which the runtime serves at `/`; `vite` alone runs a dev server against a local runtime. */
export default defineConfig(({ command, mode }) => {
  // Vite keeps an inherited NODE_ENV (vitest sets "test", many hosts set "development"), which would ship React's
  // development build, with StrictMode running every effect twice. A production build is always a production build.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return {
    root: builderRoot,
    base: '/',
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL('./builder/dist', import.meta.url)),
      emptyOutDir: true,
      // `npm start` builds before serving: skip work nobody reads at start-up.
      reportCompressedSize: false,
      // elkjs (automatic layout, ~1.5 MB, ~450 KB gzip) is one chunk loaded only when someone clicks "Arrange".
      chunkSizeWarningLimit: 1600,
    },
    server: {
      proxy: {
        '/v1': { target: runtimeUrl, changeOrigin: false },
      },
    },
  };
});
