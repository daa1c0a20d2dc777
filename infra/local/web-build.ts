import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** True when the built web app is missing or older than anything it is built from. */
export function webBuildIsStale(root: string): boolean {
  const built = join(root, 'web/dist/index.html');
  if (!existsSync(built)) return true;
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'domain', 'workflows'].map((path) => newestChange(join(root, path)));
  return Math.max(...sources) > statSync(built).mtimeMs;
}

/**
 * Builds web/ with Vite, the same build `npm run deploy` uploads. In a child process, so the
 * bundler's memory goes back to the system before the long-running stack starts.
 */
export async function buildWeb(root: string): Promise<void> {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--config', join(root, 'web/vite.config.ts'), '--logLevel', 'error'];
  await new Promise<void>((resolve, reject) => {
    // Always the production build: under vitest NODE_ENV is "test", which would bundle React's
    // development build (a third larger, and slower on a phone).
    const env = { ...process.env, NODE_ENV: 'production' };
    execFile(process.execPath, args, { cwd: root, env }, (error, _stdout, stderr) =>
      error ? reject(new Error(`Web build failed:\n${stderr}`)) : resolve(),
    );
  });
}
