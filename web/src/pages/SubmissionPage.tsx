import { useEffect, useState } from 'react';
import { ApiError, currentSession, request, type SubmissionView } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { navigate } from '../router.ts';
import { draftKey } from '../useDraft.ts';
import { CHANGEABLE_STATUSES } from '../../../domain/submission.ts';
import { evidenceIdsIn } from '../../../domain/evidence.ts';
import { EvidenceList } from '../components/EvidenceField.tsx';

/** The files a submission cites, grouped by the criterion they support. */
function AttachedEvidence({ data }: { data: unknown }) {
  const byField = new Map<string, string[]>();
  for (const { field, evidenceId } of evidenceIdsIn(data)) {
    const group = field.split('.')[0]!;
    byField.set(group, [...(byField.get(group) ?? []), evidenceId]);
  }
  if (byField.size === 0) return null;
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Minh chứng đính kèm</h2>
      {[...byField].map(([field, ids]) => (
        <div key={field}>
          <h3>{field.replace(/^criterion(\d+)$/, 'Tiêu chí $1')}</h3>
          <EvidenceList ids={ids} />
        </div>
      ))}
    </section>
  );
}

/** Just sent: "Đã gửi", the reference to read out, what happens next, home, and a receipt to print. */
function SentPanel({ submission }: { submission: SubmissionView }) {
  const [next, setNext] = useState<string>();
  useEffect(() => {
    if (submission.status !== 'acknowledged') return;
    request<{ standing?: { nextStep?: string } }>('GET', `/api/standings/${encodeURIComponent(submission.cycleId)}/${encodeURIComponent(submission.unitId)}`)
      .then((result) => setNext(result.standing?.nextStep))
      .catch(() => setNext(undefined));
  }, [submission.status, submission.cycleId, submission.unitId]);
  return (
    <div className="notice notice-ok sent-panel" role="status" data-testid="sent-panel">
      <h2>Đã gửi</h2>
      <p>
        Mã tiếp nhận: <strong className="reference" data-testid="reference">{submission.reference ?? submission.submissionId}</strong>
      </p>
      <p>Ghi lại mã này để tra cứu hoặc báo với cấp trên. Thư xác nhận đã được gửi tới email của đồng chí.</p>
      {submission.status === 'received' && <p>Hệ thống đang ghi nhận hồ sơ, thường chỉ vài giây.</p>}
      {next && <p>Bước tiếp theo: {next}</p>}
      <div className="actions no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          In biên nhận
        </button>
        <a href="/" className="button-link" onClick={(event) => (event.preventDefault(), navigate('/'))}>
          Về trang chính
        </a>
      </div>
    </div>
  );
}

/** Shows one submission and follows its status until the workflow has acknowledged it. */
export function SubmissionPage({ submissionId, justSent = false }: { submissionId: string; justSent?: boolean }) {
  const [submission, setSubmission] = useState<SubmissionView>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      request<SubmissionView>('GET', `/api/submissions/${encodeURIComponent(submissionId)}`)
        .then((result) => {
          setSubmission(result);
          if (result.status === 'received') timer = setTimeout(() => void load(), 1000);
        })
        .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được hồ sơ.'));
    void load();
    return () => clearTimeout(timer);
  }, [submissionId]);

  async function withdraw() {
    if (!window.confirm('Rút hồ sơ này? Cấp trên sẽ không xét hồ sơ đã rút.')) return;
    try {
      setSubmission(await request<SubmissionView>('POST', `/api/submissions/${encodeURIComponent(submissionId)}/withdraw`));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Rút hồ sơ không thành công.');
    }
  }

  function amend(current: SubmissionView) {
    // The amendment starts from this version's answers.
    const copy = { data: current.data, savedAt: new Date().toISOString() };
    localStorage.setItem(draftKey(current.formId, current.cycleId), JSON.stringify(copy));
    navigate(`/forms/${current.formId}?cycle=${encodeURIComponent(current.cycleId)}&amends=${encodeURIComponent(current.submissionId)}`);
  }

  if (error && !submission) return <p className="error" role="alert">{error}</p>;
  if (!submission) return <p className="muted">Đang tải…</p>;
  const own = currentSession()?.user.unitId === submission.unitId;
  const changeable = own && (CHANGEABLE_STATUSES as string[]).includes(submission.status);
  return (
    <section className="receipt">
      {justSent && <SentPanel submission={submission} />}
      <h1>{submission.formTitle}</h1>
      {submission.shownStatus === 'returned' && (
        <div className="notice notice-bad" data-testid="returned-notice">
          <strong>Bị trả lại</strong>
          {submission.returnReason && <p>Lý do: {submission.returnReason}</p>}
        </div>
      )}
      <dl className="facts">
        <dt>Trạng thái</dt>
        <dd>
          <span className={`status status-${submission.shownStatus}`} data-testid="status">
            {submission.statusLabel}
          </span>
        </dd>
        <dt>Phiên bản</dt>
        <dd>{submission.version}</dd>
        <dt>Mã tiếp nhận</dt>
        <dd>
          <strong>{submission.reference ?? submission.submissionId}</strong>
        </dd>
        <dt>Người gửi</dt>
        <dd>{submission.submittedBy.name}</dd>
        <dt>Gửi lúc</dt>
        <dd>{formatDateTime(submission.submittedAt)}</dd>
        {submission.acknowledgedAt && (
          <>
            <dt>Tiếp nhận lúc</dt>
            <dd>{formatDateTime(submission.acknowledgedAt)}</dd>
          </>
        )}
      </dl>
      {error && <p className="error" role="alert">{error}</p>}
      {submission.refusal && <p className="error" role="alert">{submission.refusal}</p>}
      {submission.criteria && submission.criteria.length > 0 && (
        <ul className="criteria" data-testid="criteria-results">
          {submission.criteria.map((result) => (
            <li key={result.number} className={result.pass ? 'pass' : 'fail'}>
              {result.pass ? '✓' : '✗'} {result.reason}
            </li>
          ))}
        </ul>
      )}
      {submission.supersededBy && (
        <p>
          <a href={`/submissions/${submission.supersededBy}`} onClick={(event) => (event.preventDefault(), navigate(`/submissions/${submission.supersededBy}`))}>
            Xem bản sửa mới nhất
          </a>
        </p>
      )}
      <AttachedEvidence data={submission.data} />
      {changeable && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => amend(submission)}>
            Sửa và gửi lại
          </button>
          <button type="button" className="secondary" onClick={() => void withdraw()}>
            Rút hồ sơ
          </button>
        </div>
      )}
    </section>
  );
}
