import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Identity } from '../../../domain/identity.ts';
import { NotFoundError, UnauthenticatedError } from '../../../domain/errors.ts';
import { isRole } from '../../../domain/roles.ts';
import type { User } from '../../../domain/users.ts';
import { TtlCache } from '../store/cache.ts';
import { getUser } from '../store/users.ts';
import type { HttpEvent } from './http.ts';
import { CLAIMS } from './claims.ts';

// A user moved or given a role is seen within this long; every request reads the directory.
const directory = new TtlCache<User>(60_000);

const SIGN_IN_AGAIN = 'Phiên đăng nhập không còn hợp lệ. Vui lòng đăng nhập lại.';

/**
 * Who is asking. The JWT authorizer (Cognito in AWS, the local user pool on one machine) has
 * verified the token; it proves only who is at the keyboard: the directory user id is the
 * Cognito username (`cognito:username`; never `sub`, a UUID Cognito makes). Unit and roles come
 * from the directory on every request, never from attributes a user might change; a token whose
 * unit disagrees with the directory (tampered, or the user has moved since) gets nothing.
 */
export async function identityOf(event: HttpEvent): Promise<Identity> {
  const claims = (event as APIGatewayProxyEventV2WithJWTAuthorizer).requestContext.authorizer?.jwt?.claims;
  const userId = claims?.[CLAIMS.username] ?? claims?.[CLAIMS.accessTokenUsername];
  if (!claims || typeof userId !== 'string' || userId === '') throw new UnauthenticatedError('Bạn cần đăng nhập để tiếp tục.');
  const user = await directory.get(userId, () => getUser(userId)).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new UnauthenticatedError('Tài khoản không có trong danh bạ đơn vị. Hãy liên hệ quản trị hệ thống.');
    throw error;
  });
  const claimedUnit = claims[CLAIMS.unitId];
  if (claimedUnit !== undefined && claimedUnit !== user.unitId) throw new UnauthenticatedError(SIGN_IN_AGAIN);
  return { userId: user.userId, unitId: user.unitId, email: user.email, name: user.name, roles: user.roles.filter(isRole) };
}
