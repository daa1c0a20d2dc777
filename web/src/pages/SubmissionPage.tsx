import { useEffect, useState } from 'react';
import { request, type ApiError, type SubmissionView } from '../api.ts';
import { formatDateTime } from '../format.ts';

/** Shows one submission and follows its status until the workflow has acknowledged it. */
export function SubmissionPage({ submissionId }: { submissionId: string }) {
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
        .catch((failure: ApiError) => setError(failure.message));
    void load();
    return () => clearTimeout(timer);
  }, [submissionId]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!submission) return <p className="muted">Đang tải…</p>;
  return (
    <section>
      <h1>{submission.formTitle}</h1>
      <dl className="facts">
        <dt>Trạng thái</dt>
        <dd>
          <span className={`status status-${submission.status}`} data-testid="status">
            {submission.statusLabel}
          </span>
        </dd>
        <dt>Mã hồ sơ</dt>
        <dd><code>{submission.submissionId}</code></dd>
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
    </section>
  );
}
