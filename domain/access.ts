import { ForbiddenError } from './errors.ts';
import { hasRole, type Identity } from './identity.ts';
import { isSameOrBelow, type Unit } from './organisation.ts';
import type { Role } from './roles.ts';

export function requireRole(identity: Identity, ...roles: Role[]): void {
  if (!hasRole(identity, ...roles)) {
    throw new ForbiddenError('Tài khoản của bạn không có quyền thực hiện thao tác này.');
  }
}

/** A member of an appraisal team and nothing else: they see chi đoàn only through their assignments. */
export function isAppraiserOnly(identity: Pick<Identity, 'roles'>): boolean {
  return identity.roles.length > 0 && identity.roles.every((role) => role === 'appraiser');
}

/** A user sees their own unit and every unit below it, never a sibling's; an appraiser, only their own unit. */
export function requireCanSee(identity: Identity, unit: Pick<Unit, 'unitId' | 'ancestors'>): void {
  const visible = isAppraiserOnly(identity) ? unit.unitId === identity.unitId : isSameOrBelow(unit, identity.unitId);
  if (!visible) {
    throw new ForbiddenError('Bạn không có quyền xem dữ liệu của đơn vị này.');
  }
}
