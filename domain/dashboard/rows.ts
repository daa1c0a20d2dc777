import type { UnitKind } from '../organisation.ts';
import { STANDING_STATES, type StandingState } from '../process/states.ts';
import type { TemplateId } from '../recognition/templates.ts';
import { REPORT_IDS, type ReportId } from '../reports/definitions.ts';
import { COUNTED_STATES, SAMPLED, parseChildEntry } from './tallies.ts';
import { targetsOn, type Targets } from '../recognition/targets.ts';

export type { Targets };
import { foldForSearch } from '../text.ts';
import type { Duty } from '../deadlines/obligations.ts';

/**
 * A dashboard: one row per unit directly below, and their total, each against the cycle's
 * targets. Computed from a unit's tally and counts only (tallies.ts), never from the chi đoàn.
 */
export interface DashboardRow {
  unitId: string;
  name: string;
  kind: UnitKind;
  /** What the targets are shares of: residential chi đoàn (Model A) or đoàn cơ sở (Model B). */
  eligible: number;
  byState: Partial<Record<StandingState, number>>;
  notStarted: number;
  registered: number;
  recognised: number;
  /** Units still missing to reach each target (0 when reached). */
  registrationGap: number;
  recognitionGap: number;
  /** The yearly reports this unit has sent up (rows only). */
  reportsSent: ReportId[];
  /** Sampled chi đoàn the appraisal team found as claimed, and not as claimed. */
  verified: number;
  notAsClaimed: number;
  /** Chi đoàn drawn into the appraisal team's sample. */
  sampled: number;
  /** Open obligations past their deadline (today excluded), and which duties they are. */
  late: number;
  lateByDuty: Partial<Record<Duty, number>>;
}

/** What each model's targets are shares of. */
const DENOMINATOR: Record<TemplateId, 'residential' | 'bases'> = { 'chi-doan-dat-chuan': 'residential', 'doan-co-so-3-chu-dong': 'bases' };

type Counters = Record<string, unknown>;
const numberAt = (counters: Counters, name: string) => (typeof counters[name] === 'number' ? (counters[name]) : 0);

/**
 * The late obligations under each prefix ("all:" or "c:<child>:"), read in one pass over the
 * counters: `<prefix>o:<duty>:<deadline>` is late when its deadline is before today (Vietnam).
 */
function lateByPrefix(counters: Counters, today: string): Map<string, Partial<Record<Duty, number>>> {
  const late = new Map<string, Partial<Record<Duty, number>>>();
  for (const [name, value] of Object.entries(counters)) {
    const match = /^(all:|c:[^:]+:)o:([a-z-]+):(\d{4}-\d{2}-\d{2})$/.exec(name);
    if (!match || typeof value !== 'number' || value <= 0 || match[3]! >= today) continue;
    const duties = late.get(match[1]!) ?? {};
    const duty = match[2] as Duty;
    duties[duty] = (duties[duty] ?? 0) + value;
    late.set(match[1]!, duties);
  }
  return late;
}

function row(base: Pick<DashboardRow, 'unitId' | 'name' | 'kind' | 'eligible'>, countOf: (state: string) => number, templateId: TemplateId, targets: Targets, lateByDuty: Partial<Record<Duty, number>> = {}): DashboardRow {
  const byState = Object.fromEntries(STANDING_STATES.map((state) => [state, countOf(state)]).filter(([, count]) => (count as number) > 0)) as DashboardRow['byState'];
  const sum = (states: StandingState[]) => states.reduce((total, state) => total + (byState[state] ?? 0), 0);
  const registered = sum(COUNTED_STATES[templateId]);
  const recognised = byState.recognised ?? 0;
  const gap = (share: number | undefined, reached: number) => (share === undefined ? 0 : Math.max(0, Math.ceil(share * base.eligible - 1e-9) - reached));
  return {
    ...base,
    byState,
    notStarted: Math.max(0, base.eligible - registered),
    registered,
    recognised,
    registrationGap: gap(targets.registrationShare, registered),
    recognitionGap: gap(targets.recognitionShare, recognised),
    reportsSent: [],
    verified: countOf('appraisal:verified'),
    notAsClaimed: countOf('appraisal:failed'),
    sampled: countOf(SAMPLED),
    late: Object.values(lateByDuty).reduce((total, count) => total + count, 0),
    lateByDuty,
  };
}

export interface WeekPoint {
  /** Monday of the week, yyyy-mm-dd. */
  week: string;
  /** Cumulative by the end of that week. */
  registered: number;
  recognised: number;
}

/** The year's curves: registered and recognised, cumulative, a point per week that moved. */
export function weeklySeries(counts: Counters): WeekPoint[] {
  const weeks = new Map<string, { registered: number; recognised: number }>();
  for (const [name, value] of Object.entries(counts)) {
    const match = /^w:(\d{4}-\d{2}-\d{2}):(registered|recognised)$/.exec(name);
    if (!match || typeof value !== 'number') continue;
    const week = weeks.get(match[1]!) ?? { registered: 0, recognised: 0 };
    week[match[2] as 'registered' | 'recognised'] += value;
    weeks.set(match[1]!, week);
  }
  let registered = 0;
  let recognised = 0;
  return [...weeks.keys()].sort().map((week) => {
    registered += weeks.get(week)!.registered;
    recognised += weeks.get(week)!.recognised;
    return { week, registered, recognised };
  });
}

export function dashboardOf(
  unit: { unitId: string; name: string; kind: UnitKind },
  tally: Counters,
  counts: Counters,
  cycle: { templateId: TemplateId; targets: Targets },
  today: string,
): { total: DashboardRow; rows: DashboardRow[]; weeks: WeekPoint[] } {
  const measure = DENOMINATOR[cycle.templateId];
  const late = lateByPrefix(counts, today);
  const targets = targetsOn(cycle.targets, today);
  const rows = Object.keys(tally)
    .filter((name) => name.startsWith('n:'))
    .map((name) => {
      const childId = name.slice(2);
      const child = parseChildEntry(String(tally[name]));
      // A chi đoàn is its own row's denominator; any other unit has its subtree counted.
      const eligible = child.kind === 'branch' ? (measure === 'residential' && child.residential ? 1 : 0) : numberAt(tally, `c:${childId}:${measure}`);
      const figures = row({ unitId: childId, name: child.name, kind: child.kind, eligible }, (state) => numberAt(counts, `c:${childId}:${state}`), cycle.templateId, targets, late.get(`c:${childId}:`));
      return { ...figures, reportsSent: REPORT_IDS.filter((reportId) => numberAt(counts, `r:${childId}:${reportId}`) > 0) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const total = row({ ...unit, eligible: numberAt(tally, `all:${measure}`) }, (state) => numberAt(counts, `all:${state}`), cycle.templateId, targets, late.get('all:'));
  return { total, rows, weeks: weeklySeries(counts) };
}

/** The lists a leader narrows a dashboard to: the page and its Excel use the same ones. */
export const ROW_FILTERS = {
  all: { label: 'Tất cả đơn vị', keep: () => true },
  late: { label: 'Có việc quá hạn', keep: (row: DashboardRow) => row.late > 0 },
  missed: { label: 'Chưa đạt chỉ tiêu', keep: (row: DashboardRow) => row.registrationGap > 0 || row.recognitionGap > 0 },
  'not-started': { label: 'Còn đơn vị chưa bắt đầu', keep: (row: DashboardRow) => row.notStarted > 0 },
  returned: { label: 'Có hồ sơ bị trả lại hoặc chưa đạt tiêu chí', keep: (row: DashboardRow) => (row.byState.returned ?? 0) + (row.byState['criteria-failed'] ?? 0) > 0 },
  sampled: { label: 'Có chi đoàn trong mẫu thẩm định', keep: (row: DashboardRow) => row.sampled > 0 },
} as const satisfies Record<string, { label: string; keep: (row: DashboardRow) => boolean }>;
export type RowFilterId = keyof typeof ROW_FILTERS;
export const ROW_FILTER_IDS = Object.keys(ROW_FILTERS) as [RowFilterId, ...RowFilterId[]];

/** The rows a filter and a search keep; the search ignores case and diacritics ("phu thuan" finds "Phú Thuận"). */
export function filterRows(rows: DashboardRow[], filter: RowFilterId, search: string): DashboardRow[] {
  const wanted = foldForSearch(search.trim());
  return rows.filter((row) => ROW_FILTERS[filter].keep(row) && (!wanted || foldForSearch(row.name).includes(wanted)));
}
