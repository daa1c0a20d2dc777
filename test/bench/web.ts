import type { BrowserContext, CDPSession } from 'playwright-core';
import { buildWeb, webBuildIsStale } from '../../infra/local/web-build.ts';
import { launchChromium, PHONE } from '../support/browser.ts';
import { TestStack } from '../support/local-stack.ts';
import { MODEL_A } from '../support/process.ts';

/**
 * npm run bench:web — prints, never asserts. The app on a phone over Slow 4G (400 ms round trip,
 * 1.6 Mbps down, 750 kbps up), each page opened cold (a new browser profile, nothing cached):
 * first paint, the time until the page can be used, and the JavaScript it downloaded (bytes on
 * the wire, compressed as the server sends them). Goals (issue 16): first paint ≤ 800 ms, a form
 * usable ≤ 1,500 ms, the sign-in page's JS ≤ 30 KB and any page's ≤ 80 KB.
 */
const SLOW_4G = { offline: false, latency: 400, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const GOALS = { firstPaintMs: 800, formUsableMs: 1500, signInJsKb: 30, pageJsKb: 80 };

interface PageFigures {
  page: string;
  firstPaintMs: number;
  usableMs: number;
  jsKb: number;
  requests: number;
}

/** Wire bytes of scripts, counted from the network as the page loads. */
function countScripts(session: CDPSession): () => { jsBytes: number; requests: number } {
  const types = new Map<string, string>();
  let jsBytes = 0;
  let requests = 0;
  session.on('Network.responseReceived', (event: { requestId: string; type: string }) => {
    types.set(event.requestId, event.type);
    requests++;
  });
  session.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    if (types.get(event.requestId) === 'Script') jsBytes += event.encodedDataLength;
  });
  return () => ({ jsBytes, requests });
}

async function measure(context: BrowserContext, name: string, url: string, usable: string): Promise<PageFigures> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', SLOW_4G);
  const counted = countScripts(session);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(usable).first().waitFor({ timeout: 60_000 });
  const usableMs = performance.now() - started;
  // A string, not a function: tsx's name helpers do not exist in the page.
  const firstPaintMs = await page.evaluate<number>(`new Promise((done) => {
    const read = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    if (read() !== undefined) return done(read());
    new PerformanceObserver(() => done(read() ?? -1)).observe({ type: 'paint', buffered: true });
  })`);
  await page.close();
  const { jsBytes, requests } = counted();
  return { page: name, firstPaintMs: Math.round(firstPaintMs), usableMs: Math.round(usableMs), jsKb: Math.round((jsBytes / 1024) * 10) / 10, requests };
}

if (webBuildIsStale(process.cwd())) await buildWeb(process.cwd());
const local = await TestStack.start();
const browser = await launchChromium();
try {
  const app = local.stack.urls.app;
  const signedIn = async (userId: string) => {
    const answer = await fetch(`${app}/local/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
    const session = JSON.stringify(await answer.json());
    const context = await browser.newContext(PHONE);
    await context.addInitScript(`localStorage.setItem('session', ${JSON.stringify(session)})`);
    return context;
  };
  const figures: PageFigures[] = [];
  const signIn = await browser.newContext(PHONE);
  figures.push(await measure(signIn, 'sign-in', app, 'button:has-text("Lê Hoàng Nam")'));
  await signIn.close();
  const branch = await signedIn('bithu-apphuthuan');
  figures.push(await measure(branch, 'home (chi đoàn)', app, '[data-testid="duty-self-assessment"]'));
  await branch.close();
  const form = await signedIn('bithu-apphuthuan');
  figures.push(await measure(form, 'self-assessment form', `${app}/forms/self-assessment?cycle=${MODEL_A}`, '#root_criterion1_membersViolatingLaw'));
  await form.close();
  const leader = await signedIn('bithu-sadec');
  figures.push(await measure(leader, 'home (city leader, dashboard)', app, '.dashboard'));
  await leader.close();

  for (const figure of figures) {
    console.info(`${figure.page.padEnd(32)} first paint ${String(figure.firstPaintMs).padStart(5)} ms · usable ${String(figure.usableMs).padStart(5)} ms · JS ${String(figure.jsKb).padStart(6)} KB · ${figure.requests} requests`);
  }
  const byName = Object.fromEntries(figures.map((figure) => [figure.page, figure]));
  const firstPaintMs = Math.max(...figures.map((figure) => figure.firstPaintMs));
  const formUsableMs = byName['self-assessment form']!.usableMs;
  const signInJsKb = byName['sign-in']!.jsKb;
  const pageJsKb = Math.max(...figures.map((figure) => figure.jsKb));
  const met = firstPaintMs <= GOALS.firstPaintMs && formUsableMs <= GOALS.formUsableMs && signInJsKb <= GOALS.signInJsKb && pageJsKb <= GOALS.pageJsKb;
  console.info(JSON.stringify({ bench: 'web', network: 'Slow 4G (400 ms, 1.6 Mbps)', figures: { firstPaintMs, formUsableMs, signInJsKb, pageJsKb, pages: figures }, goals: GOALS, met }));
} finally {
  await browser.close();
  await local.stop();
}
