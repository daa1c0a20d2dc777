import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeUrl, challengeOf, claimsOf, randomVerifier } from '../../web/src/auth/pkce.ts';

describe('PKCE for the Cognito hosted sign-in', () => {
  it('derives the S256 challenge as base64url(SHA-256(verifier))', async () => {
    // Prepare
    const verifier = randomVerifier();

    // Act
    const challenge = await challengeOf(verifier);

    // Assess
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });

  it('asks Cognito for a code with the challenge, the state and the OpenID scopes', () => {
    // Act
    const url = new URL(
      authorizeUrl({ authDomain: 'doan.auth.ap-southeast-1.amazoncognito.com', clientId: 'abc', redirectUri: 'https://app.example/', challenge: 'xyz', state: 's1' }),
    );

    // Assess
    expect(url.origin + url.pathname).toBe('https://doan.auth.ap-southeast-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'abc',
      redirect_uri: 'https://app.example/',
      scope: 'openid email profile',
      code_challenge: 'xyz',
      code_challenge_method: 'S256',
      state: 's1',
    });
  });

  it('reads Vietnamese names from a token payload', () => {
    // Prepare
    const payload = Buffer.from(JSON.stringify({ name: 'Nguyễn Thị Thu Hà', 'custom:unitId': 'sadec' })).toString('base64url');

    // Act + Assess
    expect(claimsOf(`h.${payload}.s`)).toEqual({ name: 'Nguyễn Thị Thu Hà', 'custom:unitId': 'sadec' });
  });
});
