import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => {
  // The API server (Express + Socket.IO). In production it serves `dist/` itself on the same origin;
  // in dev, Vite proxies to it. Override with CLOUDCLINIC_API_URL=http://host:port.
  const apiTarget = loadEnv(mode, '.', '').CLOUDCLINIC_API_URL || 'http://localhost:8080';
  const proxy = {
    '/api': { target: apiTarget, changeOrigin: true },
    '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
  };

  return {
    // Brotli and gzip copies of the hashed assets, written next to them at build time: the server
    // sends whichever the browser accepts (server/src/app.ts), so nothing is compressed per request.
    // index.html stays as it is (served fresh on every load). Originals are kept for the rest.
    plugins: [
      react(),
      compression({
        include: /^assets\/.+\.(js|mjs|css|svg|json|wasm)$/,
        threshold: 1024,
        algorithms: ['brotliCompress', 'gzip'], // at their highest levels: compressed once, sent many times
      }),
    ],
    server: { port: 5173, proxy },
    // Cornerstone3D (shared imaging): the DICOM image loader decodes in an ES-module web worker
    // and must not be pre-bundled in dev (its worker URL is resolved relative to the module);
    // dicom-parser is CommonJS and is pre-bundled instead. See cornerstonejs.org, "Vite".
    // vtk.js (under Cornerstone) bundles xmlbuilder2, which extends Node's EventEmitter: the `events`
    // package (a client dependency, aliased because pnpm keeps it out of xmlbuilder2's reach)
    // provides it in the browser instead of an empty stub.
    worker: { format: 'es' as const },
    optimizeDeps: { exclude: ['@cornerstonejs/dicom-image-loader'], include: ['dicom-parser'] },
    resolve: { alias: { events: fileURLToPath(new URL('./node_modules/events/events.js', import.meta.url)) } },
    preview: { proxy },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: {
        onwarn(warning, warn) {
          // zod ships explanatory comments next to /* @__PURE__ */ that Rollup reports as misplaced.
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
          warn(warning);
        },
      },
    },
    test: {
      // Logic-only unit tests (api, state, i18n, routing helpers), and components rendered to static
      // markup (react-dom/server) where what matters is what they draw; no DOM environment is installed.
      environment: 'node',
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      restoreMocks: true,
    },
  };
});
