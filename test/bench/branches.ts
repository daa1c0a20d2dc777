import { placeUnits, unitSchema } from '../../domain/organisation.ts';
import { getCycle } from '../../functions/shared/store/cycles.ts';
import { applyEvent } from '../../functions/shared/store/process.ts';
import { getUnit, putUnits } from '../../functions/shared/store/units.ts';
import { putUsers } from '../../functions/shared/store/users.ts';
import { provisionAccounts } from '../../functions/shared/dispatch/sign-in-accounts.ts';
import type { TestStack } from '../support/local-stack.ts';
import { MODEL_A } from '../support/process.ts';

/**
 * Many registered chi đoàn under one commune, each with a signed-in secretary: benchmark clients
 * submit for different units, as real ones do, instead of piling onto one unit's standing.
 */
export async function registeredBranches(local: TestStack, count: number): Promise<string[]> {
  const commune = await getUnit('sadec-tan-phu-dong');
  const branchIds = Array.from({ length: count }, (_, i) => `bench-ap-${i}`);
  const { units } = placeUnits(
    branchIds.map((unitId, i) => unitSchema.parse({ unitId, name: `Chi đoàn ấp thử ${i}`, kind: 'branch', parentId: commune.unitId, residential: true })),
    new Map([[commune.unitId, commune]]),
  );
  await putUnits(units);
  const secretaries = branchIds.map((unitId) => ({ userId: `bt-${unitId}`, name: `Bí thư ${unitId}`, email: `${unitId}@bench.example`, roles: ['secretary' as const], unitId }));
  await putUsers(secretaries);
  await provisionAccounts(secretaries);
  const cycle = await getCycle(MODEL_A);
  const actor = { userId: 'bench', name: 'Bench', roles: ['secretary' as const], unitId: commune.unitId };
  // A registration names at most 30 chi đoàn per event, within one transaction's 100 items.
  for (let start = 0; start < count; start += 30) {
    const event = { type: 'submission' as const, eventId: `bench-registration-${start}`, formId: 'registration' as const, submissionId: `bench-${start}`, branchIds: branchIds.slice(start, start + 30) };
    await applyEvent(event, commune, { templateId: cycle.templateId, cycleId: MODEL_A, now: new Date(), actor }, { notices: () => Promise.resolve([]) });
  }
  return Promise.all(branchIds.map((unitId) => local.signIn(`bt-${unitId}`)));
}
