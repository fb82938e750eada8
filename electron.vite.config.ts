// One build for every shell: the Electron main bundle also carries the Node entry points (CLI, browser
// host, the project host the app starts as a utility process, worker threads) so they share one set of
// compiled modules under out/main.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/cli/main.ts'),
          'project-host': resolve('src/services/host/project-host-entry.ts'),
          'job-worker': resolve('src/services/jobs/job-worker.ts'),
          'assay-parse-worker': resolve('src/services/import/assay-parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
