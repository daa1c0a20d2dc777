import * as z from 'zod';
import { requireCanSee, requireRole } from '../../domain/access.ts';
import { calendarDate } from '../../domain/dates.ts';
import { byName, unitIdSchema, type Unit } from '../../domain/organisation.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { VISITING_LEVELS } from '../../domain/visits/access.ts';
import { cadreStanding, placeStanding } from '../../domain/visits/overview.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { attachment, httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { XLSX_TYPE } from '../shared/edge/spreadsheets.ts';
import { getUnit, listChildren } from '../shared/store/units.ts';
import { listUsersOfUnit } from '../shared/store/users.ts';
import { listCadreYears, programmeOf, visitedUnder } from '../shared/store/visits.ts';
import { visitOverviewFileName, visitOverviewXlsx } from '../shared/views/visit-overview-xlsx.ts';

const querySchema = z.object({
  year: z.coerce.number({ error: 'Năm không hợp lệ.' }).int().min(2018, { error: 'Năm không hợp lệ.' }).max(2100, { error: 'Năm không hợp lệ.' }).optional(),
  format: z.enum(['json', 'xlsx'], { error: 'Định dạng là json hoặc xlsx.' }).default('json'),
});

/**
 * GET /api/visit-overview/{unitId}?year=&format=xlsx — the "1+2" practice as a leader reads it
 * (issue 18): each cadre of this level and the level below, days planned and done against the
 * target, months behind the pace; each commune below, visited or never, and how many of its chi
 * đoàn were; for one commune, its chi đoàn one by one. Index queries only: the units below, the
 * cadres' yearly summaries and the visited marks.
 */
export async function visitOverview(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'leader', 'organiser', 'admin');
  const unitId = parseOrThrow(unitIdSchema, event.pathParameters?.unitId, 'unitId');
  const query = parseOrThrow(querySchema, event.queryStringParameters ?? {});
  const unit = await getUnit(unitId);
  requireCanSee(identity, unit);
  const now = new Date();
  const today = calendarDate(now);
  const year = query.year ?? Number(today.slice(0, 4));
  // The pace is read at today's month this year, at the year's end for a past year.
  const month = year < Number(today.slice(0, 4)) ? 12 : year > Number(today.slice(0, 4)) ? 0 : Number(today.slice(5, 7));
  const programme = await programmeOf(unit, year);

  const children = (await listChildren(unit.unitId)).sort(byName);
  const cadreUnits = [unit, ...children].filter((candidate) => (VISITING_LEVELS as readonly string[]).includes(candidate.kind));
  const cadres = (
    await Promise.all(
      cadreUnits.map(async (cadreUnit) => {
        const [people, years] = await Promise.all([listUsersOfUnit(cadreUnit.unitId), listCadreYears(year, cadreUnit.unitId)]);
        const counted = new Map(years.map((summary) => [summary.userId, summary]));
        const enrolled = people.filter((person) => person.roles.includes('cadre') || counted.has(person.userId));
        return enrolled.map((person) => cadreStanding({ userId: person.userId, name: person.name, unitName: cadreUnit.name }, counted.get(person.userId), programme, month));
      }),
    )
  ).flat();

  const communes = await communesUnder(unit, children);
  const marks = await visitedUnder(year, communes.map((commune) => commune.unitId));
  const places = communes.map((commune) => placeStanding(commune, marks.get(commune.unitId) ?? []));
  // One commune: its chi đoàn one by one.
  const branches = unit.kind === 'commune' || unit.kind === 'grassroots' ? children.map((branch) => ({ unitId: branch.unitId, name: branch.name, visited: (marks.get(unit.unitId) ?? []).includes(branch.unitId) })) : undefined;
  const overview = { unit: { unitId: unit.unitId, name: unit.name, kind: unit.kind }, year, month, programme, cadres, places, branches };
  if (query.format === 'xlsx') return attachment(await visitOverviewXlsx(overview, now), XLSX_TYPE, visitOverviewFileName(unit.name, year));
  return json(200, overview);
}

/** The communes (and đoàn cơ sở) under a unit: its children, or its districts' children. */
async function communesUnder(unit: Unit, children: Unit[]): Promise<Unit[]> {
  if (unit.kind === 'commune' || unit.kind === 'grassroots') return [unit];
  const direct = children.filter((child) => child.kind === 'commune' || child.kind === 'grassroots');
  const levels = children.filter((child) => child.kind === 'district' || child.kind === 'province');
  const below = await Promise.all(levels.map(async (level) => (await listChildren(level.unitId)).filter((child) => child.kind === 'commune' || child.kind === 'grassroots')));
  return [...direct, ...below.flat()].sort(byName);
}

export const handler = httpHandler(visitOverview);
