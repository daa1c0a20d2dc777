import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UnauthenticatedError } from '../../domain/errors.ts';
import type { User } from '../../domain/users.ts';
import { dynamo } from '../../functions/shared/config/config.ts';
import { identityOf } from '../../functions/shared/edge/auth.ts';
import type { HttpEvent } from '../../functions/shared/edge/http.ts';

const eventWith = (claims: Record<string, unknown> | undefined) =>
  ({ requestContext: { authorizer: claims ? { jwt: { claims, scopes: [] } } : undefined } }) as unknown as HttpEvent;

const DIRECTORY: Record<string, User> = {
  'bithu-phuong3': { userId: 'bithu-phuong3', name: 'Trần Minh Khoa', email: 'khoa@sadec.doan.example', roles: ['secretary'], unitId: 'sadec-phuong-3' },
};

/** A token as Cognito issues it: sub a UUID, the user id as cognito:username. */
const cognitoClaims = (overrides: Record<string, unknown> = {}) => ({
  sub: '6f1c2a9e-4b7d-4c1e-9a3f-0d2b8e7c5a41',
  'cognito:username': 'bithu-phuong3',
  token_use: 'id',
  email: 'khoa@sadec.doan.example',
  'cognito:groups': '[secretary]',
  'custom:unitId': 'sadec-phuong-3',
  ...overrides,
});

describe('identityOf', () => {
  beforeEach(() => {
    vi.stubEnv('TABLE_NAME', 'recognition');
    // The directory, one GetItem per user: the single piece under test is the edge's reading of it.
    vi.spyOn(dynamo(), 'send').mockImplementation(((command: { input: { Key: { pk: string } } }) => {
      const user = Object.values(DIRECTORY).find((candidate) => command.input.Key.pk.endsWith(candidate.userId));
      return Promise.resolve({ Item: user && { pk: command.input.Key.pk, sk: 'USER', ...user } });
    }) as never);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('takes the user id from cognito:username, never the UUID sub, and unit and roles from the directory', async () => {
    // Act: the token claims more groups than the directory grants
    const identity = await identityOf(eventWith(cognitoClaims({ 'cognito:groups': '[secretary admin]' })));

    // Assess
    expect(identity).toEqual({ userId: 'bithu-phuong3', email: 'khoa@sadec.doan.example', name: 'Trần Minh Khoa', roles: ['secretary'], unitId: 'sadec-phuong-3' });
  });

  it('accepts an access token, whose username claim is "username"', async () => {
    // Act
    const identity = await identityOf(eventWith({ sub: 'b1d3…', username: 'bithu-phuong3', token_use: 'access' }));

    // Assess
    expect(identity.unitId).toBe('sadec-phuong-3');
  });

  it('gives nothing to a token whose unit was changed by its user', async () => {
    // Act + Assess
    await expect(identityOf(eventWith(cognitoClaims({ 'custom:unitId': 'dongthap' })))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a token without a username, or of someone not in the directory', async () => {
    // Act + Assess
    await expect(identityOf(eventWith({ sub: '6f1c2a9e-4b7d-4c1e-9a3f-0d2b8e7c5a41' }))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(identityOf(eventWith(undefined))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(identityOf(eventWith(cognitoClaims({ 'cognito:username': 'nguoi-la' })))).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
