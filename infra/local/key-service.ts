import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { localArns } from './arns.ts';

/**
 * KMS as the functions use it (Encrypt and Decrypt of a symmetric key, with an encryption
 * context), on the AWS JSON protocol the SDK speaks, refusing what KMS refuses: an unknown key, a
 * plaintext over 4,096 bytes, a ciphertext altered or read with another context. Key material is
 * kept in the data folder, so a restart can still open what was sealed before it.
 */
export const KMS_PLAINTEXT_LIMIT = 4096;
const VERSION = 1;

class KmsRefusal extends Error {
  constructor(
    readonly type: 'NotFoundException' | 'ValidationException' | 'InvalidCiphertextException' | 'UnknownOperationException',
    message: string,
  ) {
    super(message);
    this.name = 'KmsRefusal';
  }
}

type Context = Record<string, string> | undefined;
/** The context binds the ciphertext as KMS's does: the same pairs in any order, nothing more or less. */
const associated = (context: Context) => Buffer.from(JSON.stringify(Object.entries(context ?? {}).sort(([a], [b]) => a.localeCompare(b))));

export class LocalKeyService {
  private readonly keys: Record<string, string>;

  constructor(private readonly file: string, keyIds: string[]) {
    this.keys = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
    const missing = keyIds.filter((keyId) => !this.keys[keyId]);
    for (const keyId of missing) this.keys[keyId] = randomBytes(32).toString('base64');
    if (missing.length > 0) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(this.keys), { mode: 0o600 });
    }
  }

  encrypt(keyId: string, plaintext: Buffer, context: Context): Buffer {
    const material = this.material(keyId);
    if (plaintext.length < 1 || plaintext.length > KMS_PLAINTEXT_LIMIT) throw new KmsRefusal('ValidationException', `Plaintext must be 1 to ${KMS_PLAINTEXT_LIMIT} bytes.`);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', material, iv).setAAD(associated(context));
    const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const id = Buffer.from(keyId);
    return Buffer.concat([Buffer.from([VERSION, id.length]), id, iv, cipher.getAuthTag(), sealed]);
  }

  decrypt(blob: Buffer, context: Context): { keyId: string; plaintext: Buffer } {
    const invalid = new KmsRefusal('InvalidCiphertextException', 'The ciphertext or its encryption context is not valid.');
    if (blob.length < 2 || blob[0] !== VERSION) throw invalid;
    const idLength = blob[1]!;
    const keyId = blob.subarray(2, 2 + idLength).toString();
    const rest = blob.subarray(2 + idLength);
    if (rest.length < 29) throw invalid;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.material(keyId), rest.subarray(0, 12)).setAAD(associated(context)).setAuthTag(rest.subarray(12, 28));
      return { keyId, plaintext: Buffer.concat([decipher.update(rest.subarray(28)), decipher.final()]) };
    } catch (error) {
      if (error instanceof KmsRefusal) throw error;
      throw invalid;
    }
  }

  private material(keyId: string): Buffer {
    const material = this.keys[keyId.replace(/^arn:.*:key\//, '')];
    if (!material) throw new KmsRefusal('NotFoundException', `Key '${keyId}' does not exist.`);
    return Buffer.from(material, 'base64');
  }
}

interface EncryptRequest {
  KeyId?: string;
  Plaintext?: string;
  CiphertextBlob?: string;
  EncryptionContext?: Record<string, string>;
}

async function bodyOf(request: IncomingMessage): Promise<EncryptRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as EncryptRequest;
}

function answer(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
  response.end(JSON.stringify(body));
}

/** Serves the key service on 127.0.0.1: the SDK reaches it through AWS_ENDPOINT_URL_KMS. */
export async function serveKeyService(keys: LocalKeyService, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const operation = String(request.headers['x-amz-target'] ?? '').replace(/^TrentService\./, '');
        const input = await bodyOf(request);
        if (operation === 'Encrypt') {
          const blob = keys.encrypt(input.KeyId ?? '', Buffer.from(input.Plaintext ?? '', 'base64'), input.EncryptionContext);
          return answer(response, 200, { CiphertextBlob: blob.toString('base64'), KeyId: localArns.key(input.KeyId ?? ''), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
        }
        if (operation === 'Decrypt') {
          const { keyId, plaintext } = keys.decrypt(Buffer.from(input.CiphertextBlob ?? '', 'base64'), input.EncryptionContext);
          return answer(response, 200, { Plaintext: plaintext.toString('base64'), KeyId: localArns.key(keyId), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
        }
        throw new KmsRefusal('UnknownOperationException', `The local key service does not do ${operation}.`);
      } catch (error) {
        const refusal = error instanceof KmsRefusal ? error : new KmsRefusal('ValidationException', String(error));
        answer(response, 400, { __type: refusal.type, message: refusal.message }, refusal.type);
      }
    })();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port };
}
