import { describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '../../domain/errors.ts';
import { identityOf } from '../../functions/shared/edge/auth.ts';
import type { HttpEvent } from '../../functions/shared/edge/http.ts';

const eventWith = (claims: Record<string, unknown> | undefined) =>
  ({ requestContext: { authorizer: claims ? { jwt: { claims, scopes: [] } } : undefined } }) as unknown as HttpEvent;

describe('identityOf', () => {
  it('reads roles from the flattened "[a b]" form API Gateway gives array claims', () => {
    // Prepare
    const event = eventWith({
      sub: 'u1',
      email: 'a@b.vn',
      name: 'Nguyễn Văn A',
      'cognito:groups': '[secretary leader not-a-role]',
      'custom:unitId': 'sadec-phuong-3',
    });

    // Act
    const identity = identityOf(event);

    // Assess
    expect(identity).toEqual({
      userId: 'u1',
      email: 'a@b.vn',
      name: 'Nguyễn Văn A',
      roles: ['secretary', 'leader'],
      unitId: 'sadec-phuong-3',
    });
  });

  it('refuses a request whose token carries no unit', () => {
    // Act + Assess
    expect(() => identityOf(eventWith({ sub: 'u1' }))).toThrow(UnauthenticatedError);
    expect(() => identityOf(eventWith(undefined))).toThrow(UnauthenticatedError);
  });
});
