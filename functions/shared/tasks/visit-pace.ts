import { addDays } from '../../../domain/dates.ts';
import { visitPaceMessage } from '../../../domain/notices/visit-pace.ts';
import { paceBy } from '../../../domain/visits/counting.ts';
import { VISITING_LEVELS } from '../../../domain/visits/access.ts';
import { config } from '../config/config.ts';
import { expiresAfter, keys, KEEP_DAYS } from '../store/keys.ts';
import { suppressedAmong } from '../store/suppressions.ts';
import { putOnce } from '../store/table.ts';
import { getUnit, listChildren } from '../store/units.ts';
import { listUsersOfUnit } from '../store/users.ts';
import { getCadreYears, listProgrammes } from '../store/visits.ts';

export const visitPaceNoticeId = (asOf: string, userId: string) => `visits-pace#${asOf}#${userId}`;

/**
 * Part of the daily sweep, on the first of each month: every cadre (role `cadre`) of a province
 * that adopted its "1+2" programme for the year, behind the programme's pace at the end of the
 * month just ended, is reminded, once: the notice id is the date and the person. Reads the year's
 * programmes (one query), each province's cadres (its unit and the levels under it that visit)
 * and their summaries (key lookups). Returns the ids of the notices queued.
 */
export async function queuePaceReminders(asOf: string, now: Date): Promise<string[]> {
  if (!asOf.endsWith('-01')) return [];
  const ended = addDays(asOf, -1);
  const year = Number(ended.slice(0, 4));
  const month = Number(ended.slice(5, 7));
  const ids: string[] = [];
  for (const programme of await listProgrammes(year)) {
    const scope = await getUnit(programme.scopeUnitId);
    const levels = [scope, ...(await listChildren(scope.unitId)).filter((unit) => (VISITING_LEVELS as readonly string[]).includes(unit.kind))];
    const cadres = (await Promise.all(levels.map((unit) => listUsersOfUnit(unit.unitId)))).flat().filter((user) => user.roles.includes('cadre'));
    const [years, suppressed] = await Promise.all([getCadreYears(year, cadres.map((cadre) => cadre.userId)), suppressedAmong(cadres.map((cadre) => cadre.email))]);
    const pace = paceBy(month, programme);
    for (const cadre of cadres) {
      const done = years.get(cadre.userId)?.done ?? 0;
      if (done >= pace || suppressed.has(cadre.email.toLowerCase())) continue;
      const noticeId = visitPaceNoticeId(asOf, cadre.userId);
      const message = visitPaceMessage(cadre, { done, pace, month, year, targetDays: programme.targetDays, programmeTitle: programme.title }, config.appUrl);
      await putOnce({ ...keys.notice(noticeId), noticeId, ...message, kind: 'visit-pace', asOf, userId: cadre.userId, status: 'pending', createdAt: now.toISOString(), ...expiresAfter(now, KEEP_DAYS.notice) });
      ids.push(noticeId);
    }
  }
  return ids;
}
