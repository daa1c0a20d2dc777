import * as z from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { calendarDate } from '../../domain/dates.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { requireVisitable, requireVisitingCadre } from '../../domain/visits/access.ts';
import { visitHistoryLine } from '../../domain/visits/history.ts';
import { countDays } from '../../domain/visits/counting.ts';
import type { VisitProgramme, VisitPurpose } from '../../domain/visits/programme.ts';
import { reportProblems, VISIT_REPORT_FORM_ID, visitLogSchema, visitRequestSchema, type Visit, type VisitReport } from '../../domain/visits/visit.ts';
import { evidenceIssues } from '../../domain/evidence.ts';
import { getEvidenceBatch } from '../shared/store/evidence.ts';
import type { Identity } from '../../domain/identity.ts';
import type { Unit } from '../../domain/organisation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { idempotentId } from '../shared/store/ids.ts';
import { getUnit } from '../shared/store/units.ts';
import { getCadreYears, getVisit, listVisitsOfCadre, programmeOf, storeVisit } from '../shared/store/visits.ts';
import { visitView } from '../shared/views/visit-views.ts';

const yearSchema = z.coerce.number({ error: 'Năm không hợp lệ.' }).int({ error: 'Năm không hợp lệ.' }).min(2018, { error: 'Năm không hợp lệ.' }).max(2100, { error: 'Năm không hợp lệ.' });

/**
 * The "1+2" visits of the cadre signed in (issue 18): GET /api/visits?year= (their year: the
 * programme, days planned and done, every visit), POST /api/visits (a visit planned, or logged
 * at once), PUT /api/visits/{visitId} (a planned visit logged on the day).
 */
export async function visits(event: HttpEvent) {
  const identity = await identityOf(event);
  const cadreUnit = await getUnit(identity.unitId);
  requireVisitingCadre(identity, cadreUnit);
  const now = new Date();
  switch (event.requestContext.http.method) {
    case 'GET': {
      const year = parseOrThrow(yearSchema, event.queryStringParameters?.year ?? calendarDate(now).slice(0, 4), 'year');
      const [programme, list, summaries] = await Promise.all([programmeOf(cadreUnit, year), listVisitsOfCadre(year, identity.userId), getCadreYears(year, [identity.userId])]);
      const count = summaries.get(identity.userId) ?? countDays([], programme);
      return json(200, { programme, count: { planned: count.planned, done: count.done, byMonth: count.byMonth }, visits: list.map((visit) => visitView(visit)) });
    }
    case 'POST':
      return planOrLog(identity, cadreUnit, event, now);
    case 'PUT':
      return logPlanned(identity, cadreUnit, event, now);
    default:
      throw new ValidationError('Phương thức không được hỗ trợ.');
  }
}

async function planOrLog(identity: Identity, cadreUnit: Unit, event: HttpEvent, now: Date) {
  const request = parseOrThrow(visitRequestSchema, jsonBody(event));
  const unit = await getUnit(request.unitId);
  requireVisitable(identity, unit);
  const year = Number(request.date.slice(0, 4));
  const programme = await programmeOf(cadreUnit, year);
  const purpose = programme.purposes.find((candidate) => candidate.id === request.purpose);
  if (!purpose) throw new ValidationError('Nội dung đi cơ sở không có trong chương trình năm.', [{ field: 'purpose', message: 'Chọn một nội dung trong danh sách.' }]);
  if (request.status === 'done') await requireLoggable({ date: request.date, unitId: unit.unitId, report: request.report }, purpose, identity, programme, now);
  const visit: Visit = {
    visitId: idempotentId(identity.userId, `visit:${request.idempotencyKey}`),
    programmeId: programme.programmeId,
    year,
    cadreUserId: identity.userId,
    cadreName: identity.name,
    cadreUnitId: cadreUnit.unitId,
    unitId: unit.unitId,
    unitName: unit.name,
    date: request.date,
    purpose: request.purpose,
    purposeLabel: purpose.label,
    halfDay: request.halfDay,
    status: request.status,
    report: request.status === 'done' ? request.report : undefined,
    plannedAt: now.toISOString(),
    loggedAt: request.status === 'done' ? now.toISOString() : undefined,
  };
  const stored = await storeVisit(visit, programme, madeAt(visit, cadreUnit.name, unit));
  if (!stored.stored && stored.visit.unitId !== visit.unitId) throw new ConflictError('Khóa chống gửi trùng đã được dùng cho một chuyến đi khác.');
  return json(stored.stored ? 201 : 200, visitView(stored.visit));
}

async function logPlanned(identity: Identity, cadreUnit: Unit, event: HttpEvent, now: Date) {
  const planned = await getVisit(event.pathParameters?.visitId ?? '');
  if (!planned || planned.cadreUserId !== identity.userId) throw new NotFoundError('Không tìm thấy chuyến đi này trong kế hoạch của bạn.');
  const request = parseOrThrow(visitLogSchema, jsonBody(event));
  const programme = await programmeOf(cadreUnit, planned.year);
  if (planned.status === 'done') return json(200, visitView(planned));
  const purpose = programme.purposes.find((candidate) => candidate.id === planned.purpose);
  await requireLoggable({ date: planned.date, unitId: planned.unitId, report: request.report }, purpose, identity, programme, now);
  const visit: Visit = { ...planned, halfDay: request.halfDay ?? planned.halfDay, status: 'done', report: request.report, loggedAt: now.toISOString() };
  const stored = await storeVisit(visit, programme, madeAt(visit, cadreUnit.name, await getUnit(visit.unitId)));
  return json(200, visitView(stored.visit));
}

/** A visit made: its line in the unit's history and the commune it marks as visited. */
function madeAt(visit: Visit, cadreUnitName: string, unit: Unit): { historyLine: string; communeId?: string } | undefined {
  const historyLine = visitHistoryLine(visit, cadreUnitName);
  if (!historyLine) return undefined;
  const communeId = unit.kind === 'branch' ? unit.ancestors.at(-1) : unit.kind === 'commune' || unit.kind === 'grassroots' ? unit.unitId : undefined;
  return { historyLine, communeId };
}

/**
 * A visit is logged on the day or after, never ahead; its report holds what its purpose asks; each
 * photo it cites is checked, taken by this cadre at this unit for this programme (as a form's
 * evidence is checked).
 */
async function requireLoggable(
  log: { date: string; unitId: string; report: VisitReport },
  purpose: VisitPurpose | undefined,
  identity: Identity,
  programme: VisitProgramme,
  now: Date,
): Promise<void> {
  const found = await getEvidenceBatch(log.report.evidence);
  const theirs = new Map([...found].filter(([, evidence]) => evidence.uploadedBy === identity.userId));
  const problems = [
    ...(log.date > calendarDate(now) ? [{ field: 'date', message: 'Chưa đến ngày đi cơ sở: chỉ ghi nhận chuyến đi từ ngày đó trở đi.' }] : []),
    ...reportProblems(!!purpose?.meeting, log.report),
    ...evidenceIssues(log.report, theirs, { unitId: log.unitId, cycleId: programme.programmeId, formId: VISIT_REPORT_FORM_ID }).map((issue) => ({ ...issue, field: issue.field.replace(/^data\./, 'report.') })),
  ];
  if (problems.length > 0) throw new ValidationError(problems[0]!.message, problems);
}

export const handler = httpHandler(visits);
