import { NotFoundError } from '../../domain/errors.ts';
import { placeUnits, unitSchema } from '../../domain/organisation.ts';
import { createCycle, cycleRequestSchema } from '../../domain/recognition/cycles.ts';
import { storeCycle } from '../../functions/shared/cycles.ts';
import { getUnit, putUnits } from '../../functions/shared/units.ts';
import { getUser, putUsers } from '../../functions/shared/users.ts';
import { DEMO_UNITS } from './demo-data.ts';
import { DEMO_USERS } from './demo-users.ts';

/** Loads what is missing of the demo data: the organisation with its cycles, and the demo accounts. */
export async function seedDemoData(): Promise<{ units: number; users: number }> {
  return { units: await seedDemoUnits(), users: await seedDemoUsers() };
}

async function seedDemoUsers(): Promise<number> {
  const last = DEMO_USERS.at(-1)!;
  try {
    await getUser(last.userId);
    return 0;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  // The last one last: its presence marks a complete load.
  const users = DEMO_USERS.map(({ unitName: _unitName, ...user }) => user);
  await putUsers(users.slice(0, -1));
  await putUsers(users.slice(-1));
  return users.length;
}

/** Loads the demo organisation on first start; later starts find it and leave data alone. */
async function seedDemoUnits(): Promise<number> {
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
  await seedDemoCycles();
  await putUnits(units.filter((unit) => unit.unitId === root));
  return units.length;
}

/** The 2027 cycles of both models for the province, as its admin would open them. */
export const DEMO_CYCLE_REQUESTS = [
  { templateId: 'chi-doan-dat-chuan', year: 2027, scopeUnitId: 'dong-thap' },
  { templateId: 'doan-co-so-3-chu-dong', year: 2027, scopeUnitId: 'dong-thap' },
].map((request) => cycleRequestSchema.parse(request));

async function seedDemoCycles(): Promise<void> {
  for (const request of DEMO_CYCLE_REQUESTS) {
    await storeCycle(createCycle(request, 'quantri-dongthap', new Date()), request);
  }
}
