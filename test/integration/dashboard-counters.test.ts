import { describe, expect, it } from 'vitest';
import type { DecisionAction, ProcessEvent } from '../../domain/process/transitions.ts';
import { getCycle } from '../../functions/shared/store/cycles.ts';
import { applyEvent } from '../../functions/shared/store/process.ts';
import { getUnit } from '../../functions/shared/store/units.ts';
import { rebuildDashboards } from '../../infra/local/recount.ts';
import { countsOf } from '../support/counts.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { MODEL_A } from '../support/process.ts';
import { registerBranches } from '../support/registered-branches.ts';

/*
 * The dashboard's counters under load, written through the repositories themselves: no handler
 * runs here, so this file is left out of the bundles' run (vitest.config.ts).
 */
const ctx = localStackPerFile();
const { scanAll, recount, storedCounts } = countsOf(() => ctx.local.dynamo);

describe("the leaders' dashboard counters", { timeout: 600_000 }, () => {
  it('keeps the counts equal to a recount after 10,000 random events applied concurrently', async () => {
    // Prepare
    await registerBranches('dem', 60);
    const cycle = await getCycle(MODEL_A);
    const commune = await getUnit('sadec-tan-phu-dong');
    const branches = await Promise.all(Array.from({ length: 60 }, (_, index) => getUnit(`dem-ap-${index}`)));
    const random = (n: number) => Math.floor(Math.random() * n);
    const actions: DecisionAction[] = ['confirm', 'return'];
    let applied = 0;

    // Act: self-assessments passing or not, and the commune's confirmations and returns, on random chi đoàn.
    const events = Array.from({ length: 10_000 }, (_, index) => index);
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
    expect(applied).toBeGreaterThan(3000);
    expect(stored).toEqual(expected);
  });

  it('rebuilds the same tallies and counts from the data alone (npm run recount)', async () => {
    // Prepare: what the live writes kept, after the demo, the import of 60 chi đoàn and 10,000 events
    const [tallies, counts] = await Promise.all([scanAll('TALLY#'), storedCounts(MODEL_A)]);

    // Act
    await rebuildDashboards();

    // Assess
    const nonZero = (items: Record<string, unknown>[]) => items.map((item) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== 0))).sort((a, b) => String(a.pk).localeCompare(String(b.pk)));
    expect(nonZero(await scanAll('TALLY#'))).toEqual(nonZero(tallies));
    expect(await storedCounts(MODEL_A)).toEqual(counts);
  });
});
