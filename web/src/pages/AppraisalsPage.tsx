import { useEffect, useState } from 'react';
import type { Assignment } from '../../../domain/appraisal/records.ts';
import { ApiError, request } from '../api.ts';
import { formatCalendarDate } from '../format.ts';
import { navigate } from '../router.ts';

/** The appraiser's inbox: their chi đoàn in a cycle, by commune, with the deadline and what is done. */
export function AppraisalsPage({ cycleId }: { cycleId: string }) {
  const [data, setData] = useState<{ cycle: { title: string }; assignments: Assignment[] }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    request<{ cycle: { title: string }; assignments: Assignment[] }>('GET', `/api/assignments?cycle=${encodeURIComponent(cycleId)}`)
      .then(setData)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được danh sách thẩm định.'));
  }, [cycleId]);

  const communes = new Map<string, Assignment[]>();
  for (const assignment of data?.assignments ?? []) communes.set(assignment.communeName, [...(communes.get(assignment.communeName) ?? []), assignment]);
  const remaining = data?.assignments.filter((assignment) => assignment.status === 'assigned').length ?? 0;

  return (
    <section>
      <h1>Hộp thẩm định</h1>
      {data && <p className="muted">{data.cycle.title}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {!data && !error && <p className="muted">Đang tải…</p>}
      {data?.assignments.length === 0 && <p className="muted">Đồng chí chưa được phân công thẩm định chi đoàn nào trong đợt này.</p>}
      {data && data.assignments.length > 0 && (
        <p role="status">
          {remaining > 0 ? `Còn ${remaining}/${data.assignments.length} chi đoàn cần thẩm định.` : `Đã thẩm định xong cả ${data.assignments.length} chi đoàn.`}
        </p>
      )}
      {[...communes.entries()].map(([communeName, assignments]) => (
        <div className="cycle" key={communeName}>
          <strong>{communeName}</strong>
          <ul className="list">
            {assignments.map((assignment) => (
              <li key={assignment.unitId} data-testid={`assignment-${assignment.unitId}`}>
                <a
                  href={`/appraisals/${assignment.unitId}?cycle=${cycleId}`}
                  onClick={(event) => (event.preventDefault(), navigate(`/appraisals/${encodeURIComponent(assignment.unitId)}?cycle=${encodeURIComponent(cycleId)}`))}
                >
                  {assignment.unitName}
                </a>
                <span className={`status status-${assignment.outcome ?? assignment.status}`}>
                  {assignment.status === 'assigned' ? 'Chưa thẩm định' : assignment.outcome === 'verified' ? 'Đúng như hồ sơ' : 'Không đúng như hồ sơ'}
                </span>
                <span className="muted">
                  {assignment.round === 2 ? 'Thẩm định bổ sung · ' : ''}Hạn {formatCalendarDate(assignment.dueDate)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
