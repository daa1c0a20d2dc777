import { useEffect, useState } from 'react';
import { DUTY_LABELS, type Duty } from '../../../domain/deadlines/obligations.ts';
import { ApiError, request } from '../api.ts';
import { formatCalendarDate, formatDateTime } from '../format.ts';

interface DigestRecord {
  noticeId: string;
  asOf: string;
  recipientName: string;
  to: string[];
  subject: string;
  status: 'pending' | 'sent';
  sentAt?: string;
  lines: { kind: string; duty: Duty; subjectName: string; deadline: string; days: number }[];
}

const KIND_LABELS: Record<string, string> = {
  reminder: 'Nhắc hạn',
  overdue: 'Quá hạn',
  'overdue-below': 'Đơn vị trực thuộc chưa hoàn thành đúng hạn',
  escalation: 'Còn quá hạn sau thời gian gia hạn',
};

/** What the deadline sweep sent to this unit and the units under it: to whom, when, about what. */
export function NoticesPage({ unitId }: { unitId: string }) {
  const [data, setData] = useState<{ unit: { name: string }; notices: DigestRecord[] }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    request<{ unit: { name: string }; notices: DigestRecord[] }>('GET', `/api/notices?unit=${encodeURIComponent(unitId)}`)
      .then(setData)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được danh sách thư.'));
  }, [unitId]);

  return (
    <section>
      <h1>Thư nhắc hạn đã gửi</h1>
      {data && <p className="muted">{data.unit.name} và các đơn vị trực thuộc</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {!data && !error && <p className="muted">Đang tải…</p>}
      {data?.notices.length === 0 && <p className="muted">Chưa có thư nhắc hạn nào.</p>}
      <ul className="list notices">
        {data?.notices.map((notice) => (
          <li key={notice.noticeId} data-testid="notice">
            <strong>
              {formatCalendarDate(notice.asOf)} · {notice.recipientName}
            </strong>
            <span className="muted">
              Gửi tới {notice.to.join(', ')} — {notice.status === 'sent' && notice.sentAt ? `đã gửi lúc ${formatDateTime(notice.sentAt)}` : 'đang chờ gửi'}
            </span>
            <ul>
              {notice.lines.map((line, index) => (
                <li key={index}>
                  {KIND_LABELS[line.kind] ?? line.kind}: {DUTY_LABELS[line.duty]} — {line.subjectName}, hạn {formatCalendarDate(line.deadline)}
                  {line.kind === 'reminder' ? `, còn ${line.days} ngày` : `, quá ${line.days} ngày`}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
