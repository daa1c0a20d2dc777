import { ForbiddenError } from './errors.ts';
import { hasRole, type Identity } from './identity.ts';
import { isSameOrBelow, type Unit } from './organisation.ts';
import type { Role } from './roles.ts';

export function requireRole(identity: Identity, ...roles: Role[]): void {
  if (!hasRole(identity, ...roles)) {
    throw new ForbiddenError('Tài khoản của bạn không có quyền thực hiện thao tác này.');
  }
}

/** A user sees their own unit and every unit below it, never a sibling's. */
export function requireCanSee(identity: Identity, unit: Pick<Unit, 'unitId' | 'ancestors'>): void {
  if (!isSameOrBelow(unit, identity.unitId)) {
    throw new ForbiddenError('Bạn không có quyền xem dữ liệu của đơn vị này.');
  }
}
