import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, formatCalendarDate, formatDate, formatDateTime, parseCalendarDate, zonedInstant } from '../../domain/dates.ts';
import { nextFireTime } from '../../infra/local/scheduler.ts';

describe('Vietnam dates', () => {
  it('formats instants as dd/mm/yyyy in Vietnam time, whatever the server zone', () => {
    // 17:30 UTC on 9 February is already 10 February in Vietnam.
    expect(formatDate('2027-02-09T17:30:00Z')).toBe('10/02/2027');
    expect(formatDateTime('2027-02-09T17:30:00Z')).toBe('10/02/2027 00:30');
    expect(calendarDate(new Date('2027-02-09T17:30:00Z'))).toBe('2027-02-10');
    expect(formatCalendarDate('2027-02-15')).toBe('15/02/2027');
  });

  it('reads dates as people type them, dd/mm/yyyy, and only real ones', () => {
    expect(parseCalendarDate('15/07/2027')).toBe('2027-07-15');
    expect(parseCalendarDate('5/7/2027')).toBe('2027-07-05');
    expect(parseCalendarDate('29/02/2028')).toBe('2028-02-29');
    expect(['29/02/2027', '31/04/2027', '2027-07-15', '15/07/27', ''].map(parseCalendarDate)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('finds the instant of a Vietnam wall-clock time', () => {
    expect(zonedInstant('2027-02-10', 7, 0).toISOString()).toBe('2027-02-10T00:00:00.000Z');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });
});

describe('nextFireTime', () => {
  const daily = { id: 'd', workflowId: 'daily-sweep', hour: 7, minute: 0, timeZone: 'Asia/Ho_Chi_Minh', description: '' } as const;

  it('fires later the same Vietnam day when 07:00 is still ahead', () => {
    expect(nextFireTime(daily, new Date('2027-02-09T18:00:00Z')).toISOString()).toBe('2027-02-10T00:00:00.000Z');
  });

  it('fires the next day once 07:00 has passed, and never at the same instant twice', () => {
    expect(nextFireTime(daily, new Date('2027-02-10T00:00:00Z')).toISOString()).toBe('2027-02-11T00:00:00.000Z');
  });
});
