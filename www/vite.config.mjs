// Vite serves and builds the demo page in www/; it imports 'data-mesh' like any app would.
import { defineConfig } from 'vite';

/** The path of the page `name` in www/. */
const page = (name) => new URL(name, import.meta.url).pathname;

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  // Pre-bundling would move the package away from its .wasm file.
  optimizeDeps: { exclude: ['data-mesh'] },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { main: page('index.html'), experiments: page('experiments.html') } },
  },
  // The package's experiment workers are ES modules.
  worker: { format: 'es' },
});
