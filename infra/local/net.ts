import { createServer } from 'node:net';

/** A port the OS says is free right now (used when a caller asks for port 0, as tests do). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls until `probe` resolves, for services whose readiness is only visible from outside. */
export async function waitUntil(
  probe: () => Promise<unknown>,
  what: string,
  timeoutMs = 30_000,
  /** Says why waiting is pointless (say, the process died), to fail at once. */
  hopeless: () => string | undefined = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const reason = hopeless();
    if (reason) throw new Error(`${what} will not become ready: ${reason}`);
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${what} did not become ready in ${timeoutMs} ms: ${String(lastError)}`);
}
