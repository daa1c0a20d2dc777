import { ForbiddenError } from '../errors.ts';
import { hasRole, type Identity } from '../identity.ts';
import type { Unit, UnitKind } from '../organisation.ts';
import type { Role } from '../roles.ts';

/** Who goes to the grassroots: the full-time committee members (cadre), and leaders and organisers. */
export const VISITING_ROLES = ['cadre', 'leader', 'organiser'] as const satisfies readonly Role[];
/** The levels above the commune, whose cadres the practice counts (issue 18, seed 004). */
export const VISITING_LEVELS = ['central', 'province', 'district'] as const satisfies readonly UnitKind[];

export function requireVisitingCadre(identity: Identity, cadreUnit: Pick<Unit, 'kind'>): void {
  if (!hasRole(identity, ...VISITING_ROLES)) throw new ForbiddenError('Tài khoản của bạn không có quyền thực hiện thao tác này.');
  if (!(VISITING_LEVELS as readonly string[]).includes(cadreUnit.kind)) {
    throw new ForbiddenError('Chỉ cán bộ cấp huyện, tỉnh và Trung ương ghi nhận đi công tác cơ sở.');
  }
}

/** A cadre visits units under their level, never their own unit nor another line's. */
export function requireVisitable(identity: Identity, unit: Pick<Unit, 'unitId' | 'ancestors'>): void {
  if (!unit.ancestors.includes(identity.unitId)) throw new ForbiddenError('Chỉ ghi nhận chuyến đi đến đơn vị thuộc cấp mình phụ trách.');
}
