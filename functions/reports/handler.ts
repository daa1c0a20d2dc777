import * as z from 'zod';
import { requireCanSee, requireRole } from '../../domain/access.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { narrativeIssues, REPORT_IDS, REPORTS, reportRequestSchema, sendsReport, type SentReport } from '../../domain/reports/reports.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { requireCycleOfUnit } from '../shared/access/cycle-access.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { attachment, DOCX_TYPE, httpHandler, json, jsonBody, type HttpEvent, type HttpResult } from '../shared/edge/http.ts';
import { XLSX_TYPE } from '../shared/edge/spreadsheets.ts';
import { getReport, storeReport } from '../shared/store/reports.ts';
import { dashboardFor } from '../shared/store/tallies.ts';
import { targetsOn } from '../../domain/recognition/targets.ts';
import { calendarDate } from '../../domain/dates.ts';
import { getUnit } from '../shared/store/units.ts';
import { reportDocx } from '../shared/views/report-docx.ts';
import { reportXlsx } from '../shared/views/report-xlsx.ts';

const formatSchema = z.object({ format: z.enum(['json', 'xlsx', 'docx'], { error: 'Định dạng là json, xlsx hoặc docx.' }).default('json') });
const pathSchema = z.object({ cycleId: z.string(), unitId: z.string(), reportId: z.enum(REPORT_IDS, { error: 'Loại báo cáo không hợp lệ.' }) });

/**
 * POST /api/reports: a unit sends a yearly report upward, its figures taken from its dashboard at
 * that moment and kept so. Sending again replaces it (version + 1); the same key again is a retry.
 * GET /api/reports/{cycleId}/{unitId}/{reportId}[?format=xlsx|docx]: the report as sent, to the
 * unit and the levels above it.
 */
export async function reports(event: HttpEvent): Promise<HttpResult> {
  const identity = await identityOf(event);
  if (event.requestContext.http.method === 'GET') {
    requireRole(identity, 'secretary', 'organiser', 'leader', 'admin');
    const { cycleId, unitId, reportId } = parseOrThrow(pathSchema, event.pathParameters ?? {});
    const { format } = parseOrThrow(formatSchema, event.queryStringParameters ?? {});
    requireCanSee(identity, await getUnit(unitId));
    const report = await getReport(cycleId, unitId, reportId);
    if (!report) throw new NotFoundError('Đơn vị chưa gửi báo cáo này.');
    if (format === 'json') return json(200, report);
    const body = format === 'docx' ? await reportDocx(report) : await reportXlsx(report);
    const name = `${REPORTS[reportId].fileName}-${unitId}-v${report.version}.${format}`;
    return attachment(body, format === 'docx' ? DOCX_TYPE : XLSX_TYPE, name);
  }

  requireRole(identity, 'secretary', 'organiser', 'leader');
  const request = parseOrThrow(reportRequestSchema, jsonBody(event));
  const issues = narrativeIssues(request);
  if (issues.length > 0) throw new ValidationError('Báo cáo còn phần chưa viết.', issues);
  const unit = await getUnit(identity.unitId);
  if (unit.kind === 'branch') throw new ForbiddenError('Báo cáo này do Đoàn cấp xã trở lên gửi, không phải chi đoàn.');
  if (!sendsReport(request.reportId, unit.kind)) throw new ForbiddenError(`"${REPORTS[request.reportId].title}" không phải việc của cấp đơn vị bạn.`);
  const cycle = await requireCycleOfUnit(identity, request.cycleId);
  if (!cycle.reports.some((report) => report.id === request.reportId)) {
    throw new ValidationError('Đợt công nhận này không có báo cáo đó.', [{ field: 'reportId', message: 'Loại báo cáo không thuộc đợt này.' }]);
  }
  const previous = await getReport(cycle.cycleId, unit.unitId, request.reportId);
  if (previous?.idempotencyKey === request.idempotencyKey) return json(200, previous);
  const now = new Date();
  const { total, rows } = await dashboardFor(unit, cycle, now);
  const upper = unit.parentId ? await getUnit(unit.parentId) : undefined;
  const report: SentReport = {
    cycleId: cycle.cycleId,
    cycleTitle: cycle.title,
    reportId: request.reportId,
    unitId: unit.unitId,
    unitName: unit.name,
    upperName: upper?.name,
    number: request.number,
    place: request.place,
    signer: request.signer,
    narrative: request.narrative,
    figures: { templateId: cycle.templateId, targets: targetsOn(cycle.targets, calendarDate(now)), total, rows },
    version: (previous?.version ?? 0) + 1,
    idempotencyKey: request.idempotencyKey,
    sentAt: now.toISOString(),
    sentBy: { userId: identity.userId, name: identity.name },
  };
  await storeReport(report, previous, unit.parentId);
  return json(201, report);
}

export const handler = httpHandler(reports);
