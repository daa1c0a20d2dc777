import { useEffect, useState } from 'react';
import type { DashboardRow } from '../../../domain/dashboard/rows.ts';
import { REPORTS, SIGNER_TITLES, type ReportId, type SentReport } from '../../../domain/reports/reports.ts';
import { ApiError, currentSession, download, request } from '../api.ts';
import { TargetBar } from '../components/TargetBar.tsx';
import { formatDateTime } from '../format.ts';
import { withRetries } from '../retry.ts';

interface DashboardData {
  cycle: { title: string; templateId: string; targets: { registrationShare?: number; recognitionShare?: number } };
  unit: { name: string };
  total: DashboardRow;
}

/**
 * A yearly report sent upward: the unit's figures filled in from its dashboard (kept as they are
 * at the moment of sending), the parts to write, the signer. Once sent: when, which version, and
 * the Word and Excel files an office prints.
 */
export function ReportPage({ reportId, cycleId }: { reportId: ReportId; cycleId: string }) {
  const definition = REPORTS[reportId];
  const session = currentSession();
  const unitId = session?.user.unitId ?? '';
  const [figures, setFigures] = useState<DashboardData>();
  const [sent, setSent] = useState<SentReport>();
  const [place, setPlace] = useState('');
  const [number, setNumber] = useState('');
  const [signer, setSigner] = useState({ name: session?.user.name ?? '', title: SIGNER_TITLES[0] as (typeof SIGNER_TITLES)[number] });
  const [narrative, setNarrative] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const path = `/api/reports/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}/${reportId}`;

  useEffect(() => {
    request<DashboardData>('GET', `/api/dashboard/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}`)
      .then(setFigures)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được số liệu.'));
    request<SentReport>('GET', path)
      .then((report) => {
        setSent(report);
        setPlace(report.place);
        setNumber(report.number);
        setSigner(report.signer);
        setNarrative(report.narrative);
      })
      .catch(() => undefined);
  }, [cycleId, unitId, path]);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setIssues({});
    try {
      const report = await withRetries(() => request<SentReport>('POST', '/api/reports', { idempotencyKey: key, cycleId, reportId, number, place, signer, narrative }));
      setSent(report);
      // A later send is a new version, not a retry of this one.
      setKey(crypto.randomUUID());
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : new ApiError(0, 'Gửi báo cáo không thành công, vui lòng thử lại.');
      setError(apiError.message);
      setIssues(Object.fromEntries((apiError.issues ?? []).map((issue) => [issue.field, issue.message])));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) => issues[field] && <span className="field-error">{issues[field]}</span>;
  const unitWord = figures?.cycle.templateId === 'chi-doan-dat-chuan' ? 'chi đoàn' : 'đoàn cơ sở';
  return (
    <section className="report-page">
      <h1>{definition.title}</h1>
      {figures && <p className="muted">{figures.cycle.title} · {figures.unit.name}</p>}
      {sent && (
        <div className="sent" role="status" data-testid="report-sent">
          <strong>Đã gửi lúc {formatDateTime(sent.sentAt)} (bản {sent.version})</strong>
          <span>Số liệu trong báo cáo giữ nguyên như lúc gửi. Gửi lại sẽ thay bằng bản mới.</span>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void download(`${path}?format=docx`).catch((failure: unknown) => setError((failure as Error).message))}>
              Tải Word (.docx)
            </button>
            <button type="button" className="secondary" onClick={() => void download(`${path}?format=xlsx`).catch((failure: unknown) => setError((failure as Error).message))}>
              Tải Excel (.xlsx)
            </button>
          </div>
        </div>
      )}
      <h2>I. Số liệu</h2>
      {figures ? (
        <div className="total">
          <TargetBar label="Đăng ký" reached={figures.total.registered} of={figures.total.eligible} target={figures.cycle.targets.registrationShare} gap={figures.total.registrationGap} unitWord={unitWord} />
          <TargetBar label="Đạt chuẩn" reached={figures.total.recognised} of={figures.total.eligible} target={figures.cycle.targets.recognitionShare} gap={figures.total.recognitionGap} unitWord={unitWord} />
          <p className="muted small">Lấy tự động từ hệ thống lúc gửi; từng đơn vị trực thuộc có trong tệp Word và Excel.</p>
        </div>
      ) : (
        <p className="muted">Đang tải số liệu…</p>
      )}
      <form className="report-form" onSubmit={(event) => void send(event)} noValidate>
        {definition.sections.map((section, index) => (
          <label key={section.id}>
            {['II', 'III', 'IV'][index]}. {section.title}
            <span className="muted">{section.hint}</span>
            <textarea rows={5} value={narrative[section.id] ?? ''} onChange={(event) => setNarrative({ ...narrative, [section.id]: event.target.value })} aria-invalid={!!issues[`narrative.${section.id}`]} />
            {fieldError(`narrative.${section.id}`)}
          </label>
        ))}
        <label>
          Số báo cáo (nếu văn phòng đã cấp)
          <input value={number} onChange={(event) => setNumber(event.target.value)} placeholder="Ví dụ: 12-BC/ĐTN" />
          {fieldError('number')}
        </label>
        <label>
          Địa danh ghi trên báo cáo
          <input value={place} onChange={(event) => setPlace(event.target.value)} placeholder="Ví dụ: Sa Đéc" aria-invalid={!!issues.place} />
          {fieldError('place')}
        </label>
        <label>
          Người ký
          <input value={signer.name} onChange={(event) => setSigner({ ...signer, name: event.target.value })} aria-invalid={!!issues['signer.name']} />
          {fieldError('signer.name')}
        </label>
        <label>
          Chức vụ người ký
          <select value={signer.title} onChange={(event) => setSigner({ ...signer, title: event.target.value as (typeof SIGNER_TITLES)[number] })}>
            {SIGNER_TITLES.map((title) => (
              <option key={title}>{title}</option>
            ))}
          </select>
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Đang gửi…' : sent ? 'Gửi lại bản mới' : 'Gửi báo cáo'}
        </button>
      </form>
    </section>
  );
}
