import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The stylesheet inlined in index.html: a linked one holds the first paint back by a round trip
 * (400 ms on a rural 4G connection), and the whole of it is 3 KB compressed.
 */
function inlineCss(): Plugin {
  return {
    name: 'inline-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((file) => file.fileName === 'index.html');
      if (!html || html.type !== 'asset') return;
      let source = String(html.source);
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${file.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
        if (!link.test(source)) continue;
        source = source.replace(link, () => `<style>${String(file.source)}</style>`);
        delete bundle[file.fileName];
      }
      html.source = source;
    },
  };
}

/**
 * Which page module each path opens (as App.tsx routes): a path missing here only loses its
 * preload, never the page.
 */
const ROUTE_PAGES: [string, string][] = [
  ['^/forms/', 'FormPage'],
  ['^/submissions/', 'SubmissionPage'],
  ['^/inbox', 'InboxPage'],
  ['^/board', 'BoardPage'],
  ['^/units/', 'UnitPage'],
  ['^/appraisals/.', 'AppraisePage'],
  ['^/appraisals', 'AppraisalsPage'],
  ['^/draws/', 'DrawPage'],
  ['^/dashboard/', 'DashboardPage'],
  ['^/reports/', 'ReportPage'],
  ['^/notices', 'NoticesPage'],
  ['^/stuck', 'StuckRecordsPage'],
  ['^/sweep', 'SweepPage'],
  ['^/imports', 'ImportPage'],
  ['^/$', 'HomePage'],
];

/**
 * On a 400 ms connection every round trip counts: a script inlined in index.html starts, at
 * once and side by side, the app's configuration and, for a signed-in user, the chunks of the
 * page the address opens, instead of one after the other as each is discovered.
 */
function preloadRoute(): Plugin {
  return {
    name: 'preload-route',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const filesOf = (fileName: string, seen = new Set<string>()): string[] => {
        if (seen.has(fileName)) return [];
        seen.add(fileName);
        return [fileName, ...(byName.get(fileName)?.imports ?? []).flatMap((child) => filesOf(child, seen))];
      };
      const entry = chunks.find((chunk) => chunk.isEntry);
      const loaded = new Set(entry ? filesOf(entry.fileName) : []);
      const pages: Record<string, string[]> = {};
      for (const chunk of chunks) {
        const page = /\/pages\/(\w+)\.tsx$/.exec(chunk.facadeModuleId ?? '')?.[1];
        if (page && chunk.isDynamicEntry) pages[page] = filesOf(chunk.fileName).filter((file) => !loaded.has(file));
      }
      const html = Object.values(bundle).find((file) => file.fileName === 'index.html');
      if (!html || html.type !== 'asset') return;
      const script = `<script>(function(){window.__config=fetch('/app-config.json',{cache:'no-store'}).then(function(r){if(!r.ok)throw new Error('app-config.json: '+r.status);return r.json()});window.__config.catch(function(){});if(!localStorage.getItem('session'))return;var pages=${JSON.stringify(pages)},routes=${JSON.stringify(ROUTE_PAGES)},path=location.pathname;for(var i=0;i<routes.length;i++){if(new RegExp(routes[i][0]).test(path)){(pages[routes[i][1]]||[]).forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.href='/'+f;document.head.appendChild(l)});return}}})();</script>`;
      html.source = String(html.source).replace('<title>', `${script}\n    <title>`);
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), inlineCss(), preloadRoute()],
  resolve: {
    // rjsf's Markdown renderer is never used by our forms: a plain-text stand-in (see the file).
    alias: {
      'markdown-to-jsx/react': fileURLToPath(new URL('src/shims/markdown.tsx', import.meta.url)),
      // rjsf's URI library, for $ref and $id, which the generated schemas never hold (see the file).
      'fast-uri': fileURLToPath(new URL('src/shims/fast-uri.ts', import.meta.url)),
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
