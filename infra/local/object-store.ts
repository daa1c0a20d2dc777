import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * The local stand-in for S3: just the part of its REST API the evidence flow uses, with the same
 * rules S3 applies to it, so the browser and the functions run the same code as in AWS.
 *  - POST Object (browser form upload): the SigV4 policy signature, its expiry, every condition
 *    (exact, starts-with, content-length-range) and "every field is covered by the policy".
 *  - GET / HEAD Object with Range; presigned GET links are checked (signature and expiry).
 *  - PUT Object as a copy (x-amz-copy-source), DELETE Object.
 * Every other request must carry a SigV4 Authorization header whose signature checks out against
 * the secret (a random one per start of the local stack, so nothing public opens it), signed
 * within 15 minutes, as S3 requires. Objects live on disk, one file per key plus its metadata,
 * written to a temporary name and renamed so a crash never leaves half a file.
 */
export interface ObjectStoreOptions {
  port: number;
  dir: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  /** The web app's origin, allowed to post upload forms from the browser. */
  allowedOrigin: string;
}

interface StoredMeta {
  key: string;
  contentType: string;
  size: number;
  etag: string;
  lastModified: string;
}

class S3Error extends Error {
  override name = 'S3Error';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A 10 MB file plus its form fields; anything bigger is refused before it is read. */
const MAX_POST_BYTES = 11 * 1024 * 1024;

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

function signingKey(secret: string, date: string, region: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** RFC 3986 encoding, as SigV4 canonical query strings require. */
const encodeRfc3986 = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export class LocalObjectStore {
  constructor(private readonly options: ObjectStoreOptions) {}

  private paths(bucket: string, key: string) {
    const base = join(this.options.dir, bucket, createHash('sha256').update(key).digest('hex'));
    return { data: `${base}.bin`, meta: `${base}.json` };
  }

  async put(bucket: string, key: string, body: Buffer, contentType: string): Promise<StoredMeta> {
    const paths = this.paths(bucket, key);
    await mkdir(join(this.options.dir, bucket), { recursive: true });
    const meta: StoredMeta = {
      key,
      contentType,
      size: body.length,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      lastModified: new Date().toUTCString(),
    };
    // Data first, metadata last: an object exists only once both are complete.
    await writeFile(`${paths.data}.tmp`, body);
    await rename(`${paths.data}.tmp`, paths.data);
    await writeFile(`${paths.meta}.tmp`, JSON.stringify(meta));
    await rename(`${paths.meta}.tmp`, paths.meta);
    return meta;
  }

  async head(bucket: string, key: string): Promise<StoredMeta | undefined> {
    try {
      return JSON.parse(await readFile(this.paths(bucket, key).meta, 'utf8')) as StoredMeta;
    } catch {
      return undefined;
    }
  }

  async read(bucket: string, key: string): Promise<Buffer> {
    return readFile(this.paths(bucket, key).data);
  }

  async delete(bucket: string, key: string): Promise<void> {
    const paths = this.paths(bucket, key);
    await rm(paths.meta, { force: true });
    await rm(paths.data, { force: true });
  }

  /** SigV4 POST policy: the signature is over the base64 policy, with the credential's scope. */
  verifyPostPolicy(bucket: string, fields: Map<string, string>, fileSize: number, now: Date): void {
    const policyText = fields.get('policy');
    const signature = fields.get('x-amz-signature');
    const credential = fields.get('x-amz-credential');
    if (!policyText || !signature || !credential || fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') {
      throw new S3Error(403, 'AccessDenied', 'Access Denied: missing policy or signature');
    }
    const [accessKeyId, date, region] = credential.split('/');
    if (accessKeyId !== this.options.credentials.accessKeyId || !date || !region) {
      throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    }
    const expected = hmac(signingKey(this.options.credentials.secretAccessKey, date, region), policyText).toString('hex');
    if (!sameSignature(expected, signature)) {
      throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
    const policy = JSON.parse(Buffer.from(policyText, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    if (Date.parse(policy.expiration) < now.getTime()) throw new S3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');

    const valueOf = (name: string) => (name === 'bucket' ? bucket : fields.get(name));
    const covered = new Set(['bucket']);
    for (const condition of policy.conditions) {
      if (Array.isArray(condition) && condition[0] === 'content-length-range') {
        const [, min, max] = condition as [string, number, number];
        if (fileSize > max) throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
        if (fileSize < min) throw new S3Error(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
        continue;
      }
      const [operator, name, value] = Array.isArray(condition)
        ? (condition as [string, string, string])
        : ['eq', `$${Object.keys(condition as object)[0]}`, Object.values(condition as object)[0] as string];
      const field = name.replace(/^\$/, '').toLowerCase();
      covered.add(field);
      const actual = valueOf(field) ?? '';
      const ok = operator === 'starts-with' ? actual.startsWith(value) : actual === value;
      if (!ok) throw new S3Error(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["${operator}", "$${field}", "${value}"]`);
    }
    for (const name of fields.keys()) {
      const exempt = name === 'policy' || name === 'x-amz-signature' || name === 'file' || name.startsWith('x-ignore-');
      if (!exempt && !covered.has(name)) {
        throw new S3Error(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${name}`);
      }
    }
  }

  /** A presigned GET: the query carries the credential, date, lifetime and signature. */
  verifyPresignedUrl(method: string, rawUrl: string, host: string, now: Date): void {
    const [path = '/', rawQuery = ''] = rawUrl.split('?', 2);
    const params = rawQuery
      .split('&')
      .filter(Boolean)
      .map((pair) => pair.split('=', 2).map((part) => decodeURIComponent(part.replace(/\+/g, ' '))) as [string, string?]);
    const param = (name: string) => params.find(([key]) => key === name)?.[1] ?? '';
    const credential = param('X-Amz-Credential');
    const [accessKeyId, ...scopeParts] = credential.split('/');
    if (accessKeyId !== this.options.credentials.accessKeyId) {
      throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    }
    const amzDate = param('X-Amz-Date');
    const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (!(signedAt + Number(param('X-Amz-Expires')) * 1000 >= now.getTime())) {
      throw new S3Error(403, 'AccessDenied', 'Request has expired');
    }
    const canonicalQuery = params
      .filter(([key]) => key !== 'X-Amz-Signature')
      .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value ?? '')])
      .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
      .map(([key, value]) => `${key}=${value}`)
      .join('&');
    const signedHeaders = param('X-Amz-SignedHeaders');
    if (signedHeaders !== 'host') throw new S3Error(403, 'AccessDenied', 'Only host-signed links are supported locally');
    const canonicalRequest = [method, path, canonicalQuery, `host:${host}\n`, signedHeaders, 'UNSIGNED-PAYLOAD'].join('\n');
    const scope = scopeParts.join('/');
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
    const [date = '', region = ''] = scopeParts;
    const expected = hmac(signingKey(this.options.credentials.secretAccessKey, date, region), stringToSign).toString('hex');
    if (!sameSignature(expected, param('X-Amz-Signature'))) {
      throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
  }

  /** A request signed in its Authorization header, as the SDK signs every call it makes. */
  verifyHeaderSignature(method: string, rawUrl: string, headers: IncomingMessage['headers'], now: Date): void {
    const authorization = headers.authorization ?? '';
    const match = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(authorization);
    if (!match) throw new S3Error(403, 'AccessDenied', 'Access Denied');
    const [, credential = '', signedHeaders = '', signature = ''] = match;
    const [accessKeyId, ...scopeParts] = credential.split('/');
    if (accessKeyId !== this.options.credentials.accessKeyId) {
      throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    }
    const amzDate = String(headers['x-amz-date'] ?? '');
    const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (!(Math.abs(now.getTime() - signedAt) <= 15 * 60_000)) {
      throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    }
    const [path = '/', rawQuery = ''] = rawUrl.split('?', 2);
    const canonicalQuery = rawQuery
      .split('&')
      .filter(Boolean)
      .map((pair) => pair.split('=', 2).map((part) => encodeRfc3986(decodeURIComponent(part.replace(/\+/g, ' ')))))
      .sort(([a = '', x = ''], [b = '', y = '']) => (a !== b ? (a < b ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0))
      .map(([key = '', value = '']) => `${key}=${value}`)
      .join('&');
    const headerValue = (name: string) => {
      const value = headers[name];
      return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
    };
    const names = signedHeaders.split(';');
    const canonicalHeaders = names.map((name) => `${name}:${headerValue(name)}\n`).join('');
    const payloadHash = headerValue('x-amz-content-sha256') || 'UNSIGNED-PAYLOAD';
    const canonicalRequest = [method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scopeParts.join('/'), sha256Hex(canonicalRequest)].join('\n');
    const [date = '', region = ''] = scopeParts;
    const expected = hmac(signingKey(this.options.credentials.secretAccessKey, date, region), stringToSign).toString('hex');
    if (!sameSignature(expected, signature)) {
      throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
  }

  private authorise(request: IncomingMessage): void {
    const url = request.url ?? '/';
    if (url.includes('X-Amz-Signature=')) {
      this.verifyPresignedUrl(request.method ?? 'GET', url, request.headers.host ?? '', new Date());
      return;
    }
    this.verifyHeaderSignature(request.method ?? 'GET', url, request.headers, new Date());
  }

  /** PUT with x-amz-copy-source: a server-side copy, the only PUT the evidence flow makes. */
  private async copyObject(request: IncomingMessage, response: ServerResponse, bucket: string, key: string): Promise<void> {
    const source = decodeURIComponent(String(request.headers['x-amz-copy-source'] ?? '')).replace(/^\//, '');
    const [sourceBucket = '', ...sourceKey] = source.split('/');
    const meta = await this.head(sourceBucket, sourceKey.join('/'));
    if (!meta) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    const copied = await this.put(bucket, key, await this.read(sourceBucket, sourceKey.join('/')), meta.contentType);
    response.writeHead(200, { 'content-type': 'application/xml' });
    response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult><ETag>${copied.etag.replace(/"/g, '&quot;')}</ETag><LastModified>${new Date(copied.lastModified).toISOString()}</LastModified></CopyObjectResult>`);
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin;
    if (origin === this.options.allowedOrigin) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('vary', 'Origin');
    }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'access-control-allow-methods': 'POST, GET', 'access-control-allow-headers': '*', 'access-control-max-age': '3000' });
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://local');
    const [bucket = '', ...keyParts] = url.pathname.slice(1).split('/');
    const key = keyParts.map((part) => decodeURIComponent(part)).join('/');
    if (!bucket) throw new S3Error(400, 'InvalidBucketName', 'A bucket name is required');

    if (request.method === 'POST' && !key) return this.postObject(request, response, bucket);
    this.authorise(request);
    switch (request.method) {
      case 'GET':
      case 'HEAD':
        return this.getObject(request, response, bucket, key, url.searchParams);
      case 'PUT':
        if (!request.headers['x-amz-copy-source']) throw new S3Error(501, 'NotImplemented', 'Only copies are put locally; files arrive by the signed form');
        return this.copyObject(request, response, bucket, key);
      case 'DELETE':
        await this.delete(bucket, key);
        response.writeHead(204);
        response.end();
        return;
      default:
        throw new S3Error(501, 'NotImplemented', `${request.method} is not supported by the local object store`);
    }
  }

  private async postObject(request: IncomingMessage, response: ServerResponse, bucket: string): Promise<void> {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_POST_BYTES) throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    const body = await readBody(request, MAX_POST_BYTES);
    const form = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': request.headers['content-type'] ?? '' },
      body: new Uint8Array(body),
    })
      .formData()
      .catch(() => {
        throw new S3Error(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
      });
    const fields = new Map<string, string>();
    let file: File | undefined;
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') fields.set(name.toLowerCase(), value);
      else if (name === 'file') file = value;
    }
    if (!file) throw new S3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    this.verifyPostPolicy(bucket, fields, file.size, new Date());
    const key = (fields.get('key') ?? '').replace('${filename}', file.name);
    const meta = await this.put(bucket, key, Buffer.from(await file.arrayBuffer()), fields.get('content-type') ?? 'binary/octet-stream');
    response.writeHead(204, { etag: meta.etag, location: `/${bucket}/${key}` });
    response.end();
  }

  private async getObject(request: IncomingMessage, response: ServerResponse, bucket: string, key: string, query: URLSearchParams): Promise<void> {
    const meta = await this.head(bucket, key);
    if (!meta) {
      if (request.method === 'HEAD') {
        response.writeHead(404);
        response.end();
        return;
      }
      throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    }
    const headers: Record<string, string> = {
      'content-type': query.get('response-content-type') ?? meta.contentType,
      etag: meta.etag,
      'last-modified': meta.lastModified,
      'accept-ranges': 'bytes',
    };
    const disposition = query.get('response-content-disposition');
    if (disposition) headers['content-disposition'] = disposition;
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    let status = 200;
    let start = 0;
    let end = meta.size - 1;
    if (range) {
      start = Number(range[1]);
      end = Math.min(range[2] ? Number(range[2]) : end, meta.size - 1);
      if (start >= meta.size) throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable');
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${meta.size}`;
    }
    headers['content-length'] = String(end - start + 1);
    response.writeHead(status, headers);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const data = await this.read(bucket, key);
    response.end(data.subarray(start, end + 1));
  }
}

function sendError(response: ServerResponse, error: unknown): void {
  const s3 = error instanceof S3Error ? error : new S3Error(500, 'InternalError', String(error));
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const escape = (text: string) => text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  response.writeHead(s3.status, { 'content-type': 'application/xml', connection: 'close' });
  response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${s3.code}</Code><Message>${escape(s3.message)}</Message></Error>`);
}

export async function startObjectStore(options: ObjectStoreOptions): Promise<{ server: Server; port: number; store: LocalObjectStore }> {
  const store = new LocalObjectStore(options);
  const server = createServer((request, response) => {
    store.handle(request, response).catch((error: unknown) => sendError(response, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port, store };
}
