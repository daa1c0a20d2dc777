import { ForbiddenError } from '../../../domain/errors.ts';
import type { Identity } from '../../../domain/identity.ts';
import { getUnit } from '../store/units.ts';

/**
 * Work that reaches every unit (the deadline sweep, the stuck records of the whole table) belongs
 * to the top of the tree: a province's or city's admin would otherwise act on places not theirs.
 */
export async function requireTopOfTree(identity: Identity, refusal: string): Promise<void> {
  const home = await getUnit(identity.unitId);
  if (home.ancestors.length > 0) throw new ForbiddenError(refusal);
}
