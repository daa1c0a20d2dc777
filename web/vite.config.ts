import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // rjsf's Markdown renderer is never used by our forms: a plain-text stand-in (see the file).
    alias: {
      'markdown-to-jsx/react': fileURLToPath(new URL('src/shims/markdown.tsx', import.meta.url)),
      // Preact's React-compatible layer in the browser: the same components for about a sixth of
      // react-dom's weight, which a phone on a rural connection feels. Types and tests stay React's.
      'react-dom/client': 'preact/compat/client',
      'react-dom': 'preact/compat',
      'react/jsx-runtime': 'preact/jsx-runtime',
      'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
      react: 'preact/compat',
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/local': 'http://localhost:3000', '/app-config.json': 'http://localhost:3000' } },
});
