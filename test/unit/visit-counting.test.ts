import { describe, expect, it } from 'vitest';
import { countDays, monthsBehind, paceBy, type CountedVisit } from '../../domain/visits/counting.ts';
import { defaultProgramme } from '../../domain/visits/programme.ts';

const programme = defaultProgramme(2027, 'dong-thap', 'Tỉnh Đoàn Đồng Tháp');
const visit = (date: string, unitId: string, halfDay = false, status: CountedVisit['status'] = 'done'): CountedVisit => ({ date, unitId, halfDay, status });

describe('counting days at the grassroots', () => {
  it('counts a half day as half, a whole day as one', () => {
    // Act
    const count = countDays([visit('2027-03-02', 'ap-a'), visit('2027-03-09', 'ap-b', true)], programme);

    // Assess
    expect(count.done).toBe(1.5);
    expect(count.byMonth[2]).toBe(1.5);
  });

  it('counts the same unit twice on one day once, the larger, and never more than a day for a date', () => {
    // Act
    const sameUnit = countDays([visit('2027-04-05', 'ap-a', true), visit('2027-04-05', 'ap-a', true)], programme);
    const halfAndWhole = countDays([visit('2027-04-05', 'ap-a', true), visit('2027-04-05', 'ap-a')], programme);
    const twoHalves = countDays([visit('2027-04-05', 'ap-a', true), visit('2027-04-05', 'ap-b', true)], programme);
    const twoWhole = countDays([visit('2027-04-05', 'ap-a'), visit('2027-04-05', 'ap-b')], programme);

    // Assess
    expect([sameUnit.done, halfAndWhole.done, twoHalves.done, twoWhole.done]).toEqual([0.5, 1, 1, 1]);
  });

  it('counts a visit for its own date\'s year: 31/12 this year, 01/01 the next', () => {
    // Act
    const count = countDays([visit('2026-12-31', 'ap-a'), visit('2027-01-01', 'ap-a'), visit('2027-12-31', 'ap-b', true), visit('2028-01-01', 'ap-b')], programme);

    // Assess
    expect(count.done).toBe(1.5);
    expect(count.byMonth[0]).toBe(1);
    expect(count.byMonth[11]).toBe(0.5);
  });

  it('counts planned days apart from days done', () => {
    // Act
    const count = countDays([visit('2027-05-03', 'ap-a', false, 'planned'), visit('2027-05-04', 'ap-b'), visit('2027-05-10', 'ap-c', true, 'planned')], programme);

    // Assess
    expect(count).toMatchObject({ planned: 2.5, done: 1 });
  });

  it('sets the pace at 5 days a month up to 60, and says how many months behind a cadre is', () => {
    // Assess
    expect([paceBy(1, programme), paceBy(3, programme), paceBy(12, programme)]).toEqual([5, 15, 60]);
    expect(monthsBehind(15, 3, programme)).toBe(0);
    expect(monthsBehind(7, 3, programme)).toBe(2);
    expect(monthsBehind(4.5, 1, programme)).toBe(1);
    expect(monthsBehind(0, 12, programme)).toBe(12);
  });
});
