import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CopyObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { LocalObjectStore, startObjectStore } from '../../infra/local/object-store.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local-secret' };
const store = new LocalObjectStore({ port: 0, dir: '/nonexistent', credentials, region: 'ap-southeast-1', allowedOrigin: 'http://localhost:3000' });
const client = new S3Client({ region: 'ap-southeast-1', credentials, endpoint: 'http://127.0.0.1:8006', forcePathStyle: true });

async function signedPath(key: string, expiresIn = 300): Promise<{ path: string; host: string }> {
  const url = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: 'b', Key: key, ResponseContentDisposition: "inline; filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf" }), { expiresIn }));
  return { path: url.pathname + url.search, host: url.host };
}

describe('the local object store checks presigned links as S3 does', () => {
  it('accepts a link the SDK signed, with an encoded key and response overrides', async () => {
    // Prepare
    const { path, host } = await signedPath('evidence/sadec/2027/tệp 1');

    // Act
    const check = () => store.verifyPresignedUrl('GET', path, host, new Date());

    // Assess
    expect(check).not.toThrow();
  });

  it('refuses a link whose key was changed, or that has expired', async () => {
    // Prepare
    const { path, host } = await signedPath('evidence/sadec/2027/a', 60);
    const tampered = path.replace('/a?', '/b?');
    const later = new Date(Date.now() + 61_000);

    // Act
    const tamperedCheck = () => store.verifyPresignedUrl('GET', tampered, host, new Date());
    const expiredCheck = () => store.verifyPresignedUrl('GET', path, host, later);

    // Assess
    expect(tamperedCheck).toThrow(/signature/);
    expect(expiredCheck).toThrow(/expired/);
  });
});

describe('the local object store checks signed requests as S3 does', () => {
  it('accepts what the SDK signs with the secret, Vietnamese keys included, and refuses any other secret', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'objects-'));
    const { server, port, store: running } = await startObjectStore({ port: 0, dir, credentials, region: 'ap-southeast-1', allowedOrigin: 'http://localhost:3000' });
    const at = (secretAccessKey: string) => new S3Client({ region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey }, endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true });
    await running.put('b', 'evidence/uploads/tệp 1', Buffer.from('%PDF-1.4'), 'application/pdf');
    const outcome = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: Error) => error.name);

    // Act
    const copied = await outcome(at(credentials.secretAccessKey).send(new CopyObjectCommand({ Bucket: 'b', Key: 'evidence/checked/tệp 1', CopySource: `b/${encodeURI('evidence/uploads/tệp 1')}` })));
    const read = await at(credentials.secretAccessKey).send(new GetObjectCommand({ Bucket: 'b', Key: 'evidence/checked/tệp 1', Range: 'bytes=0-3' }));
    const forged = await outcome(at('another-secret').send(new GetObjectCommand({ Bucket: 'b', Key: 'evidence/checked/tệp 1' })));
    server.close();

    // Assess
    expect(copied).toBe('ok');
    expect(await read.Body!.transformToString()).toBe('%PDF');
    expect(forged).toBe('SignatureDoesNotMatch');
  });
});
