import { ForbiddenError, NotFoundError, ValidationError } from '../../../domain/errors.ts';
import type { Identity } from '../../../domain/identity.ts';
import { isSameOrBelow } from '../../../domain/organisation.ts';
import type { Cycle } from '../../../domain/recognition/cycles.ts';
import { getCycle } from '../store/cycles.ts';
import { getUnit } from '../store/units.ts';

/** The unit ids whose cycles apply to this user: their own unit and every unit above it. */
export async function cycleScopesOf(identity: Identity): Promise<string[]> {
  const unit = await getUnit(identity.unitId);
  return [...unit.ancestors, unit.unitId];
}

/** A cycle is visible inside its scope (the units taking part) and above it (those running it). */
export async function requireCycleVisible(identity: Identity, scopeUnitId: string): Promise<void> {
  if ((await cycleScopesOf(identity)).includes(scopeUnitId)) return;
  if (isSameOrBelow(await getUnit(scopeUnitId), identity.unitId)) return;
  throw new ForbiddenError('Đợt công nhận này không thuộc phạm vi đơn vị của bạn.');
}

/** The cycle a unit files under: it must exist and apply to the user's unit. */
export async function requireCycleOfUnit(identity: Identity, cycleId: string): Promise<Cycle> {
  try {
    const cycle = await getCycle(cycleId);
    if ((await cycleScopesOf(identity)).includes(cycle.scopeUnitId)) return cycle;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  throw new ValidationError('Đợt công nhận không tồn tại hoặc không áp dụng cho đơn vị của bạn.', [
    { field: 'cycleId', message: 'Đợt công nhận không hợp lệ.' },
  ]);
}
