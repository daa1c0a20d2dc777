import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../infra/local/object-store.ts';

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
