import { useEffect, useMemo, useState } from 'react';
import { filterRows, ROW_FILTER_IDS, ROW_FILTERS, type DashboardRow, type RowFilterId, type WeekPoint } from '../../../domain/dashboard/rows.ts';
import type { Duty } from '../../../domain/deadlines/obligations.ts';
import type { Targets } from '../../../domain/recognition/targets.ts';
import { formatCalendarDate } from '../../../domain/dates.ts';
import { KIND_LABELS } from '../../../domain/imports.ts';
import { REPORTS } from '../../../domain/reports/reports.ts';
import { STATE_LABELS, type StandingState } from '../../../domain/process/states.ts';
import { ApiError, currentSession, download, request } from '../api.ts';
import { TargetBar } from '../components/TargetBar.tsx';
import { WeeklyChart } from '../components/WeeklyChart.tsx';
import { navigate } from '../router.ts';

interface DashboardData {
  cycle: { cycleId: string; title: string; templateId: string; targets: Targets & { phaseUntil?: string } };
  unit: { unitId: string; name: string; kind: string; parentId?: string };
  total: DashboardRow;
  rows: DashboardRow[];
  weeks: WeekPoint[];
  deadlines: { registration?: string; results?: string };
}

/** Each duty, late, in the few words a chip has room for. */
const LATE_WORDS: Record<Duty, string> = {
  'implementation-plan': 'chưa gửi kế hoạch',
  registration: 'chưa đăng ký chi đoàn',
  'self-assessment': 'chưa gửi hồ sơ tự đánh giá',
  'three-proactive-plan': 'chưa đăng ký "3 chủ động"',
  'assign-cadre': 'chưa phân công cán bộ theo dõi',
  'results-report': 'chưa gửi báo cáo kết quả',
  'youth-situation-report': 'chưa gửi báo cáo tình hình thanh niên',
  'registration-summary': 'chưa gửi tổng hợp đăng ký lên Tỉnh Đoàn',
  maintain: 'chưa xác nhận duy trì chuẩn',
  'three-proactive-status': 'chưa báo cáo tình hình "3 chủ động"',
};

const isFilter = (value: string): value is RowFilterId => (ROW_FILTER_IDS as string[]).includes(value);

/** "2 chưa gửi kế hoạch, 1 chưa gửi hồ sơ": what the late count is made of, in short words. */
function lateDetail(row: DashboardRow): string {
  return (Object.entries(row.lateByDuty) as [Duty, number][]).map(([duty, count]) => `${count.toLocaleString('vi-VN')} ${LATE_WORDS[duty]}`).join(', ');
}

function StateChips({ row }: { row: DashboardRow }) {
  const entries = Object.entries(row.byState) as [StandingState, number][];
  return (
    <ul className="chips">
      {row.late > 0 && (
        <li className="chip-late" title={lateDetail(row)}>
          Quá hạn: {row.late.toLocaleString('vi-VN')} việc ({lateDetail(row)})
        </li>
      )}
      {row.notStarted > 0 && <li>Chưa bắt đầu: {row.notStarted.toLocaleString('vi-VN')}</li>}
      {row.sampled > 0 && <li>Trong mẫu thẩm định: {row.sampled.toLocaleString('vi-VN')}</li>}
      {row.verified > 0 && <li className="chip-recognised">Thẩm định đúng như hồ sơ: {row.verified.toLocaleString('vi-VN')}</li>}
      {row.notAsClaimed > 0 && <li className="chip-returned">Thẩm định không đúng như hồ sơ: {row.notAsClaimed.toLocaleString('vi-VN')}</li>}
      {entries.map(([state, count]) => (
        <li key={state} className={`chip-${state}`}>
          {STATE_LABELS[state]}: {count.toLocaleString('vi-VN')}
        </li>
      ))}
    </ul>
  );
}

/** The targets by phase and the pilot share, when the cycle has them. */
function TargetNotes({ targets }: { targets: DashboardData['cycle']['targets'] }) {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const phases = [...(targets.phases ?? [])].sort((a, b) => a.until.localeCompare(b.until));
  if (phases.length === 0 && targets.pilotShare === undefined) return null;
  return (
    <p className="muted" data-testid="target-notes">
      {phases.length > 0 && `Chỉ tiêu đạt chuẩn theo giai đoạn: ${phases.map((phase) => `${percent(phase.recognitionShare)} đến ${formatCalendarDate(phase.until)}`).join('; ')}${targets.phaseUntil ? ` (đang áp dụng ${percent(targets.recognitionShare ?? 0)})` : ''}. `}
      {targets.pilotShare !== undefined && `Mỗi xã, phường chọn làm điểm ít nhất ${percent(targets.pilotShare)} chi đoàn trên địa bàn dân cư.`}
    </p>
  );
}

/** A chi đoàn is one unit: its state, not bars. */
function BranchState({ row }: { row: DashboardRow }) {
  const state = (Object.keys(row.byState) as StandingState[])[0];
  const late = row.late > 0 && <span className="chip-late"> Quá hạn: {lateDetail(row)}</span>;
  if (state)
    return (
      <span>
        <span className={`state state-${state}`}>{STATE_LABELS[state]}</span>
        {late}
      </span>
    );
  return <span className="muted">{row.eligible > 0 ? 'Chưa đăng ký' : 'Không thuộc diện chi đoàn địa bàn dân cư'}</span>;
}

function Figures({ row, data }: { row: DashboardRow; data: DashboardData }) {
  const unitWord = data.cycle.templateId === 'chi-doan-dat-chuan' ? 'chi đoàn' : 'đoàn cơ sở';
  // A hospital's union has no residential chi đoàn: no target applies, and none is "reached".
  if (row.eligible === 0) return <span className="muted">Không có {data.cycle.templateId === 'chi-doan-dat-chuan' ? 'chi đoàn địa bàn dân cư' : 'đoàn cơ sở'} thuộc diện chỉ tiêu</span>;
  return (
    <>
      <TargetBar label="Đăng ký" reached={row.registered} of={row.eligible} target={data.cycle.targets.registrationShare} gap={row.registrationGap} unitWord={unitWord} />
      <TargetBar label="Đạt chuẩn" reached={row.recognised} of={row.eligible} target={data.cycle.targets.recognitionShare} gap={row.recognitionGap} unitWord={unitWord} />
    </>
  );
}

/**
 * A unit's year at a glance: its total against the cycle's targets, then each unit directly
 * below, with a tap down to the level below (and at the chi đoàn, to its own page).
 */
export function DashboardPage({ unitId, cycleId, search: initialSearch = '', filter: initialFilter = '' }: { unitId: string; cycleId: string; search?: string; filter?: string }) {
  const [data, setData] = useState<DashboardData>();
  const [error, setError] = useState<string>();
  const [search, setSearch] = useState(initialSearch);
  const [filter, setFilter] = useState<RowFilterId>(isFilter(initialFilter) ? initialFilter : 'all');
  const homeUnitId = currentSession()?.user.unitId;

  useEffect(() => {
    setData(undefined);
    request<DashboardData>('GET', `/api/dashboard/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}`)
      .then(setData)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được số liệu.'));
  }, [unitId, cycleId]);

  const shown = useMemo(() => filterRows(data?.rows ?? [], filter, search), [data, search, filter]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!data) return <p className="muted">Đang tải số liệu…</p>;
  const go = (path: string) => (event: React.MouseEvent) => (event.preventDefault(), navigate(path));
  const rowLink = (row: DashboardRow) =>
    row.kind === 'branch' ? `/units/${encodeURIComponent(row.unitId)}?cycle=${encodeURIComponent(cycleId)}` : `/dashboard/${encodeURIComponent(row.unitId)}?cycle=${encodeURIComponent(cycleId)}`;

  return (
    <section className="dashboard" data-testid="dashboard">
      <h1>Tổng quan: {data.unit.name}</h1>
      <p className="muted">{data.cycle.title}</p>
      {data.unit.parentId && data.unit.unitId !== homeUnitId && (
        <p>
          <a href={`/dashboard/${data.unit.parentId}?cycle=${cycleId}`} onClick={go(`/dashboard/${encodeURIComponent(data.unit.parentId)}?cycle=${encodeURIComponent(cycleId)}`)}>
            ← Lên cấp trên
          </a>
        </p>
      )}
      <div className="total" data-testid="dashboard-total">
        <Figures row={data.total} data={data} />
        <StateChips row={data.total} />
        <TargetNotes targets={data.cycle.targets} />
        <details className="chart-fold">
          <summary>Diễn biến trong năm</summary>
          <WeeklyChart weeks={data.weeks} eligible={data.total.eligible} targets={data.cycle.targets} deadlines={data.deadlines} />
        </details>
      </div>
      <div className="dashboard-tools">
        <label>
          Tìm đơn vị
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Ví dụ: phu thuan" />
        </label>
        <label>
          Lọc
          <select value={filter} onChange={(event) => setFilter(event.target.value as RowFilterId)}>
            {ROW_FILTER_IDS.map((id) => (
              <option key={id} value={id}>
                {ROW_FILTERS[id].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => void download(`/api/dashboard/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}?${new URLSearchParams({ format: 'xlsx', filter, q: search })}`).catch((failure: unknown) => setError((failure as Error).message))}>
          Tải Excel
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {shown.length.toLocaleString('vi-VN')}/{data.rows.length.toLocaleString('vi-VN')} đơn vị
      </p>
      <ul className="list dashboard-rows">
        {shown.map((row) => (
          <li key={row.unitId} data-testid="dashboard-row">
            <a href={rowLink(row)} onClick={go(rowLink(row))} className="row-name">
              {row.name}
            </a>
            <span className="muted">{KIND_LABELS[row.kind]}</span>
            {row.kind === 'branch' ? (
              <BranchState row={row} />
            ) : (
              <>
                <Figures row={row} data={data} />
                <StateChips row={row} />
                {row.reportsSent.map((reportId) => (
                  <button
                    key={reportId}
                    type="button"
                    className="link"
                    onClick={() => void download(`/api/reports/${encodeURIComponent(cycleId)}/${encodeURIComponent(row.unitId)}/${reportId}?format=docx`).catch((failure: unknown) => setError((failure as Error).message))}
                  >
                    ✓ Đã gửi: {REPORTS[reportId].title} (tải Word)
                  </button>
                ))}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
