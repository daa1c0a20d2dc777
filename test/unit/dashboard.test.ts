import { describe, expect, it } from 'vitest';
import { dashboardOf } from '../../domain/dashboard/rows.ts';
import { targetsOn } from '../../domain/recognition/targets.ts';
import { cycleRequestSchema } from '../../domain/recognition/cycles.ts';
import { foldForSearch } from '../../domain/text.ts';
import { countDeltas, obligationSwap, tallyDeltas, type Delta } from '../../domain/dashboard/tallies.ts';
import type { Due } from '../../domain/deadlines/obligations.ts';
import type { Unit } from '../../domain/organisation.ts';
import { weekOf } from '../../domain/dates.ts';

/** Applies deltas the way DynamoDB does (ADD from nothing, SET), to one item per unit. */
function applied(...deltaMaps: Map<string, Delta>[]): Map<string, Record<string, number | string>> {
  const items = new Map<string, Record<string, number | string>>();
  for (const deltas of deltaMaps) {
    for (const [unitId, delta] of deltas) {
      const item = items.get(unitId) ?? {};
      for (const [name, by] of Object.entries(delta.add)) item[name] = ((item[name] as number | undefined) ?? 0) + by;
      Object.assign(item, delta.set);
      items.set(unitId, item);
    }
  }
  return items;
}

const unit = (unitId: string, kind: Unit['kind'], ancestors: string[], residential = false): Unit => ({
  unitId,
  name: `Đơn vị ${unitId}`,
  kind,
  ancestors,
  parentId: ancestors.at(-1),
  residential,
  leaderEmails: [],
});

const TREE = [
  unit('tinh', 'province', []),
  unit('thanh-pho', 'district', ['tinh']),
  unit('xa-a', 'commune', ['tinh', 'thanh-pho']),
  unit('xa-b', 'commune', ['tinh', 'thanh-pho']),
  unit('ap-1', 'branch', ['tinh', 'thanh-pho', 'xa-a'], true),
  unit('ap-2', 'branch', ['tinh', 'thanh-pho', 'xa-a'], true),
  unit('truong', 'branch', ['tinh', 'thanh-pho', 'xa-a'], false),
  unit('ap-3', 'branch', ['tinh', 'thanh-pho', 'xa-b'], true),
];
const TARGETS = { registrationShare: 0.9, recognitionShare: 0.75 };

describe('the dashboard from tallies and counts', () => {
  it('counts residential chi đoàn per unit below and their states, and the gap to each target in units', () => {
    // Prepare: ap-1 recognised, ap-2 registered then reported; ap-3 registered.
    const tallies = applied(tallyDeltas(TREE));
    const at = (id: string) => TREE.find((candidate) => candidate.unitId === id)!;
    const counts = applied(
      countDeltas([{ unitId: 'ap-1', ancestors: at('ap-1').ancestors, after: 'registered' }]),
      countDeltas([{ unitId: 'ap-1', ancestors: at('ap-1').ancestors, before: 'registered', after: 'recognised' }]),
      countDeltas([{ unitId: 'ap-2', ancestors: at('ap-2').ancestors, after: 'registered' }]),
      countDeltas([{ unitId: 'ap-2', ancestors: at('ap-2').ancestors, before: 'registered', after: 'reported' }]),
      countDeltas([{ unitId: 'ap-3', ancestors: at('ap-3').ancestors, after: 'registered' }]),
    );

    // Act
    const city = dashboardOf(at('thanh-pho'), tallies.get('thanh-pho')!, counts.get('thanh-pho')!, { templateId: 'chi-doan-dat-chuan', targets: TARGETS }, '2026-01-01');
    const commune = dashboardOf(at('xa-a'), tallies.get('xa-a')!, counts.get('xa-a')!, { templateId: 'chi-doan-dat-chuan', targets: TARGETS }, '2026-01-01');

    // Assess: 3 residential chi đoàn; 90% of 3 is 3 (all registered), 75% is 3 (1 recognised: 2 missing).
    expect(city.total).toMatchObject({ eligible: 3, registered: 3, recognised: 1, notStarted: 0, registrationGap: 0, recognitionGap: 2, byState: { recognised: 1, reported: 1, registered: 1 } });
    expect(city.rows.map((row) => [row.unitId, row.eligible, row.registered, row.recognised])).toEqual([
      ['xa-a', 2, 2, 1],
      ['xa-b', 1, 1, 0],
    ]);
    expect(commune.rows.map((row) => [row.unitId, row.kind, row.eligible, row.notStarted, Object.keys(row.byState)])).toEqual([
      ['ap-1', 'branch', 1, 0, ['recognised']],
      ['ap-2', 'branch', 1, 0, ['reported']],
      ['truong', 'branch', 0, 0, []],
    ]);
  });

  it('counts đoàn cơ sở for "3 chủ động", and a unit not started yet', () => {
    // Prepare
    const tallies = applied(tallyDeltas(TREE));
    const counts = applied(countDeltas([{ unitId: 'xa-a', ancestors: ['tinh', 'thanh-pho'], after: 'planned' }]));

    // Act
    const city = dashboardOf(TREE[1]!, tallies.get('thanh-pho')!, counts.get('thanh-pho')!, { templateId: 'doan-co-so-3-chu-dong', targets: { registrationShare: 0.7 } }, '2026-01-01');

    // Assess
    expect(city.total).toMatchObject({ eligible: 2, registered: 1, notStarted: 1, registrationGap: 1 });
    expect(city.rows.map((row) => [row.unitId, row.eligible, row.registered, row.notStarted])).toEqual([
      ['xa-a', 1, 1, 0],
      ['xa-b', 1, 0, 1],
    ]);
  });

  it('draws the year as cumulative registered and recognised per week, a revocation taking one back', () => {
    // Prepare
    const ancestors = ['tinh', 'thanh-pho', 'xa-a'];
    const counts = applied(
      countDeltas([{ unitId: 'ap-1', ancestors, after: 'registered', week: '2027-02-08' }]),
      countDeltas([{ unitId: 'ap-2', ancestors, after: 'registered', week: '2027-02-08' }]),
      countDeltas([{ unitId: 'ap-1', ancestors, before: 'reported', after: 'recognised', week: '2027-10-18' }]),
      countDeltas([{ unitId: 'ap-2', ancestors, before: 'reported', after: 'recognised', week: '2027-10-18' }]),
      countDeltas([{ unitId: 'ap-2', ancestors, before: 'recognised', after: 'revoked', week: '2028-03-06' }]),
    );

    // Act
    const { weeks } = dashboardOf(TREE[1]!, applied(tallyDeltas(TREE)).get('thanh-pho')!, counts.get('thanh-pho')!, { templateId: 'chi-doan-dat-chuan', targets: TARGETS }, '2026-01-01');

    // Assess
    expect(weeks).toEqual([
      { week: '2027-02-08', registered: 2, recognised: 0 },
      { week: '2027-10-18', registered: 2, recognised: 2 },
      { week: '2028-03-06', registered: 2, recognised: 1 },
    ]);
    expect(weekOf(new Date('2027-02-14T18:00:00Z'))).toBe('2027-02-15');
  });

  it("counts the appraisal team's findings beside the states, per unit below", () => {
    // Prepare: two sampled chi đoàn of xa-a, one found as claimed, one not; their states unchanged.
    const ancestors = ['tinh', 'thanh-pho', 'xa-a'];
    const counts = applied(
      countDeltas([{ unitId: 'ap-1', ancestors, after: 'reported' }, { unitId: 'ap-2', ancestors, after: 'reported' }]),
      countDeltas([{ unitId: 'ap-1', ancestors, before: 'reported', after: 'reported', appraisalAfter: 'verified', week: '2027-10-04' }]),
      countDeltas([{ unitId: 'ap-2', ancestors, before: 'reported', after: 'reported', appraisalAfter: 'failed', week: '2027-10-04' }]),
    );

    // Act
    const city = dashboardOf(TREE[1]!, applied(tallyDeltas(TREE)).get('thanh-pho')!, counts.get('thanh-pho')!, { templateId: 'chi-doan-dat-chuan', targets: TARGETS }, '2026-01-01');

    // Assess: findings counted, states and the year's curve untouched by them
    expect([city.total.verified, city.total.notAsClaimed, city.total.byState.reported]).toEqual([1, 1, 2]);
    expect(city.rows.find((row) => row.unitId === 'xa-a')).toMatchObject({ verified: 1, notAsClaimed: 1 });
    expect(city.weeks).toEqual([]);
  });

  it('finds "Phú Thuận" from "phu thuan" and "Đông" from "dong"', () => {
    // Assess
    expect(foldForSearch('Chi đoàn ấp Phú Thuận').includes(foldForSearch('phu thuan'))).toBe(true);
    expect(foldForSearch('Đoàn xã Tân Phú Đông').includes('dong')).toBe(true);
  });

  it('reads as late the obligations open past their deadline, by duty, from the day after it; a closed one no more', () => {
    // Prepare: xa-a owes its plan by 20/07, ap-1 its dossier by 01/10, ap-3 too; ap-3 then sends it.
    const at = (id: string) => TREE.find((candidate) => candidate.unitId === id)!;
    const due = (unitId: string, duty: Due['duty'], deadline: string): Due => ({ cycleId: 'c', duty, deadline, ownerUnitId: unitId, ownerAncestors: at(unitId).ancestors, subjectUnitId: unitId, subjectName: unitId });
    const counts = applied(
      countDeltas([], [...obligationSwap(undefined, due('xa-a', 'implementation-plan', '2026-07-20')), ...obligationSwap(undefined, due('ap-1', 'self-assessment', '2026-10-01'))]),
      countDeltas([], obligationSwap(undefined, due('ap-3', 'self-assessment', '2026-10-01'))),
      countDeltas([], obligationSwap(due('ap-3', 'self-assessment', '2026-10-01'), undefined)),
    );
    const view = (today: string) => dashboardOf(at('thanh-pho'), applied(tallyDeltas(TREE)).get('thanh-pho')!, counts.get('thanh-pho')!, { templateId: 'chi-doan-dat-chuan', targets: TARGETS }, today);

    // Act
    const onDeadline = view('2026-10-01');
    const dayAfter = view('2026-10-02');

    // Assess
    expect(onDeadline.rows.map((row) => [row.unitId, row.lateByDuty])).toEqual([['xa-a', { 'implementation-plan': 1 }], ['xa-b', {}]]);
    expect(dayAfter.rows.map((row) => [row.unitId, row.late, row.lateByDuty])).toEqual([['xa-a', 2, { 'implementation-plan': 1, 'self-assessment': 1 }], ['xa-b', 0, {}]]);
    expect(dayAfter.total).toMatchObject({ late: 2 });
  });

  it('counts nothing when what is owed stays the same, and moves a count when the duty or deadline changes', () => {
    // Prepare
    const owed: Due = { cycleId: 'c', duty: 'self-assessment', deadline: '2026-10-01', ownerUnitId: 'ap-1', ownerAncestors: ['tinh'], subjectUnitId: 'ap-1', subjectName: 'ap-1' };

    // Act
    const same = obligationSwap(owed, { ...owed });
    const moved = obligationSwap(owed, { ...owed, deadline: '2026-10-15' });

    // Assess
    expect(same).toEqual([]);
    expect(moved.map((change) => [change.deadline, change.by])).toEqual([['2026-10-01', -1], ['2026-10-15', 1]]);
    expect(countDeltas([], moved, [{ unitId: 'ap-1', ancestors: ['tinh'] }]).get('tinh')?.add).toEqual({
      'all:o:self-assessment:2026-10-01': -1,
      'c:ap-1:o:self-assessment:2026-10-01': -1,
      'all:o:self-assessment:2026-10-15': 1,
      'c:ap-1:o:self-assessment:2026-10-15': 1,
      'all:sampled': 1,
      'c:ap-1:sampled': 1,
    });
  });

  it('holds the recognition target of the phase a day falls in (seed 002: 75% by the end of 2019, 90% by the end of 2021)', () => {
    // Prepare: two residential chi đoàn under xa-a, one recognised
    const at = (id: string) => TREE.find((candidate) => candidate.unitId === id)!;
    const counts = applied(countDeltas([{ unitId: 'ap-1', ancestors: at('ap-1').ancestors, before: 'reported', after: 'recognised' }]));
    const phased = { registrationShare: 0.9, recognitionShare: 0.9, phases: [{ until: '2021-12-31', recognitionShare: 0.9 }, { until: '2019-12-31', recognitionShare: 0.75 }] };
    const view = (today: string) => dashboardOf(at('thanh-pho'), applied(tallyDeltas(TREE)).get('thanh-pho')!, counts.get('thanh-pho')!, { templateId: 'chi-doan-dat-chuan', targets: phased }, today);

    // Act + Assess: 3 residential chi đoàn, 1 recognised; 75% of 3 needs 3 (ceil 2.25), 90% needs 3 too: use xa-a's 2
    expect(targetsOn(phased, '2019-06-01')).toMatchObject({ recognitionShare: 0.75, phaseUntil: '2019-12-31' });
    expect(targetsOn(phased, '2020-06-01')).toMatchObject({ recognitionShare: 0.9, phaseUntil: '2021-12-31' });
    expect(targetsOn(phased, '2023-01-01')).toEqual(phased);
    const xaA = (today: string) => view(today).rows.find((row) => row.unitId === 'xa-a')!;
    expect([xaA('2019-06-01').eligible, xaA('2019-06-01').recognitionGap, xaA('2020-06-01').recognitionGap]).toEqual([2, 1, 1]);
    expect(cycleRequestSchema.parse({ templateId: 'chi-doan-dat-chuan', year: 2027, scopeUnitId: 'dong-thap', targets: { pilotShare: 0.7, phases: [{ until: '2027-12-31', recognitionShare: 0.75 }] } }).targets).toEqual({ pilotShare: 0.7, phases: [{ until: '2027-12-31', recognitionShare: 0.75 }] });
  });
});
