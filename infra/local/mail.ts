import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesModule from 'aws-ses-v2-local';
import { AWS_LIMITS } from './aws-limits.ts';

// A CommonJS module with an ES "default" export: Node's ESM loader hands us module.exports.
const startSesServer =
  (sesModule as unknown as { default?: typeof sesModule }).default ?? sesModule;

interface SendEmailBody {
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
}

/** SES v2 refuses a message to more than 50 recipients in all; aws-ses-v2-local takes any number. */
function refusal(method: string | undefined, path: string, body: Buffer): string | undefined {
  if (method !== 'POST' || path !== '/v2/email/outbound-emails') return undefined;
  let parsed: SendEmailBody;
  try {
    parsed = JSON.parse(body.toString('utf8')) as SendEmailBody;
  } catch {
    return undefined;
  }
  const { ToAddresses = [], CcAddresses = [], BccAddresses = [] } = parsed.Destination ?? {};
  const recipients = ToAddresses.length + CcAddresses.length + BccAddresses.length;
  return recipients > AWS_LIMITS.sesRecipientsPerMessage ? `Recipient count exceeds ${AWS_LIMITS.sesRecipientsPerMessage}.` : undefined;
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The local SES v2 endpoint: aws-ses-v2-local (mail kept in memory, inbox page at the root URL)
 * behind a thin front that refuses what SES refuses, with SES's error shape.
 */
export async function startMail(port: number): Promise<{ server: Server; port: number }> {
  const inner = await startSesServer({ host: '127.0.0.1', port: 0 });
  const innerPort = (inner.address() as AddressInfo).port;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readAll(request);
    const refused = refusal(request.method, new URL(request.url ?? '/', 'http://localhost').pathname, body);
    if (refused) {
      response.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'MessageRejected' });
      return void response.end(JSON.stringify({ message: refused }));
    }
    const upstream = forward({ host: '127.0.0.1', port: innerPort, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    upstream.end(body);
  };
  const front = createServer((request, response) => void handle(request, response));
  front.on('close', () => inner.close());
  await new Promise<void>((done) => front.listen(port, '127.0.0.1', done));
  return { server: front, port: (front.address() as AddressInfo).port };
}
