import { monthsBehind, paceBy } from './counting.ts';
import type { VisitProgramme } from './programme.ts';

export interface CadreStanding {
  userId: string;
  name: string;
  unitName: string;
  planned: number;
  done: number;
  target: number;
  /** Days expected by the end of the month read (0 before the year starts). */
  pace: number;
  monthsBehind: number;
  lastVisit?: string;
}

/** A cadre against the programme, at the end of `month` (1–12). */
export function cadreStanding(
  person: { userId: string; name: string; unitName: string },
  count: { planned: number; done: number; lastVisit?: string } | undefined,
  programme: Pick<VisitProgramme, 'targetDays' | 'monthlyPaceDays'>,
  month: number,
): CadreStanding {
  const done = count?.done ?? 0;
  return {
    ...person,
    planned: count?.planned ?? 0,
    done,
    target: programme.targetDays,
    pace: month > 0 ? paceBy(month, programme) : 0,
    monthsBehind: month > 0 ? monthsBehind(done, month, programme) : 0,
    lastVisit: count?.lastVisit,
  };
}

export interface PlaceStanding {
  unitId: string;
  name: string;
  /** The commune itself or any of its chi đoàn visited this year. */
  visited: boolean;
  branchesVisited: number;
}

/** A commune from the units visited under it this year (itself and its chi đoàn). */
export function placeStanding(commune: { unitId: string; name: string }, visitedUnits: string[]): PlaceStanding {
  return { unitId: commune.unitId, name: commune.name, visited: visitedUnits.length > 0, branchesVisited: visitedUnits.filter((unitId) => unitId !== commune.unitId).length };
}
