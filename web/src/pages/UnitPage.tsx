import { useEffect, useState } from 'react';
import { ApiError, download, request } from '../api.ts';
import { ProcessDiagram } from '../components/ProcessDiagram.tsx';
import { formatCalendarDate, formatDateTime } from '../format.ts';
import { EvidenceList } from '../components/EvidenceField.tsx';
import { MEETING_QUALITIES, type MeetingQuality } from '../../../domain/visits/qualities.ts';

interface StandingPageData {
  unit: { unitId: string; name: string };
  cycle: { cycleId: string; title: string; templateId: string; steps: { id: string; number: number; title: string; deadline?: string }[] };
  standing?: {
    state: string;
    stateLabel: string;
    step: string;
    nextStep: string;
    criteria?: { number: number; pass: boolean; reason: string }[];
    reason?: string;
    commendation?: boolean;
    commendationForm?: string;
    cadre?: string;
    boardDecision?: { decisionId: string; number: string; date: string };
  };
  history: { seq: number; at: string; by: string; summary: string; to?: string }[];
  visits?: {
    visitId: string;
    cadreName: string;
    date: string;
    purposeLabel: string;
    halfDay: boolean;
    report?: {
      found: string;
      supported: string;
      followUps: string;
      evidence: string[];
      meeting?: { content: string; quality: MeetingQuality; membersPresent: number; difficulties: string; advice: string };
    };
  }[];
  chain: { valid: boolean; entries: number; broken?: { seq: number; reason: string } };
}

/** A unit's place in a cycle: where it stands, what is next and by when, and everything that happened. */
export function UnitPage({ unitId, cycleId }: { unitId: string; cycleId: string }) {
  const [data, setData] = useState<StandingPageData>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    request<StandingPageData>('GET', `/api/standings/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}`)
      .then(setData)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được tiến trình.'));
  }, [unitId, cycleId]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!data) return <p className="muted">Đang tải…</p>;
  const { standing } = data;
  const current = data.cycle.steps.findIndex((step) => step.id === standing?.step);
  return (
    <section>
      <h1>{data.unit.name}</h1>
      <p className="muted">{data.cycle.title}</p>
      <div className={`standing state-${standing?.state ?? 'none'}`}>
        <p className="standing-label" data-testid="standing-state">
          {standing?.stateLabel ?? 'Chưa bắt đầu'}
        </p>
        {standing && <p>Việc tiếp theo: {standing.nextStep}</p>}
        {standing?.reason && <p>Lý do: {standing.reason}</p>}
        {standing?.boardDecision && (
          <p data-testid="board-decision">
            Theo Quyết định số {standing.boardDecision.number} ngày {formatCalendarDate(standing.boardDecision.date)} của Ban Thường vụ.{' '}
            <button
              type="button"
              className="link"
              onClick={() => void download(`/api/board-decisions/${encodeURIComponent(standing.boardDecision!.decisionId)}?format=docx`).catch((failure: unknown) => setError((failure as Error).message))}
            >
              Tải quyết định (Word)
            </button>
          </p>
        )}
        {standing?.commendationForm && <p>Được khen thưởng: {standing.commendationForm}.</p>}
        {standing?.cadre && <p>Cán bộ theo dõi: {standing.cadre}</p>}
      </div>
      <ol className="steps" aria-label="Các bước">
        {data.cycle.steps.map((step, index) => (
          <li key={step.id} className={index === current ? 'current' : index < current ? 'done' : ''} aria-current={index === current ? 'step' : undefined}>
            <span>{step.title}</span>
            {step.deadline && <span className="muted"> — hạn {formatCalendarDate(step.deadline)}</span>}
          </li>
        ))}
      </ol>
      <ProcessDiagram templateId={data.cycle.templateId} currentStep={standing?.step} />
      {standing?.criteria && standing.criteria.length > 0 && (
        <>
          <h2>Kết quả kiểm tra tiêu chí</h2>
          <ul className="criteria">
            {standing.criteria.map((result) => (
              <li key={result.number} className={result.pass ? 'pass' : 'fail'}>
                {result.pass ? '✓' : '✗'} {result.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {data.visits && data.visits.length > 0 && (
        <>
          <h2>Cấp trên về cơ sở</h2>
          <ul className="list" data-testid="visits">
            {data.visits.map((visit) => (
              <li key={visit.visitId} className="card">
                <strong>
                  {formatCalendarDate(visit.date)} · {visit.cadreName}
                </strong>
                <span>
                  {visit.purposeLabel}
                  {visit.halfDay ? ' (nửa ngày)' : ''}
                </span>
                {visit.report?.meeting && (
                  <>
                    <span>
                      Buổi sinh hoạt: {visit.report.meeting.content} — {visit.report.meeting.membersPresent} đoàn viên dự, chất lượng {MEETING_QUALITIES[visit.report.meeting.quality].toLocaleLowerCase('vi')}.
                    </span>
                    {visit.report.meeting.difficulties && <span>Khó khăn: {visit.report.meeting.difficulties}</span>}
                    <span>Góp ý của cấp trên: {visit.report.meeting.advice}</span>
                  </>
                )}
                {visit.report?.supported && <span>Đã hỗ trợ: {visit.report.supported}</span>}
                {visit.report?.followUps && <span>Theo dõi tiếp: {visit.report.followUps}</span>}
                {visit.report && <EvidenceList ids={visit.report.evidence} />}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Lịch sử</h2>
      <p className={data.chain.valid ? 'muted' : 'error'} data-testid="chain">
        {data.chain.valid
          ? `Lịch sử toàn vẹn: ${data.chain.entries} mục, không mục nào bị sửa hay xóa.`
          : `Lịch sử đã bị can thiệp ở mục ${data.chain.broken?.seq}: ${data.chain.broken?.reason}`}
      </p>
      <ol className="timeline" data-testid="history">
        {[...data.history].reverse().map((entry) => (
          <li key={entry.seq}>
            <span className="muted">
              {formatDateTime(entry.at)} · {entry.by}
            </span>
            <span>{entry.summary}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
