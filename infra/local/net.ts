import { createServer } from 'node:net';

/**
 * Ports handed out below the kernel's ephemeral range (32768–60999 on Linux): a port the OS picks
 * with listen(0) comes from that range, and between our check and the server binding it, any
 * outgoing connection (tests make thousands) may take it as its source port. Each process picks
 * in its own band of 200 (by pid), so stacks started side by side by the test runner's workers do
 * not pick the same port either; the check catches what something else has bound.
 */
const PICK_SPAN = 200;
const PICK_FROM = 20_000 + (process.pid % 60) * PICK_SPAN;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Never the same port twice in one process: a stack asks for six before it binds any. */
const handedOut = new Set<number>();

/** A free port for a caller asking for port 0, as tests do. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = PICK_FROM + Math.floor(Math.random() * PICK_SPAN);
    if (handedOut.has(port) || !(await isFree(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`No free port found between ${PICK_FROM} and ${PICK_FROM + PICK_SPAN}.`);
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
