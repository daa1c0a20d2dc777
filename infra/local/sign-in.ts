import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { CLAIMS } from '../../functions/shared/edge/claims.ts';
import type { User } from '../../domain/users.ts';

const ISSUER = 'local-sign-in';
const AUDIENCE = 'doan-recognition-local';

/**
 * Stands in for Cognito on one machine: issues tokens with the claims Cognito will carry. The key
 * is made on first start and kept in the git-ignored data folder, never in the repo.
 */
export class LocalSignIn {
  private constructor(private readonly key: Uint8Array) {}

  static open(keyFile: string): LocalSignIn {
    if (!existsSync(keyFile)) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    return new LocalSignIn(Buffer.from(readFileSync(keyFile, 'utf8'), 'base64'));
  }

  /**
   * An ID token shaped as Cognito's: `sub` a UUID of its own (stable per user), the directory user
   * id as `cognito:username`, the role groups and the unit attribute. Code that took `sub` for the
   * user id fails here as it would in AWS.
   */
  async issue(user: User): Promise<string> {
    return new SignJWT({
      [CLAIMS.username]: user.userId,
      [CLAIMS.tokenUse]: 'id',
      [CLAIMS.email]: user.email,
      [CLAIMS.name]: user.name,
      [CLAIMS.groups]: user.roles,
      [CLAIMS.unitId]: user.unitId,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(this.subjectOf(user.userId))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.key);
  }

  private subjectOf(userId: string): string {
    const hex = createHmac('sha256', this.key).update(`sub:${userId}`).digest('hex');
    // Laid out as a version-4 UUID, as Cognito's are.
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** The JWT authorizer's job: a valid token's claims, or undefined. */
  async verify(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE });
      return payload;
    } catch {
      return undefined;
    }
  }
}
