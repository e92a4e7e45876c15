/// <reference types="vitest/config" />
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:3000';

/**
 * Writes dist/.vite/modules.json: for each JavaScript chunk, the source modules in it, so the
 * budget check (scripts/web-budget.mjs) can prove that no studio, brand or admin code is in
 * a panellist's first load.
 */
function chunkModules(): Plugin {
  return {
    name: 'leadpanel-chunk-modules',
    apply: 'build',
    writeBundle(options, bundle) {
      const out: Record<string, string[]> = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        out[chunk.fileName] = chunk.moduleIds.map((id) =>
          id.startsWith(here) ? relative(here, id) : id.replace(/^.*node_modules\//, 'node_modules/'),
        );
      }
      const dir = join(options.dir ?? join(here, 'dist'), '.vite');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'modules.json'), JSON.stringify(out, null, 1));
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [
    // file routes under src/routes; every route component in its own chunk
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      routesDirectory: join(here, 'src/routes'),
      generatedRouteTree: join(here, 'src/routeTree.gen.ts'),
    }),
    react(),
    chunkModules(),
  ],
  build: {
    outDir: join(here, 'dist'),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    port: 5173,
    proxy: { '/api': api, '/health': api, '/metrics': api },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
  },
});
