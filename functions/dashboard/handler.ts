import * as z from 'zod';
import { requireCanSee, requireRole } from '../../domain/access.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { requireCycleVisible } from '../shared/access/cycle-access.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { attachment, httpHandler, json, type HttpEvent, type HttpResult } from '../shared/edge/http.ts';
import { XLSX_TYPE } from '../shared/edge/spreadsheets.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { dashboardFor } from '../shared/store/tallies.ts';
import { getUnit } from '../shared/store/units.ts';
import { dashboardFileName, dashboardXlsx, type BranchLine } from '../shared/views/dashboard-xlsx.ts';
import { filterRows, ROW_FILTER_IDS, ROW_FILTERS, type DashboardRow } from '../../domain/dashboard/rows.ts';
import { getStandingsOwing } from '../shared/store/process.ts';
import { targetsOn } from '../../domain/recognition/targets.ts';
import { calendarDate } from '../../domain/dates.ts';

const querySchema = z.object({
  format: z.enum(['json', 'xlsx'], { error: 'Định dạng là json hoặc xlsx.' }).default('json'),
  /** The Excel of what the page shows: the same filter and search. */
  filter: z.enum(ROW_FILTER_IDS, { error: 'Bộ lọc không có trong danh sách.' }).default('all'),
  q: z.string().max(100, { error: 'Từ khóa tìm tối đa 100 ký tự.' }).default(''),
});

/**
 * GET /api/dashboard/{cycleId}/{unitId}[?format=xlsx]: a unit's year at a glance: one row per
 * unit directly below and their total, against the cycle's targets. Reads the unit's tally and
 * counts (two items), whatever the size of the tree below.
 */
export async function dashboard(event: HttpEvent): Promise<HttpResult> {
  const identity = await identityOf(event);
  requireRole(identity, 'secretary', 'organiser', 'leader', 'admin');
  const { cycleId = '', unitId = '' } = event.pathParameters ?? {};
  const { format, filter, q } = parseOrThrow(querySchema, event.queryStringParameters ?? {});
  const unit = await getUnit(unitId);
  requireCanSee(identity, unit);
  const cycle = await getCycle(cycleId);
  await requireCycleVisible(identity, cycle.scopeUnitId);
  const now = new Date();
  const { total, rows, weeks } = await dashboardFor(unit, cycle, now);
  if (format === 'xlsx') {
    const shown = filterRows(rows, filter, q);
    const narrowedTo = [filter === 'all' ? '' : ROW_FILTERS[filter].label, q.trim() ? `tìm "${q.trim()}"` : ''].filter(Boolean).join(', ');
    const branches = await branchLines(cycle.cycleId, shown.filter((row) => row.kind === 'branch'));
    const body = await dashboardXlsx({ unitName: unit.name, cycleTitle: cycle.title, templateId: cycle.templateId, targets: targetsOn(cycle.targets, calendarDate(now)), total, rows: shown, narrowedTo, branches }, now);
    return attachment(body, XLSX_TYPE, dashboardFileName(unit.name, now));
  }
  return json(200, {
    // The targets that apply today (a phase's, if the cycle has phases), with the phases and pilot share.
    cycle: { cycleId: cycle.cycleId, title: cycle.title, templateId: cycle.templateId, targets: targetsOn(cycle.targets, calendarDate(now)) },
    unit: { unitId: unit.unitId, name: unit.name, kind: unit.kind, parentId: unit.parentId },
    total,
    rows,
    weeks,
    deadlines: {
      registration: cycle.steps.find((step) => step.id === 'register')?.deadline,
      results: cycle.reports.find((report) => report.id === 'results-report')?.deadline,
    },
  });
}

/** A commune's chi đoàn with their criteria: their standings, one item per row shown (none above a commune). */
async function branchLines(cycleId: string, rows: DashboardRow[]): Promise<BranchLine[] | undefined> {
  if (rows.length === 0) return undefined;
  const standings = await getStandingsOwing(cycleId, rows.map((row) => row.unitId));
  return rows.map((row) => {
    const standing = standings.get(row.unitId);
    return {
      name: row.name,
      state: standing?.state,
      updatedAt: standing?.updatedAt,
      criteria: (standing?.criteria ?? []).map((criterion) => ({ number: criterion.number, pass: criterion.pass })),
      owes: standing?.owes && { duty: standing.owes.duty, deadline: standing.owes.deadline },
    };
  });
}

export const handler = httpHandler(dashboard);
