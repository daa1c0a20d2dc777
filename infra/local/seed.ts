import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { config, dynamo } from '../../functions/shared/config/config.ts';
import { rebuildDashboards } from './recount.ts';
import { randomBytes } from 'node:crypto';
import { commitmentOf, DEFAULT_SAMPLING_RULE } from '../../domain/appraisal/draw.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { openDraw } from '../../functions/shared/store/appraisals.ts';
import { sealSeed } from '../../functions/shared/secrets/draw-seed.ts';
import { placeUnits, unitSchema } from '../../domain/organisation.ts';
import type { Actor, ProcessEvent } from '../../domain/process/transitions.ts';
import { createCycle, cycleIdFor, cycleRequestSchema } from '../../domain/recognition/cycles.ts';
import { getCycle, storeCycle } from '../../functions/shared/store/cycles.ts';
import { openObligations } from '../../functions/shared/store/obligations.ts';
import { applyEvent, getStanding } from '../../functions/shared/store/process.ts';
import { getUnit, putUnits } from '../../functions/shared/store/units.ts';
import { getUser, putUsers } from '../../functions/shared/store/users.ts';
import { DEMO_UNITS } from './demo-data.ts';
import { DEMO_USERS } from './demo-users.ts';
import { provisionAccount } from '../../functions/shared/dispatch/sign-in-accounts.ts';
import type { LocalUserPool } from './user-pool.ts';

/** Loads what is missing of the demo data: the organisation with its cycles, and the demo accounts. */
export async function seedDemoData(): Promise<{ units: number; users: number; events: number; dashboards: boolean }> {
  return { units: await seedDemoUnits(), users: await seedDemoUsers(), events: await seedDemoProcess(), dashboards: await ensureDashboards() };
}

/** Its sort key names what the counters count: a data directory from before late and sampled counts rebuilds once more. */
const REBUILT = { pk: 'DASHBOARDS', sk: 'REBUILT#obligations-samples' };

/**
 * The dashboard's tallies and counts are rebuilt once from the data (the demo's, or data from
 * before the dashboard existed); a marker written after the rebuild says it is done, so a crash
 * mid-way rebuilds again from scratch. Live writes keep them from then on.
 */
async function ensureDashboards(): Promise<boolean> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: REBUILT, ConsistentRead: true }));
  if (Item) return false;
  await rebuildDashboards();
  await dynamo().send(new PutCommand({ TableName: config.tableName, Item: { ...REBUILT, at: new Date().toISOString() } }));
  return true;
}

async function seedDemoUsers(): Promise<number> {
  // Each missing one: a demo account added later reaches a data folder made before it.
  const users = DEMO_USERS.map(({ unitName: _unitName, ...user }) => user);
  const present = await Promise.all(
    users.map(async (user) => {
      try {
        await getUser(user.userId);
        return true;
      } catch (error) {
        if (error instanceof NotFoundError) return false;
        throw error;
      }
    }),
  );
  const missing = users.filter((_, index) => !present[index]);
  if (missing.length > 0) await putUsers(missing);
  return missing.length;
}

/**
 * Gives each demo account its sign-in in the local user pool, as an administrator would in
 * Cognito, without an invitation (no password on one machine). Only the missing ones.
 */
export async function seedDemoAccounts(pool: Pick<LocalUserPool, 'account'>): Promise<number> {
  const missing = DEMO_USERS.filter((user) => !pool.account(user.userId)).map(({ unitName: _unitName, ...user }) => user);
  for (const user of missing) await provisionAccount(user, { invite: false });
  return missing.length;
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
  await putUnits(units.filter((unit) => unit.unitId !== root), { tallies: false });
  await seedDemoCycles();
  await putUnits(units.filter((unit) => unit.unitId === root), { tallies: false });
  return units.length;
}

/** The 2027 cycles of both models for the province, as its admin would open them. */
export const DEMO_CYCLE_REQUESTS = [
  { templateId: 'chi-doan-dat-chuan', year: 2027, scopeUnitId: 'dong-thap' },
  { templateId: 'doan-co-so-3-chu-dong', year: 2027, scopeUnitId: 'dong-thap' },
].map((request) => cycleRequestSchema.parse(request));

async function seedDemoCycles(): Promise<void> {
  for (const request of DEMO_CYCLE_REQUESTS) {
    const { cycle } = await storeCycle(createCycle(request, 'quantri-dongthap', new Date()), request);
    await openObligations(cycle);
  }
}

const SEED_ACTOR: Actor = { userId: 'du-lieu-mau', name: 'Dữ liệu mẫu', roles: ['secretary'], unitId: 'sadec' };
const CITY_ORGANISER: Actor = { userId: 'xaydungdoan-sadec', name: 'Lê Văn Phúc', roles: ['organiser'], unitId: 'sadec' };

/**
 * Where the demo units stand, reached through the same transitions and audit chain as real use:
 * every pilot commune has sent its plan; Tân Phú Đông has registered three of its four ấp; the
 * "3 chủ động" pilots (and Tân Phú Đông) are registered with a cadre assigned to follow them; the
 * city has opened intake for its appraisal draw (the commitment published).
 */
async function seedDemoProcess(): Promise<number> {
  const [modelA, modelB] = DEMO_CYCLE_REQUESTS.map((request) => cycleIdFor(request));
  if (await getStanding(modelA!, 'sadec-tan-phu-dong')) return 0;
  const now = new Date();
  let events = 0;
  const apply = async (cycleId: string, unitId: string, event: ProcessEvent, actor: Actor = { ...SEED_ACTOR, unitId }) => {
    const cycle = await getCycle(cycleId);
    await applyEvent(event, await getUnit(unitId), { templateId: cycle.templateId, cycleId, now, actor }, { notices: () => Promise.resolve([]) });
    events++;
  };
  const communes = DEMO_UNITS.filter((unit) => unit.parentId === 'sadec' && unit.kind === 'commune');
  for (const commune of communes) {
    await apply(modelA!, commune.unitId, { type: 'submission', eventId: `seed-plan-${commune.unitId}`, formId: 'implementation-plan', submissionId: `seed-plan-${commune.unitId}` });
  }
  await apply(modelA!, 'sadec-tan-phu-dong', {
    type: 'submission',
    eventId: 'seed-registration-sadec-tan-phu-dong',
    formId: 'registration',
    submissionId: 'seed-registration-sadec-tan-phu-dong',
    branchIds: ['sadec-tan-phu-dong-ap-phu-thuan', 'sadec-tan-phu-dong-ap-phu-long', 'sadec-tan-phu-dong-ap-phu-hoa'],
  });
  for (const unitId of ['sadec-tan-khanh-dong', 'sadec-tan-quy-dong', 'sadec-bvdk', 'sadec-tan-phu-dong']) {
    await apply(modelB!, unitId, { type: 'submission', eventId: `seed-3cd-plan-${unitId}`, formId: 'three-proactive-plan', submissionId: `seed-3cd-plan-${unitId}` });
    await apply(modelB!, unitId, { type: 'decision', eventId: `seed-3cd-cadre-${unitId}`, action: 'assign-cadre', cadre: 'Lê Văn Phúc' }, CITY_ORGANISER);
  }
  // The city has opened intake of its communes' reports: the draw's commitment is public.
  const seed = randomBytes(32).toString('hex');
  await openDraw(
    {
      cycleId: modelA!,
      upperUnitId: 'sadec',
      commitment: commitmentOf(seed),
      rule: DEFAULT_SAMPLING_RULE,
      status: 'open',
      openedAt: now.toISOString(),
      openedBy: CITY_ORGANISER.name,
      closesOn: (await getCycle(modelA!)).reports.find((report) => report.id === 'results-report')?.deadline,
    },
    await sealSeed(seed, { cycleId: modelA!, upperUnitId: 'sadec' }),
  );
  return events;
}
