import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { CLAIMS } from '../../functions/shared/edge/claims.ts';
import type { PoolUser } from './user-pool.ts';

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
   * An ID token as the pool's Cognito would issue it for this account: its own UUID `sub`, the
   * username (the directory user id) as `cognito:username`, the groups and the unit attribute.
   * Code that took `sub` for the user id fails here as it would in AWS.
   */
  async issue(account: PoolUser): Promise<string> {
    return new SignJWT({
      [CLAIMS.username]: account.username,
      [CLAIMS.tokenUse]: 'id',
      [CLAIMS.email]: account.attributes.email,
      [CLAIMS.name]: account.attributes.name,
      [CLAIMS.groups]: account.groups,
      [CLAIMS.unitId]: account.attributes['custom:unitId'],
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(account.sub)
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
