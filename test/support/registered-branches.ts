import { placeUnits, unitSchema } from '../../domain/organisation.ts';
import { provisionAccounts } from '../../functions/shared/dispatch/sign-in-accounts.ts';
import { getCycle } from '../../functions/shared/store/cycles.ts';
import { applyEvent } from '../../functions/shared/store/process.ts';
import { getUnit, putUnits } from '../../functions/shared/store/units.ts';
import { putUsers } from '../../functions/shared/store/users.ts';
import { CYCLES } from './samples.ts';

const MODEL_A = CYCLES['chi-doan-dat-chuan'];

/**
 * `count` chi đoàn `<prefix>-ap-<i>` under Tân Phú Đông, registered in the demo's Model A cycle,
 * each with a secretary `bt-<prefix>-ap-<i>` who has a sign-in account. Written straight to the
 * running stack's stores (no HTTP): benchmarks and the crash test need many units fast.
 * Returns the secretaries' user ids.
 */
export async function registerBranches(prefix: string, count: number): Promise<string[]> {
  const commune = await getUnit('sadec-tan-phu-dong');
  const branchIds = Array.from({ length: count }, (_, i) => `${prefix}-ap-${i}`);
  const { units } = placeUnits(
    branchIds.map((unitId, i) => unitSchema.parse({ unitId, name: `Chi đoàn ấp thử ${i}`, kind: 'branch', parentId: commune.unitId, residential: true })),
    new Map([[commune.unitId, commune]]),
  );
  await putUnits(units);
  const secretaries = branchIds.map((unitId) => ({ userId: `bt-${unitId}`, name: `Bí thư ${unitId}`, email: `${unitId}@${prefix}.example`, roles: ['secretary' as const], unitId }));
  await putUsers(secretaries);
  await provisionAccounts(secretaries);
  const cycle = await getCycle(MODEL_A);
  const actor = { userId: prefix, name: prefix, roles: ['secretary' as const], unitId: commune.unitId };
  // A registration names at most 30 chi đoàn per event, within one transaction's 100 items.
  for (let start = 0; start < count; start += 30) {
    const event = { type: 'submission' as const, eventId: `${prefix}-registration-${start}`, formId: 'registration' as const, submissionId: `${prefix}-${start}`, branchIds: branchIds.slice(start, start + 30) };
    await applyEvent(event, commune, { templateId: cycle.templateId, cycleId: MODEL_A, now: new Date(), actor }, { notices: () => Promise.resolve([]) });
  }
  return secretaries.map((secretary) => secretary.userId);
}
