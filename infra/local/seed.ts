import { NotFoundError } from '../../domain/errors.ts';
import { placeUnits, unitSchema } from '../../domain/organisation.ts';
import { getUnit, putUnits } from '../../functions/shared/units.ts';
import { DEMO_UNITS } from './demo-data.ts';

/** Loads the demo organisation on first start; later starts find it and leave data alone. */
export async function seedDemoUnits(): Promise<number> {
  const root = DEMO_UNITS[0]!.unitId;
  try {
    await getUnit(root);
    return 0;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  const { units, problems } = placeUnits(
    DEMO_UNITS.map((unit) => unitSchema.parse(unit)),
    new Map(),
  );
  if (problems.length > 0) throw new Error(`Demo data is inconsistent: ${JSON.stringify(problems)}`);
  // The root last: its presence marks a complete load, so a crash mid-way loads again.
  await putUnits(units.filter((unit) => unit.unitId !== root));
  await putUnits(units.filter((unit) => unit.unitId === root));
  return units.length;
}
