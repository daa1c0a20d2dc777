import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from '../../infra/catalog/security-headers.ts';
import { serveApp } from '../../infra/local/app-server.ts';
import { CLIENT_ROUTE_FUNCTION, isClientRoute } from '../../infra/catalog/web-routes.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** The local front door serving a built page of our own making. */
async function serveBuilt(html: string): Promise<string> {
  const webRoot = mkdtempSync(join(tmpdir(), 'web-'));
  writeFileSync(join(webRoot, 'index.html'), html);
  const started = await serveApp({
    port: 0,
    webRoot,
    mailInboxUrl: 'http://localhost:0',
    lambdas: { invoke: () => Promise.resolve({}) },
    signIn: { verify: () => Promise.resolve(undefined), issue: () => Promise.resolve('') },
    userPool: { account: () => undefined },
    uploadOrigin: 'http://127.0.0.1:8006',
  });
  server = started.server;
  return `http://127.0.0.1:${started.port}`;
}

describe('the web app as the local server sends it, as CloudFront would', () => {
  it('sends the page with its rules: its own inline script by hash, uploads to the object store, never in a frame', async () => {
    // Prepare
    const script = "window.__config=fetch('/app-config.json');";
    const base = await serveBuilt(`<!doctype html><html><head><script>${script}</script></head><body>${'<p>Đang tải…</p>'.repeat(100)}</body></html>`);

    // Act
    const page = await fetch(`${base}/units/x`, { headers: { 'accept-encoding': 'identity' } });

    // Assess
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(inlineScriptHashes(`<script>${script}</script>`)).toHaveLength(1);
    expect(policy).toBe(contentSecurityPolicy({ connect: ['http://127.0.0.1:8006'], inlineScriptHashes: inlineScriptHashes(`<script>${script}</script>`) }));
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'; /);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('compresses what is worth it when the browser accepts gzip, as CloudFront does', async () => {
    // Prepare
    const html = `<!doctype html><html><body>${'<p>Công nhận Chi đoàn đạt chuẩn</p>'.repeat(200)}</body></html>`;
    const base = await serveBuilt(html);

    // Act: node's fetch would undo the compression; read the raw bytes with the header asked for
    const { request } = await import('node:http');
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((done) => {
      request(`${base}/`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).end();
    });

    // Assess
    expect(raw.encoding).toBe('gzip');
    expect(raw.body.length).toBeLessThan(Buffer.byteLength(html) / 5);
    expect(gunzipSync(raw.body).toString('utf8')).toBe(html);
  });

  it("serves the app's routes as the page and a missing file as 404, by the rule CloudFront's function applies", async () => {
    // Prepare
    const base = await serveBuilt('<!doctype html><title>Ứng dụng</title>');
    // The function's own source, run as CloudFront runs it (a script defining `handler`).
    const cloudFront = runInNewContext(`${CLIENT_ROUTE_FUNCTION}; handler`) as (event: { request: { uri: string } }) => { uri: string };
    const paths = ['/', '/hoso/SD-2027-000412', '/units/x/', '/assets/index-abc.js', '/favicon.ico'];

    // Act
    const local = await Promise.all(paths.map(async (path) => (await fetch(`${base}${path}`)).status));
    const edge = paths.map((uri) => cloudFront({ request: { uri } }).uri);

    // Assess: both read the same rule; the page for routes, nothing made up for files
    expect(local).toEqual([200, 200, 200, 404, 404]);
    expect(edge).toEqual(['/index.html', '/index.html', '/index.html', '/assets/index-abc.js', '/favicon.ico']);
    expect(paths.map(isClientRoute)).toEqual([true, true, true, false, false]);
    expect(isClientRoute('/api/units/x')).toBe(false);
  });
});
