import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignAppraisers, assignWidened, AssignmentError, type Appraiser } from '../../domain/appraisal/assign.ts';
import type { ReportedUnit } from '../../domain/appraisal/draw.ts';

/** A sample over a few communes and a team, some members coming from those communes. */
const scenario = fc
  .record({
    communeSizes: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 15 }),
    homes: fc.array(fc.option(fc.nat({ max: 20 }), { nil: undefined }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ communeSizes, homes }) => {
    const units: ReportedUnit[] = communeSizes.flatMap((size, commune) =>
      Array.from({ length: size }, (_, index) => ({ unitId: `xa-${commune}-ap-${index}`, communeId: `xa-${commune}` })),
    );
    const team: Appraiser[] = homes.map((home, index) => ({ userId: `td-${index}`, name: `Thẩm định ${index}`, homeUnitId: home === undefined ? undefined : `xa-${home}` }));
    return { units, team };
  });

/** The constraints allow a balanced assignment: each commune's units fit the others' ⌊T/A⌋ slots. */
function balancedIsPossible(units: ReportedUnit[], team: Appraiser[]): boolean {
  const base = Math.floor(units.length / team.length);
  const communes = new Set(units.map((unit) => unit.communeId));
  return [...communes].every((communeId) => {
    const own = units.filter((unit) => unit.communeId === communeId).length;
    return own <= base * team.filter((member) => member.homeUnitId !== communeId).length;
  });
}

const loadsOf = (assigned: Map<string, string>, team: Appraiser[]) => team.map((member) => [...assigned.values()].filter((userId) => userId === member.userId).length);

describe('assigning the sample to the team', () => {
  it('never gives an appraiser a chi đoàn of their own commune, and assigns every unit once', () => {
    fc.assert(
      fc.property(scenario, ({ units, team }) => {
        let assigned: Map<string, string>;
        try {
          assigned = assignAppraisers(units, team);
        } catch (error) {
          // Refusing is allowed only when no balanced assignment exists, and it must say so.
          expect(error).toBeInstanceOf(AssignmentError);
          expect(balancedIsPossible(units, team)).toBe(false);
          return;
        }
        const homeOf = new Map(team.map((member) => [member.userId, member.homeUnitId]));
        expect(assigned.size).toBe(units.length);
        for (const unit of units) expect(homeOf.get(assigned.get(unit.unitId)!)).not.toBe(unit.communeId);
      }),
      { numRuns: 500 },
    );
  });

  it('balances loads to within one whenever the constraints allow', () => {
    fc.assert(
      fc.property(
        scenario.filter(({ units, team }) => balancedIsPossible(units, team)),
        ({ units, team }) => {
          const loads = loadsOf(assignAppraisers(units, team), team);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a commune with one appraiser when it fits their load', () => {
    // Prepare: 3 communes of 4, 3 appraisers with no home commune: 4 each
    const units = ['a', 'b', 'c'].flatMap((commune) => Array.from({ length: 4 }, (_, index) => ({ unitId: `${commune}-${index}`, communeId: commune })));
    const team = ['td-1', 'td-2', 'td-3'].map((userId) => ({ userId, name: userId }));

    // Act
    const assigned = assignAppraisers(units, team);

    // Assess
    for (const commune of ['a', 'b', 'c']) {
      expect(new Set(units.filter((unit) => unit.communeId === commune).map((unit) => assigned.get(unit.unitId))).size).toBe(1);
    }
  });

  it('says why when a commune cannot be appraised by anyone else', () => {
    const units = [{ unitId: 'a-1', communeId: 'a' }];
    expect(() => assignAppraisers(units, [{ userId: 'td', name: 'td', homeUnitId: 'a' }])).toThrow(/chỉ 0 thành viên tổ thẩm định không thuộc đơn vị này/);
    expect(() => assignAppraisers(units, [])).toThrow(/chưa có thành viên/);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(scenario, ({ units, team }) => {
        const attempt = () => {
          try {
            return [...assignAppraisers(units, team)];
          } catch (error) {
            return String(error);
          }
        };
        expect(attempt()).toEqual(attempt());
      }),
      { numRuns: 100 },
    );
  });
});

describe('widening after a failure', () => {
  it('gives the commune’s other chi đoàn to the members already appraising there, in turn', () => {
    // Prepare
    const units = ['x-3', 'x-1', 'x-2'].map((unitId) => ({ unitId, communeId: 'x' }));
    const team = [
      { userId: 'td-1', name: 'A' },
      { userId: 'td-2', name: 'B' },
      { userId: 'td-3', name: 'C', homeUnitId: 'x' },
    ];

    // Act
    const assigned = assignWidened(units, ['td-2', 'td-3'], team, new Map());

    // Assess: td-3 comes from the commune, so only td-2 is eligible among those already there
    expect([...assigned]).toEqual([
      ['x-1', 'td-2'],
      ['x-2', 'td-2'],
      ['x-3', 'td-2'],
    ]);
  });

  it('falls back to the least loaded eligible member', () => {
    const assigned = assignWidened([{ unitId: 'x-1', communeId: 'x' }], [], [{ userId: 'td-1', name: 'A' }, { userId: 'td-2', name: 'B' }], new Map([['td-1', 5], ['td-2', 2]]));
    expect(assigned.get('x-1')).toBe('td-2');
  });
});
