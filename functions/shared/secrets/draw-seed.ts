import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { config, keyService } from '../config/config.ts';

/**
 * An appraisal draw's secret seed, sealed under a KMS key that only the function opening intake
 * may encrypt with and only the draw's function may decrypt with (infra/constructs/seed-key.ts):
 * the table, its backups and every other function hold ciphertext. The encryption context names
 * the draw, so a sealed seed copied to another draw does not open.
 */
export interface DrawOfSeed {
  cycleId: string;
  upperUnitId: string;
}

const contextOf = ({ cycleId, upperUnitId }: DrawOfSeed) => ({ purpose: 'appraisal-draw-seed', cycleId, upperUnitId });

export async function sealSeed(seed: string, draw: DrawOfSeed): Promise<string> {
  const { CiphertextBlob } = await keyService().send(new EncryptCommand({ KeyId: config.drawSeedKeyId, Plaintext: Buffer.from(seed, 'utf8'), EncryptionContext: contextOf(draw) }));
  return Buffer.from(CiphertextBlob!).toString('base64');
}

export async function openSeed(sealed: string, draw: DrawOfSeed): Promise<string> {
  const { Plaintext } = await keyService().send(new DecryptCommand({ KeyId: config.drawSeedKeyId, CiphertextBlob: Buffer.from(sealed, 'base64'), EncryptionContext: contextOf(draw) }));
  return Buffer.from(Plaintext!).toString('utf8');
}
