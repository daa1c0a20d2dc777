import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDERS, openingDuty, reportDuties, standingDuty, type Due } from '../../domain/deadlines/obligations.ts';
import { datesToRead, digestMessage, planDigests } from '../../domain/deadlines/sweep.ts';
import { createCycle } from '../../domain/recognition/cycles.ts';

const cycle = createCycle({ templateId: 'chi-doan-dat-chuan', year: 2027, scopeUnitId: 'tinh' }, 'admin', new Date('2026-06-01T00:00:00Z'));
const cycles = new Map([[cycle.cycleId, { title: cycle.title, reminders: DEFAULT_REMINDERS }]]);
const due = (subject: string, deadline: string, ancestors = ['tinh', 'tp', 'xa']): Due => ({
  cycleId: cycle.cycleId,
  duty: 'self-assessment',
  deadline,
  ownerUnitId: subject,
  ownerAncestors: ancestors,
  subjectUnitId: subject,
  subjectName: `Chi đoàn ${subject}`,
});

describe('what a unit owes, and by when', () => {
  it('owes the yearly reports from every unit above the chi đoàn that has an upper level', () => {
    expect(reportDuties(cycle, { kind: 'commune', parentId: 'tp' })).toEqual([
      { duty: 'results-report', deadline: '2027-10-01' },
      { duty: 'youth-situation-report', deadline: '2027-10-10' },
    ]);
    expect(reportDuties(cycle, { kind: 'branch', parentId: 'xa' })).toEqual([]);
    expect(reportDuties(cycle, { kind: 'province', parentId: undefined })).toEqual([]);
  });

  it('owes the upper level the "3 chủ động" status report from a commune or đoàn cơ sở, by 10/10 of the year before', () => {
    // Prepare
    const modelB = createCycle({ templateId: 'doan-co-so-3-chu-dong', year: 2027, scopeUnitId: 'tinh' }, 'admin', new Date('2026-06-01T00:00:00Z'));

    // Act + Assess
    expect(reportDuties(modelB, { kind: 'grassroots', parentId: 'tp' })).toEqual([{ duty: 'three-proactive-status', deadline: '2026-10-10' }]);
    expect(reportDuties(modelB, { kind: 'district', parentId: 'tinh' })).toEqual([]);
  });

  it('owes the province the registration list from a city or district only, by 15/02 (step 2)', () => {
    expect(reportDuties(cycle, { kind: 'district', parentId: 'tinh' })).toEqual([
      { duty: 'results-report', deadline: '2027-10-01' },
      { duty: 'youth-situation-report', deadline: '2027-10-10' },
      { duty: 'registration-summary', deadline: '2027-02-15' },
    ]);
    expect(reportDuties(cycle, { kind: 'commune', parentId: 'tp' }).map((owed) => owed.duty)).not.toContain('registration-summary');
  });

  it('follows the cycle’s deadlines: plan, registration, the dossier before the results report', () => {
    expect(openingDuty(cycle, 'commune')).toEqual({ duty: 'implementation-plan', deadline: '2026-07-20' });
    expect(openingDuty(cycle, 'branch')).toBeUndefined();
    expect(standingDuty('plan-submitted', cycle)).toEqual({ duty: 'registration', deadline: '2027-02-10', ownerLevelsUp: 0 });
    expect(standingDuty('returned', cycle)).toEqual({ duty: 'self-assessment', deadline: '2027-10-01', ownerLevelsUp: 0 });
    expect(standingDuty('awaiting-confirmation', cycle)).toBeUndefined();
    // Step 5: the commune confirms a recognised chi đoàn keeps the standard by 15/12 of the next year
    expect(standingDuty('recognised', cycle)).toEqual({ duty: 'maintain', deadline: '2028-12-15', ownerLevelsUp: 1 });
    expect(standingDuty('recognised', cycle, [2027])).toEqual({ duty: 'maintain', deadline: '2028-12-15', ownerLevelsUp: 1 });
    expect(standingDuty('recognised', cycle, [2028])).toBeUndefined();
    expect(standingDuty('revoked', cycle)).toBeUndefined();
  });
});

describe('the sweep of one day', () => {
  it('reads the dates 7 and 1 days ahead, yesterday, and the grace boundary', () => {
    expect(datesToRead('2027-02-11', [DEFAULT_REMINDERS, { daysBefore: [3], graceDays: 7 }])).toEqual(['2027-02-03', '2027-02-10', '2027-02-12', '2027-02-14', '2027-02-18']);
  });

  it('sends each recipient one digest: its own lines and its units’ lines together', () => {
    // Prepare: on 11/02 a branch of xa is overdue, another reminded; the commune xa itself is overdue
    const dues = [due('ap-1', '2027-02-10'), due('ap-2', '2027-02-12'), due('xa', '2027-02-10', ['tinh', 'tp'])];

    // Act
    const digests = planDigests('2027-02-11', dues, cycles);

    // Assess
    expect(digests.map((digest) => [digest.recipientUnitId, digest.lines.map((line) => `${line.kind}:${line.due.subjectUnitId}:${line.days}`)])).toEqual([
      ['ap-1', ['overdue:ap-1:1']],
      ['ap-2', ['reminder:ap-2:1']],
      ['tp', ['overdue-below:xa:1']],
      ['xa', ['overdue:xa:1', 'overdue-below:ap-1:1']],
    ]);
  });

  it('escalates only on the day the grace ends, and ignores a due date between', () => {
    const digests = planDigests('2027-02-18', [due('ap-1', '2027-02-10'), due('ap-2', '2027-02-12')], cycles);
    expect(digests.map((digest) => [digest.recipientUnitId, digest.lines.map((line) => line.kind)])).toEqual([['tp', ['escalation']]]);
  });

  it('escapes what units typed in their names, in the HTML', () => {
    const [digest] = planDigests('2027-02-11', [{ ...due('ap-1', '2027-02-10'), subjectName: 'Chi đoàn <b>ấp 1</b>' }], cycles);
    const message = digestMessage(digest!, ['a@x.vn'], { recipientName: 'Chi đoàn & Co', asOf: '2027-02-11', appUrl: 'https://app' });
    expect(message.html).toContain('Chi đoàn &lt;b&gt;ấp 1&lt;/b&gt;');
    expect(message.html).not.toContain('<b>ấp 1</b>');
    expect(message.subject).toBe('[Chi đoàn & Co] 1 việc quá hạn — ngày 11/02/2027');
    expect(message.text).toContain('Thực hiện: https://app/forms/self-assessment?cycle=');
  });

  it('links a leader to the dashboard of the level holding the late unit, searched for its name', () => {
    // Prepare: ap-1 of xa is late; its commune xa hears of it
    const digests = planDigests('2027-02-11', [due('ap-1', '2027-02-10')], cycles);
    const toCommune = digests.find((digest) => digest.recipientUnitId === 'xa')!;

    // Act
    const message = digestMessage(toCommune, ['xa@x.vn'], { recipientName: 'Đoàn xã', asOf: '2027-02-11', appUrl: 'https://app' });

    // Assess
    expect(message.text).toContain(`Thực hiện: https://app/dashboard/xa?cycle=${cycle.cycleId}&filter=late&q=Chi%20%C4%91o%C3%A0n%20ap-1`);
  });

  it("addresses a chi đoàn's Bí thư or a level's Ban Thường vụ, under headings that say what the lines are", () => {
    // Prepare: ap-1 is late; it hears of it, and so does its commune
    const digests = planDigests('2027-02-11', [due('ap-1', '2027-02-10')], cycles);
    const [toBranch, toCommune] = ['ap-1', 'xa'].map((unitId) => digests.find((digest) => digest.recipientUnitId === unitId)!);

    // Act
    const branch = digestMessage(toBranch!, ['a@x.vn'], { recipientName: 'Chi đoàn ấp 1', recipientKind: 'branch', asOf: '2027-02-11', appUrl: 'https://app' });
    const commune = digestMessage(toCommune!, ['b@x.vn'], { recipientName: 'Đoàn xã Tân Phú Đông', recipientKind: 'commune', asOf: '2027-02-11', appUrl: 'https://app' });

    // Assess
    expect(branch.text.split('\n')[0]).toBe('Kính gửi đồng chí Bí thư Chi đoàn ấp 1,');
    expect(branch.text).toContain('Việc của đơn vị đã quá hạn (1):');
    expect(commune.text.split('\n')[0]).toBe('Kính gửi Ban Thường vụ Đoàn xã Tân Phú Đông,');
    expect(commune.text).toContain('Đơn vị trực thuộc chưa hoàn thành đúng hạn (1):');
    for (const message of [branch, commune]) expect(message.text).not.toMatch(/lãnh đạo|trên trên/);
  });
});
