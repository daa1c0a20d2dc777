import { randomBytes } from 'node:crypto';
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

  async issue(user: User): Promise<string> {
    return new SignJWT({
      [CLAIMS.email]: user.email,
      [CLAIMS.name]: user.name,
      [CLAIMS.groups]: user.roles,
      [CLAIMS.unitId]: user.unitId,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.key);
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
