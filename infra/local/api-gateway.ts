import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import type { RouteDefinition } from '../catalog/routes.ts';

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  params: string[];
}

/** Matches requests to the catalogued routes, with API Gateway's {param} path syntax. */
export class RouteTable {
  private readonly routes: CompiledRoute[];

  constructor(routes: RouteDefinition[]) {
    this.routes = routes.map((route) => {
      const params: string[] = [];
      const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
        params.push(name);
        return '([^/]+)';
      });
      return { route, pattern: new RegExp(`^${source}$`), params };
    });
  }

  /** `malformed`: a path parameter is not valid percent-encoding (refused once the token is checked). */
  match(method: string, path: string): { route: RouteDefinition; pathParameters: Record<string, string>; malformed: boolean } | undefined {
    for (const { route, pattern, params } of this.routes) {
      if (route.method !== method) continue;
      const found = pattern.exec(path);
      if (!found) continue;
      const decoded = params.map((name, i) => [name, safeDecode(found[i + 1] ?? '')] as const);
      const malformed = decoded.some(([, value]) => value === undefined);
      return { route, pathParameters: Object.fromEntries(decoded.map(([name, value]) => [name, value ?? ''])), malformed };
    }
    return undefined;
  }
}

/** decodeURIComponent, or undefined where the text is not valid percent-encoding. */
export function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const TEXT_TYPES = /^(application\/(json|x-www-form-urlencoded|xml)|text\/)/;

/** API Gateway flattens a JWT's array claims to "[a b]" strings before the handler sees them. */
function flattenClaims(payload: JWTPayload): Record<string, string | number | boolean> {
  const claims: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') claims[name] = value;
  }
  return claims;
}

/** Builds the HTTP API (payload 2.0) event that API Gateway hands a Lambda after its JWT authorizer. */
export function buildEvent(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  route: RouteDefinition,
  pathParameters: Record<string, string>,
  claims: JWTPayload,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const isText = TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
  const routeKey = `${route.method} ${route.path}`;
  const now = new Date();
  const query = Object.fromEntries(url.searchParams.entries());
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    body: body.length ? body.toString(isText ? 'utf8' : 'base64') : undefined,
    isBase64Encoded: body.length > 0 && !isText,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: String(claims.sub ?? ''), integrationLatency: 0, jwt: { claims: flattenClaims(claims), scopes: [] } },
    },
    stageVariables: undefined,
  };
}
