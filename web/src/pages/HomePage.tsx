import { useEffect, useState } from 'react';
import { currentSession, request, type ApiError, type SubmissionView } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { navigate } from '../router.ts';

export function HomePage() {
  const session = currentSession();
  const [items, setItems] = useState<SubmissionView[]>();
  const [error, setError] = useState<string>();
  const canSubmit = session?.user.roles.includes('secretary');

  useEffect(() => {
    request<{ items: SubmissionView[] }>('GET', '/api/submissions')
      .then((result) => setItems(result.items))
      .catch((failure: ApiError) => setError(failure.message));
  }, []);

  return (
    <section>
      <h1>Hồ sơ của đơn vị</h1>
      {canSubmit && (
        <button type="button" className="primary" onClick={() => navigate('/forms/implementation-plan')}>
          Gửi kế hoạch triển khai
        </button>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {items === undefined && !error && <p className="muted">Đang tải…</p>}
      {items?.length === 0 && <p className="muted">Đơn vị chưa gửi hồ sơ nào.</p>}
      <ul className="list">
        {items?.map((item) => (
          <li key={item.submissionId}>
            <a href={`/submissions/${item.submissionId}`} onClick={(event) => (event.preventDefault(), navigate(`/submissions/${item.submissionId}`))}>
              {item.formTitle}
            </a>
            <span className={`status status-${item.status}`}>{item.statusLabel}</span>
            <span className="muted">Gửi lúc {formatDateTime(item.submittedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
