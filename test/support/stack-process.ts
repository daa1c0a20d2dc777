import { placeUnits, unitSchema } from '../../domain/organisation.ts';
import { getCycle } from '../../functions/shared/store/cycles.ts';
import { applyEvent } from '../../functions/shared/store/process.ts';
import { getUnit, putUnits } from '../../functions/shared/store/units.ts';
import { putUsers } from '../../functions/shared/store/users.ts';
import { provisionAccounts } from '../../functions/shared/dispatch/sign-in-accounts.ts';
import { startLocalStack } from '../../infra/local/stack.ts';
import { CYCLES } from './samples.ts';

const MODEL_A = CYCLES['chi-doan-dat-chuan'];

/**
 * The whole local stack in a process of its own, for a test that kills it (kill -9) mid-burst.
 * Usage: stack-process.ts <dataDir> <branches>. Brings `branches` chi đoàn of Tân Phú Đông to
 * "registered", each with a secretary `bt-crash-<i>`, then prints one JSON line: the URLs and
 * DynamoDB Local's pid.
 */
const [dataDir, count] = process.argv.slice(2);
const stack = await startLocalStack({ dataDir: dataDir!, ports: { app: 0, dynamodb: 0, stepFunctions: 0, mail: 0, objectStore: 0, userPool: 0 }, scheduler: false });

const commune = await getUnit('sadec-tan-phu-dong');
const branchIds = Array.from({ length: Number(count) }, (_, i) => `crash-ap-${i}`);
const { units } = placeUnits(
  branchIds.map((unitId, i) => unitSchema.parse({ unitId, name: `Chi đoàn ấp thử ${i}`, kind: 'branch', parentId: commune.unitId, residential: true })),
  new Map([[commune.unitId, commune]]),
);
await putUnits(units);
const secretaries = branchIds.map((unitId) => ({ userId: `bt-${unitId}`, name: `Bí thư ${unitId}`, email: `${unitId}@crash.example`, roles: ['secretary' as const], unitId }));
await putUsers(secretaries);
await provisionAccounts(secretaries);
const cycle = await getCycle(MODEL_A);
const actor = { userId: 'crash-test', name: 'Crash test', roles: ['secretary' as const], unitId: commune.unitId };
for (let start = 0; start < branchIds.length; start += 30) {
  const event = { type: 'submission' as const, eventId: `crash-registration-${start}`, formId: 'registration' as const, submissionId: `crash-${start}`, branchIds: branchIds.slice(start, start + 30) };
  await applyEvent(event, commune, { templateId: cycle.templateId, cycleId: MODEL_A, now: new Date(), actor }, { notices: () => Promise.resolve([]) });
}
console.info(JSON.stringify({ ready: true, urls: stack.urls, dynamoPid: stack.database.pid }));
