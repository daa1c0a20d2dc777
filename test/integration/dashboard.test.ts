import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardRow } from '../../domain/dashboard/rows.ts';
import type { DecisionAction, ProcessEvent } from '../../domain/process/transitions.ts';
import { getCycle } from '../../functions/shared/store/cycles.ts';
import { applyEvent } from '../../functions/shared/store/process.ts';
import { getUnit } from '../../functions/shared/store/units.ts';
import { rebuildDashboards } from '../../infra/local/recount.ts';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { MODEL_A } from '../support/process.ts';
import { registerBranches } from '../support/registered-branches.ts';

const ctx = localStackPerFile();

interface DashboardBody {
  unit: { unitId: string; name: string };
  total: DashboardRow;
  rows: DashboardRow[];
}

async function scanAll(prefix: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ctx.local.dynamo.send(
      new ScanCommand({ TableName: LOCAL_TABLE_NAME, FilterExpression: 'begins_with(pk, :prefix)', ExpressionAttributeValues: { ':prefix': prefix }, ExclusiveStartKey, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** The counts recomputed from the truth: every standing of the cycle, every unit's ancestors. */
async function recount(cycleId: string): Promise<Map<string, Record<string, number>>> {
  const ancestors = new Map((await scanAll('UNIT#')).map((item) => [item.unitId as string, item.ancestors as string[]]));
  const expected = new Map<string, Record<string, number>>();
  for (const standing of await scanAll(`STANDING#${cycleId}#`)) {
    const chain = ancestors.get(standing.unitId as string) ?? [];
    chain.forEach((ancestorId, index) => {
      const counts = expected.get(ancestorId) ?? {};
      const child = chain[index + 1] ?? (standing.unitId as string);
      const outcome = (standing.appraisal as { outcome?: string } | undefined)?.outcome;
      for (const counted of [standing.state as string, ...(outcome ? [`appraisal:${outcome}`] : [])]) {
        for (const name of [`all:${counted}`, `c:${child}:${counted}`]) counts[name] = (counts[name] ?? 0) + 1;
      }
      expected.set(ancestorId, counts);
    });
  }
  return expected;
}

async function storedCounts(cycleId: string): Promise<Map<string, Record<string, number>>> {
  return new Map(
    (await scanAll(`COUNTS#${cycleId}#`)).map((item) => {
      const counters = Object.fromEntries(Object.entries(item).filter(([name, value]) => /^(all|c):/.test(name) && value !== 0)) as Record<string, number>;
      return [(item.pk as string).slice(`COUNTS#${cycleId}#`.length), counters];
    }),
  );
}

let leader: string;
beforeAll(async () => {
  leader = await ctx.local.signIn('bithu-sadec');
});

describe("the leaders' dashboard", () => {
  it("shows the city leader each commune of Sa Đéc against the targets, with the figures a recount of the standings gives", async () => {
    // Act
    const answer = await ctx.local.api<DashboardBody>('GET', `/api/dashboard/${MODEL_A}/sadec`, leader);
    const communes = await scanAll('UNIT#sadec-');
    const standings = await scanAll(`STANDING#${MODEL_A}#`);

    // Assess: per commune, residential chi đoàn from the directory, registered from the standings.
    expect(answer.status).toBe(200);
    expect(answer.body.unit.name).toBe('Thành Đoàn Sa Đéc');
    for (const row of answer.body.rows) {
      const residential = communes.filter((unit) => unit.parentId === row.unitId && unit.residential === true).length;
      const registered = standings.filter((standing) => standing.parentId === row.unitId && standing.state !== undefined && (standing.templateId as string) === 'chi-doan-dat-chuan' && standing.unitId !== row.unitId).length;
      expect([row.unitId, row.eligible, row.registered]).toEqual([row.unitId, residential, registered]);
    }
    expect(answer.body.total.eligible).toBe(answer.body.rows.reduce((sum, row) => sum + row.eligible, 0));
    expect(answer.body.total.registered).toBeGreaterThan(0);
  });

  it('keeps the counts equal to a recount after 1,000 random events applied concurrently', async () => {
    // Prepare
    await registerBranches('dem', 60);
    const cycle = await getCycle(MODEL_A);
    const commune = await getUnit('sadec-tan-phu-dong');
    const branches = await Promise.all(Array.from({ length: 60 }, (_, index) => getUnit(`dem-ap-${index}`)));
    const random = (n: number) => Math.floor(Math.random() * n);
    const actions: DecisionAction[] = ['confirm', 'return'];
    let applied = 0;

    // Act: self-assessments passing or not, and the commune's confirmations and returns, on random chi đoàn.
    const events = Array.from({ length: 1000 }, (_, index) => index);
    await Promise.all(
      Array.from({ length: 16 }, async (_, worker) => {
        for (let index = worker; index < events.length; index += 16) {
          const branch = branches[random(branches.length)]!;
          const assessment = index % 3 !== 2;
          const event: ProcessEvent = assessment
            ? { type: 'submission', eventId: `dem-${index}`, formId: 'self-assessment', submissionId: `dem-${index}`, criteria: [{ criterionId: 'c1', number: 1, pass: Math.random() < 0.7, reason: '' }] }
            : { type: 'decision', eventId: `dem-${index}`, action: actions[random(2)]!, reason: 'Thử' };
          const actor = assessment ? { userId: `bt-${branch.unitId}`, name: 'Bí thư', roles: ['secretary' as const], unitId: branch.unitId } : { userId: 'bithu-tanphudong', name: 'Bí thư xã', roles: ['secretary' as const], unitId: commune.unitId };
          try {
            await applyEvent(event, branch, { templateId: cycle.templateId, cycleId: MODEL_A, now: new Date(), actor }, { notices: () => Promise.resolve([]) });
            applied++;
          } catch {
            // A step out of order is refused, as it would be at the API; the counts must not move.
          }
        }
      }),
    );
    const [expected, stored] = await Promise.all([recount(MODEL_A), storedCounts(MODEL_A)]);

    // Assess
    expect(applied).toBeGreaterThan(300);
    expect(stored).toEqual(expected);
  });

  it('rebuilds the same tallies and counts from the data alone (npm run recount)', async () => {
    // Prepare: what the live writes kept, after the demo, the import of 60 chi đoàn and 1,000 events
    const [tallies, counts] = await Promise.all([scanAll('TALLY#'), storedCounts(MODEL_A)]);

    // Act
    await rebuildDashboards();

    // Assess
    const nonZero = (items: Record<string, unknown>[]) => items.map((item) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== 0))).sort((a, b) => String(a.pk).localeCompare(String(b.pk)));
    expect(nonZero(await scanAll('TALLY#'))).toEqual(nonZero(tallies));
    expect(await storedCounts(MODEL_A)).toEqual(counts);
  });
});
