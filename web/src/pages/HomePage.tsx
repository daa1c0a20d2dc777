import { useEffect, useState } from 'react';
import { canFill, FORMS, type FormDefinition } from '../../../domain/forms/index.ts';
import type { UnitKind } from '../../../domain/organisation.ts';
import { ApiError, currentSession, request, type SubmissionView } from '../api.ts';
import { formatCalendarDate, formatDateTime } from '../format.ts';
import { navigate } from '../router.ts';
import { draftKey } from '../useDraft.ts';
import { DashboardPage } from './DashboardPage.tsx';
import { sendsReport } from '../../../domain/reports/reports.ts';
import { calendarDate } from '../../../domain/dates.ts';
import { VISITING_LEVELS, VISITING_ROLES } from '../../../domain/visits/access.ts';

interface CycleSummary {
  cycleId: string;
  title: string;
  templateId: string;
  steps: { id: string; number: number; title: string; deadline?: string }[];
  reports?: { id: string; title: string; deadline?: string }[];
}

const FORM_LIST: FormDefinition[] = Object.values(FORMS);

/** Forms sent more than once in a cycle (a progress report each time there is progress). */
const REPEATED = new Set(['progress-report']);
/** A dossier that still stands: neither withdrawn nor replaced by an amendment. */
const STANDS = new Set(['received', 'acknowledged', 'refused']);

/** A draft kept on this phone for the form, if any (the form page merges it with the server's). */
function localDraftOf(formId: string, cycleId: string): { savedAt: string } | undefined {
  try {
    return (JSON.parse(localStorage.getItem(draftKey(formId, cycleId)) ?? 'null') as { savedAt: string } | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the secretary does with one form of a cycle: open it, continue the draft, or, once sent,
 * see the dossier and its status (never a blank copy of a form already sent). A step whose
 * deadline has passed with nothing sent is marked overdue in red.
 */
function FormDuty({ form, cycle, sent, today }: { form: FormDefinition; cycle: CycleSummary; sent?: SubmissionView; today: string }) {
  const open = `/forms/${form.id}?cycle=${encodeURIComponent(cycle.cycleId)}`;
  const deadline = cycle.steps.find((step) => step.id === form.step)?.deadline;
  if (sent && !REPEATED.has(form.id)) {
    return (
      <div className="duty" data-testid={`duty-${form.id}`}>
        <a href={`/submissions/${sent.submissionId}`} onClick={(event) => (event.preventDefault(), navigate(`/submissions/${sent.submissionId}`))}>
          {form.title}
        </a>
        <span className={`status status-${sent.shownStatus}`}>{sent.statusLabel}</span>
        {sent.returnReason && <span>Lý do: {sent.returnReason}</span>}
      </div>
    );
  }
  const draft = localDraftOf(form.id, cycle.cycleId);
  const late = !sent && deadline !== undefined && deadline < today;
  return (
    <div className={`duty${late ? ' late' : ''}`} data-testid={`duty-${form.id}`}>
      <button type="button" className="primary" onClick={() => navigate(open)}>
        {draft ? `Tiếp tục bản nháp: ${form.title}` : form.title}
      </button>
      {draft && <span className="muted">Bản nháp lưu lúc {formatDateTime(draft.savedAt)}</span>}
      {deadline && !sent && <span className={late ? 'overdue' : 'muted'}>{late ? `Quá hạn từ ${formatCalendarDate(deadline)}` : `Hạn ${formatCalendarDate(deadline)}`}</span>}
    </div>
  );
}

export function HomePage() {
  const session = currentSession();
  // currentSession() parses storage afresh on each render; the effect must key on a stable value.
  const unitId = session?.user.unitId;
  const [items, setItems] = useState<SubmissionView[]>();
  const [cycles, setCycles] = useState<CycleSummary[]>([]);
  const [unitKind, setUnitKind] = useState<string>();
  const [standings, setStandings] = useState<Record<string, { stateLabel: string; nextStep?: string; reason?: string; state: string } | undefined>>({});
  const [parentId, setParentId] = useState<string>();
  const [error, setError] = useState<string>();
  const isSecretary = session?.user.roles.includes('secretary') ?? false;
  const today = calendarDate(new Date());
  const mayImport = session?.user.roles.some((role) => role === 'admin' || role === 'organiser') ?? false;
  const roles = session?.user.roles ?? [];
  const appraiserOnly = roles.length > 0 && roles.every((role) => role === 'appraiser');
  const drawsAt = roles.some((role) => role === 'organiser' || role === 'leader') ? unitId : unitKind === 'commune' ? parentId : undefined;
  // Leaders and organisers start from their year at a glance; a chi đoàn has nothing below it.
  const leads = roles.some((role) => role === 'leader' || role === 'organiser' || role === 'admin') && unitKind !== undefined && unitKind !== 'branch';
  // Cadres of the levels above the commune plan and log their days at the grassroots.
  const visits = roles.some((role) => (VISITING_ROLES as readonly string[]).includes(role)) && (VISITING_LEVELS as readonly string[]).includes(unitKind ?? '');
  const [dashboardCycle, setDashboardCycle] = useState<string>();
  // "Chi đoàn đạt chuẩn" first: the plan's targets are about it.
  const shownCycle = dashboardCycle ?? (cycles.find((cycle) => cycle.templateId === 'chi-doan-dat-chuan') ?? cycles[0])?.cycleId;
  const link = (path: string, label: string) => (
    <a href={path} onClick={(event) => (event.preventDefault(), navigate(path))}>
      {label}
    </a>
  );

  useEffect(() => {
    const fail = (failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được dữ liệu.');
    request<{ items: SubmissionView[] }>('GET', '/api/submissions').then((result) => setItems(result.items)).catch(fail);
    request<{ items: CycleSummary[] }>('GET', '/api/cycles')
      .then((result) => {
        setCycles(result.items);
        // Where the unit stands in each cycle, and whose move it is: fetched side by side.
        if (!unitId) return;
        void Promise.all(
          result.items.map((cycle) =>
            request<{ standing?: { stateLabel: string; nextStep?: string; reason?: string; state: string } }>('GET', `/api/standings/${encodeURIComponent(cycle.cycleId)}/${encodeURIComponent(unitId)}`)
              .then((answer) => [cycle.cycleId, answer.standing] as const)
              .catch(() => [cycle.cycleId, undefined] as const),
          ),
        ).then((entries) => setStandings(Object.fromEntries(entries)));
      })
      .catch(fail);
    if (unitId) {
      request<{ unit: { kind: string; parentId?: string } }>('GET', `/api/units/${encodeURIComponent(unitId)}`)
        .then((result) => (setUnitKind(result.unit.kind), setParentId(result.unit.parentId)))
        .catch(fail);
    }
  }, [unitId]);

  // Each cycle with the forms this kind of unit fills in it.
  const formsOf = (cycle: CycleSummary) =>
    unitKind ? FORM_LIST.filter((form) => form.templateId === cycle.templateId && canFill(form, unitKind as UnitKind)) : [];

  return (
    <section>
      {leads && unitId && shownCycle && (
        <>
          {cycles.length > 1 && (
            <label className="cycle-choice">
              Đợt công nhận
              <select value={shownCycle} onChange={(event) => setDashboardCycle(event.target.value)}>
                {cycles.map((cycle) => (
                  <option key={cycle.cycleId} value={cycle.cycleId}>
                    {cycle.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          <DashboardPage key={shownCycle} unitId={unitId} cycleId={shownCycle} />
        </>
      )}
      {leads ? <h2>Hồ sơ của đơn vị</h2> : <h1>Hồ sơ của đơn vị</h1>}
      <div className="links">
        {mayImport && link('/imports', 'Nhập đơn vị và tài khoản từ tệp Excel/CSV')}
        {!appraiserOnly && unitKind !== 'branch' && link('/notices', 'Thư nhắc hạn đã gửi')}
        {visits && link('/visits', 'Đi công tác cơ sở "1+2"')}
        {leads && unitId && link(`/visits/overview/${unitId}`, 'Theo dõi cán bộ đi cơ sở "1+2"')}
        {roles.includes('admin') && link('/sweep', 'Quét hạn theo ngày')}
        {roles.includes('admin') && link('/stuck', 'Hồ sơ chưa xử lý xong')}
      </div>
      {cycles.map((cycle) => (
        <div className="cycle" key={cycle.cycleId}>
          <strong>{cycle.title}</strong>
          <ol>
            {cycle.steps.map((step) => (
              <li key={step.id}>
                {step.title}
                {step.deadline && <span className="muted"> — hạn {formatCalendarDate(step.deadline)}</span>}
              </li>
            ))}
          </ol>
          <div className="links">
            {roles.includes('appraiser') && cycle.templateId === 'chi-doan-dat-chuan' && link(`/appraisals?cycle=${encodeURIComponent(cycle.cycleId)}`, 'Hộp thẩm định')}
            {drawsAt && cycle.templateId === 'chi-doan-dat-chuan' && link(`/draws/${encodeURIComponent(drawsAt)}?cycle=${encodeURIComponent(cycle.cycleId)}`, 'Rút mẫu thẩm định')}
            {!appraiserOnly && link(`/units/${unitId}?cycle=${encodeURIComponent(cycle.cycleId)}`, 'Tiến trình của đơn vị')}
            {unitKind !== 'branch' &&
              roles.some((role) => role === 'secretary' || role === 'leader' || role === 'organiser') &&
              (cycle.reports ?? []).filter((report) => sendsReport(report.id, (unitKind ?? 'branch') as UnitKind)).map((report) =>
                link(`/reports/${report.id}?cycle=${encodeURIComponent(cycle.cycleId)}`, `${report.title}${report.deadline ? ` (hạn ${formatCalendarDate(report.deadline)})` : ''}`),
              )}
            {['central', 'province', 'district'].includes(unitKind ?? '') &&
              roles.some((role) => role === 'leader' || role === 'organiser') &&
              link(`/board?cycle=${encodeURIComponent(cycle.cycleId)}`, 'Tờ trình và quyết định')}
            {unitKind !== 'branch' && !appraiserOnly && (
              <a href={`/inbox?cycle=${cycle.cycleId}`} onClick={(event) => (event.preventDefault(), navigate(`/inbox?cycle=${encodeURIComponent(cycle.cycleId)}`))}>
                Việc cần xử lý
              </a>
            )}
          </div>
          {standings[cycle.cycleId] && (
            <p className={`standing-line state-${standings[cycle.cycleId]!.state}`} data-testid="standing-line">
              <strong>{standings[cycle.cycleId]!.stateLabel}</strong>
              {standings[cycle.cycleId]!.reason && <> · Lý do: {standings[cycle.cycleId]!.reason}</>}
              {standings[cycle.cycleId]!.nextStep && <span className="muted"> Tiếp theo: {standings[cycle.cycleId]!.nextStep}</span>}
            </p>
          )}
          {isSecretary &&
            formsOf(cycle).map((form) => (
              <FormDuty
                key={form.id}
                form={form}
                cycle={cycle}
                today={today}
                sent={items?.find((item) => item.formId === form.id && item.cycleId === cycle.cycleId && STANDS.has(item.status))}
              />
            ))}
        </div>
      ))}
      {error && <p className="error" role="alert">{error}</p>}
      <h2>Hồ sơ đã gửi</h2>
      {items === undefined && !error && <p className="muted">Đang tải…</p>}
      {items?.length === 0 && <p className="muted">Đơn vị chưa gửi hồ sơ nào.</p>}
      <ul className="list">
        {items?.map((item) => (
          <li key={item.submissionId}>
            <a href={`/submissions/${item.submissionId}`} onClick={(event) => (event.preventDefault(), navigate(`/submissions/${item.submissionId}`))}>
              {item.formTitle}
            </a>
            <span className={`status status-${item.shownStatus}`}>{item.statusLabel}</span>
            {item.returnReason && <span>Lý do: {item.returnReason}</span>}
            <span className="muted">Gửi lúc {formatDateTime(item.submittedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
