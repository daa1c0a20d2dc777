import { isClientRoute } from '../catalog/web-routes.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ROUTES } from '../catalog/routes.ts';
import { buildEvent, RouteTable, safeDecode } from './api-gateway.ts';
import { getUnit } from '../../functions/shared/store/units.ts';
import { getUser } from '../../functions/shared/store/users.ts';
import { DEMO_USERS } from './demo-users.ts';
import { LambdaInvokeError, type LocalLambdas } from './lambdas.ts';
import { AWS_LIMITS } from './aws-limits.ts';
import type { LocalSignIn } from './sign-in.ts';
import type { LocalUserPool } from './user-pool.ts';
import { acceptsGzip, CompressedFiles, compressFor, worthCompressing } from './compression.ts';
import { contentSecurityPolicy, inlineScriptHashes, SECURITY_HEADERS } from '../catalog/security-headers.ts';


const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};


export interface AppServerOptions {
  port: number;
  webRoot: string;
  mailInboxUrl: string;
  lambdas: Pick<LocalLambdas, 'invoke'>;
  signIn: Pick<LocalSignIn, 'verify' | 'issue'>;
  /** The local user pool: who may sign in. */
  userPool: Pick<LocalUserPool, 'account'>;
  /** One line per API call, like API Gateway's access log; never bodies or tokens. */
  log?: (line: string) => void;
  /** API Gateway's integration timeout; tests shorten it. */
  integrationTimeoutMs?: number;
  /** Where the browser posts evidence uploads (the local object store): the CSP allows it. */
  uploadOrigin?: string;
}

/** What API Gateway answers itself, with its own (English) bodies, before or instead of the function. */
class GatewayRefusal extends Error {
  override name = 'GatewayRefusal';

  constructor(
    readonly status: 413 | 500 | 503,
    message: 'Request Entity Too Large' | 'Internal Server Error' | 'Service Unavailable',
  ) {
    super(message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, request?: IncomingMessage): void {
  const type = 'application/json; charset=utf-8';
  const sent = request ? compressFor(request, type, Buffer.from(JSON.stringify(body))) : { body: Buffer.from(JSON.stringify(body)), headers: {} };
  response.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS, ...sent.headers });
  response.end(sent.body);
}

/** The request body, refused past the HTTP API's 10 MB as API Gateway refuses it. */
async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Past the limit the rest is read and dropped, so the client gets its 413 and not a reset.
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= AWS_LIMITS.httpApiBodyBytes) chunks.push(chunk as Buffer);
  }
  if (size > AWS_LIMITS.httpApiBodyBytes) throw new GatewayRefusal(413, 'Request Entity Too Large');
  return Buffer.concat(chunks);
}

/**
 * The Lambda integration as API Gateway runs it: an event over Lambda's 6 MB is refused (413),
 * a function error or timeout is a bare 500, and no answer within 30 s is a 503 for the client
 * while the function may still be running.
 */
async function integrate(lambdas: Pick<LocalLambdas, 'invoke'>, functionId: string, event: unknown, timeoutMs: number): Promise<APIGatewayProxyStructuredResultV2> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new GatewayRefusal(503, 'Service Unavailable')), timeoutMs);
  });
  try {
    return (await Promise.race([lambdas.invoke(functionId, event), gaveUp])) as APIGatewayProxyStructuredResultV2;
  } catch (error) {
    if (error instanceof GatewayRefusal) throw error;
    if (error instanceof LambdaInvokeError && error.name === 'RequestEntityTooLargeException') throw new GatewayRefusal(413, 'Request Entity Too Large');
    console.error(`local api: ${functionId} failed:`, error instanceof Error ? `${error.name}: ${error.message}` : error);
    throw new GatewayRefusal(500, 'Internal Server Error');
  } finally {
    clearTimeout(timer);
  }
}

/** The user name a sign-in request carries, or undefined when the body is not `{"userId": "…"}`. */
function signInName(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    const userId = body && typeof body === 'object' ? (body as { userId?: unknown }).userId : undefined;
    return typeof userId === 'string' ? userId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The local front door: API Gateway (routes → the same Lambda handlers, behind a JWT check),
 * the local sign-in that stands in for Cognito, and the built web app as CloudFront would serve it.
 */
export async function serveApp(options: AppServerOptions): Promise<{ server: Server; port: number }> {
  const routes = new RouteTable(ROUTES);
  const webRoot = resolve(options.webRoot);
  const compressedFiles = new CompressedFiles();
  const policies = new Map<string, { mtimeMs: number; policy: string }>();
  function pagePolicy(file: string, mtimeMs: number): string {
    const known = policies.get(file);
    if (known?.mtimeMs === mtimeMs) return known.policy;
    const policy = contentSecurityPolicy({ connect: options.uploadOrigin ? [options.uploadOrigin] : [], inlineScriptHashes: inlineScriptHashes(readFileSync(file, 'utf8')) });
    policies.set(file, { mtimeMs, policy });
    return policy;
  }

  async function api(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const matched = routes.match(request.method ?? 'GET', url.pathname);
    if (!matched) return sendJson(response, 404, { message: 'Not Found' });
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const claims = token ? await options.signIn.verify(token) : undefined;
    if (!claims) return sendJson(response, 401, { message: 'Unauthorized' });
    if (matched.malformed) return sendJson(response, 400, { message: 'Đường dẫn không hợp lệ: có ký tự mã hóa sai.' });
    const body = await readBody(request);
    const event = buildEvent(request, url, body, matched.route, matched.pathParameters, claims);
    const result = await integrate(options.lambdas, matched.route.functionId, event, options.integrationTimeoutMs ?? AWS_LIMITS.httpApiTimeoutMs);
    const headers = (result.headers ?? {}) as Record<string, string>;
    const raw = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : Buffer.from(result.body ?? '');
    const sent = compressFor(request, headers['content-type'] ?? '', raw);
    response.writeHead(result.statusCode ?? 200, { ...SECURITY_HEADERS, ...headers, ...sent.headers });
    response.end(sent.body);
  }

  async function localAuth(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method === 'GET' && url.pathname === '/local/demo-users') {
      // Each with its unit's kind: a chi đoàn's secretary is shown as "Bí thư Chi đoàn".
      const users = await Promise.all(DEMO_USERS.map(async (user) => ({ ...user, unitKind: (await getUnit(user.unitId).catch(() => undefined))?.kind })));
      return sendJson(response, 200, { users });
    }
    if (request.method === 'POST' && url.pathname === '/local/sign-in') {
      const userId = signInName((await readBody(request)).toString('utf8'));
      if (userId === undefined) return sendJson(response, 400, { error: 'SignInRefused', message: 'Cần gửi tên đăng nhập, ví dụ {"userId": "bithu-phuong3"}.' });
      // Anyone with an account in the user pool (the demo ones, and those an import gave one).
      const name = userId.trim();
      const account = name ? options.userPool.account(name) : undefined;
      const user = account ? await getUser(account.username).catch(() => undefined) : undefined;
      if (!account || !user) return sendJson(response, 404, { error: 'SignInRefused', message: 'Không có tài khoản đăng nhập này.' });
      const unitName = (await getUnit(user.unitId).catch(() => undefined))?.name ?? user.unitId;
      return sendJson(response, 200, { token: await options.signIn.issue(account), user: { ...user, unitName } });
    }
    sendJson(response, 404, { message: 'Not Found' });
  }

  function staticFile(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (url.pathname === '/app-config.json') {
      return sendJson(response, 200, { signIn: 'local', mailInboxUrl: options.mailInboxUrl }, request);
    }
    const decoded = safeDecode(url.pathname);
    if (decoded === undefined) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return void response.end('Đường dẫn không hợp lệ.');
    }
    const requested = normalize(join(webRoot, decoded));
    const inside = requested.startsWith(webRoot);
    const isFile = inside && existsSync(requested) && statSync(requested).isFile();
    // Client-side routes are served index.html, as CloudFront's function does; a missing file is not.
    if (!isFile && !isClientRoute(decoded)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return void response.end('Không có tệp này.');
    }
    const file = isFile ? requested : join(webRoot, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void response.end('The web app is not built yet: run `npm run build:web`.');
    }
    const immutable = file.includes(`${join(webRoot, 'assets')}`);
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const { mtimeMs, size } = statSync(file);
    // The page's rules, as CloudFront sends them in AWS (with its inline script's hash).
    const csp = type.startsWith('text/html') ? { 'content-security-policy': pagePolicy(file, mtimeMs) } : {};
    const gzip = acceptsGzip(request) && worthCompressing(type, size);
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...csp,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(gzip ? compressedFiles.get(file, mtimeMs, () => readFileSync(file)) : readFileSync(file));
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = url.pathname.startsWith('/api/') ? api : url.pathname.startsWith('/local/') ? localAuth : undefined;
    if (!route) return staticFile(request, response, url);
    const started = performance.now();
    response.on('finish', () =>
      options.log?.(`${request.method} ${url.pathname} ${response.statusCode} ${Math.round(performance.now() - started)} ms`),
    );
    route(request, response, url).catch((error: unknown) => {
      if (error instanceof GatewayRefusal) {
        if (!response.headersSent) sendJson(response, error.status, { message: error.message });
        return;
      }
      console.error('local api:', error instanceof Error ? error.message : error);
      if (!response.headersSent) sendJson(response, 500, { message: 'Internal Server Error' });
      else response.end();
    });
  });
  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port };
}
