import { createHash } from 'node:crypto';

/**
 * Same unit + same client key → same id, so a retried request finds what its first attempt
 * stored instead of storing it twice. 22 base64url characters: 132 bits, no collisions in practice.
 */
export function idempotentId(unitId: string, idempotencyKey: string): string {
  return createHash('sha256').update(`${unitId}\n${idempotencyKey}`).digest('base64url').slice(0, 22);
}
