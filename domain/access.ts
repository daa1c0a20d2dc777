import { ForbiddenError } from './errors.ts';
import { hasRole, type Identity } from './identity.ts';
import type { Role } from './roles.ts';

export function requireRole(identity: Identity, ...roles: Role[]): void {
  if (!hasRole(identity, ...roles)) {
    throw new ForbiddenError('Tài khoản của bạn không có quyền thực hiện thao tác này.');
  }
}

/**
 * A user sees their own unit's records. Reading a subordinate's records arrives with the
 * organisation tree (it needs the unit's ancestry, not a guess from ids).
 */
export function requireSameUnit(identity: Identity, unitId: string): void {
  if (identity.unitId !== unitId) {
    throw new ForbiddenError('Bạn không có quyền xem hồ sơ của đơn vị khác.');
  }
}
