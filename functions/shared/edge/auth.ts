import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Identity } from '../../../domain/identity.ts';
import { UnauthenticatedError } from '../../../domain/errors.ts';
import { isRole } from '../../../domain/roles.ts';
import type { HttpEvent } from './http.ts';
import { CLAIMS } from './claims.ts';

/**
 * The JWT authorizer (Cognito in AWS, the local sign-in on one machine) has verified the token
 * before the handler runs; here we only read its claims.
 */
export function identityOf(event: HttpEvent): Identity {
  const claims = (event as APIGatewayProxyEventV2WithJWTAuthorizer).requestContext.authorizer?.jwt?.claims;
  const userId = claims?.[CLAIMS.subject];
  const unitId = claims?.[CLAIMS.unitId];
  if (!claims || typeof userId !== 'string' || typeof unitId !== 'string') {
    throw new UnauthenticatedError('Bạn cần đăng nhập để tiếp tục.');
  }
  return {
    userId,
    unitId,
    email: String(claims[CLAIMS.email] ?? ''),
    name: String(claims[CLAIMS.name] ?? claims[CLAIMS.email] ?? ''),
    roles: groupsOf(claims[CLAIMS.groups]).filter(isRole),
  };
}

/** API Gateway flattens array claims to "[a b]" strings; tokens may also carry real arrays. */
function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}
