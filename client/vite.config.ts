import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
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
    plugins: [react()],
    server: { port: 5173, proxy },
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
      // Logic-only unit tests (api, state, i18n, routing helpers); no DOM environment is installed.
      environment: 'node',
      include: ['src/**/*.test.ts'],
      restoreMocks: true,
    },
  };
});
