import type { VisitProgramme } from './programme.ts';

/** What the counting needs of a visit. */
export interface CountedVisit {
  unitId: string;
  /** The calendar date of the visit (yyyy-mm-dd), as the cadre gave it: Vietnam's date. */
  date: string;
  halfDay: boolean;
  status: 'planned' | 'done';
  /** A visit logged as not made (the cadre could not go) counts for nothing. */
  attended?: boolean;
}

export interface DayCount {
  /** Days planned this year (every visit on the calendar, done or not). */
  planned: number;
  /** Days done this year (visits logged as made). */
  done: number;
  /** Days done in each month, January first. */
  byMonth: number[];
}

/**
 * Days at the grassroots in a programme's year, by the programme's rules:
 * - a visit counts for its calendar date's year only (31/12 this year, 01/01 the next);
 * - a half day counts `halfDayCredit`, a full day 1;
 * - the same unit twice on one day counts once (the larger of the two);
 * - a day counts at most 1, however many units were visited that day;
 * - a visit logged as not made counts for nothing (planned still counts it, as planned).
 */
export function countDays(visits: CountedVisit[], programme: Pick<VisitProgramme, 'year' | 'halfDayCredit'>): DayCount {
  const credit = (visit: CountedVisit) => (visit.halfDay ? programme.halfDayCredit : 1);
  const sum = (list: CountedVisit[]) => {
    // date → unit → the largest credit of that unit on that date
    const byDate = new Map<string, Map<string, number>>();
    for (const visit of list.filter((candidate) => Number(candidate.date.slice(0, 4)) === programme.year)) {
      const units = byDate.get(visit.date) ?? new Map<string, number>();
      units.set(visit.unitId, Math.max(units.get(visit.unitId) ?? 0, credit(visit)));
      byDate.set(visit.date, units);
    }
    return new Map([...byDate].map(([date, units]) => [date, Math.min(1, [...units.values()].reduce((total, value) => total + value, 0))]));
  };
  const done = sum(visits.filter((visit) => visit.status === 'done' && visit.attended !== false));
  const byMonth = Array.from({ length: 12 }, () => 0);
  for (const [date, days] of done) byMonth[Number(date.slice(5, 7)) - 1]! += days;
  const total = (days: Map<string, number>) => [...days.values()].reduce((sum, value) => sum + value, 0);
  return { planned: total(sum(visits)), done: total(done), byMonth };
}

/** Days a cadre should have done by the end of month `month` (1–12) at the programme's pace. */
export function paceBy(month: number, programme: Pick<VisitProgramme, 'monthlyPaceDays' | 'targetDays'>): number {
  return Math.min(programme.targetDays, month * programme.monthlyPaceDays);
}

/**
 * Whole months of the pace a cadre is behind by the end of `month` (0 when on pace): 7 days done
 * by the end of March at 5 a month is 8 short, one whole month and a part, so 2 months behind.
 */
export function monthsBehind(done: number, month: number, programme: Pick<VisitProgramme, 'monthlyPaceDays' | 'targetDays'>): number {
  const short = paceBy(month, programme) - done;
  return short <= 0 ? 0 : Math.ceil(short / programme.monthlyPaceDays);
}
