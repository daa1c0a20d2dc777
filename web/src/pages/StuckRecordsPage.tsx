import { useEffect, useState } from 'react';
import { ApiError, request } from '../api.ts';
import { formatDateTime } from '../format.ts';

interface StuckRecord {
  name: string;
  workflow: string;
  storedAt: string;
  repair?: { at: string; outcome: string; lastFailure?: string };
}

const WORKFLOW_LABELS: Record<string, string> = {
  'chi-doan-dat-chuan': 'Hồ sơ / quyết định Chi đoàn đạt chuẩn',
  'doan-co-so-3-chu-dong': 'Hồ sơ / quyết định "3 chủ động"',
  'appraisal-draw': 'Rút mẫu thẩm định',
  'appraisal-result': 'Kết quả thẩm định',
};

const OUTCOME_LABELS: Record<string, string> = {
  started: 'đã cho chạy lại',
  running: 'đang xử lý',
  done: 'đã xử lý xong',
  refused: 'cần người xử lý: lần chạy trước bị từ chối',
};

/**
 * For admins: what was stored and not yet carried out. The repairer restarts these every five
 * minutes; what it leaves for a person (a refusal that would repeat) says why.
 */
interface SuppressedAddress {
  email: string;
  kind: 'bounce' | 'complaint';
  at: string;
}

export function StuckRecordsPage() {
  const [records, setRecords] = useState<StuckRecord[]>();
  const [suppressed, setSuppressed] = useState<SuppressedAddress[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    request<{ records: StuckRecord[]; suppressed?: SuppressedAddress[] }>('GET', '/api/stuck-records')
      .then((answer) => (setRecords(answer.records), setSuppressed(answer.suppressed ?? [])))
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được danh sách.'));
  }, []);

  return (
    <section>
      <h1>Hồ sơ chưa xử lý xong</h1>
      <p className="muted">Hồ sơ, quyết định và lượt rút mẫu đã lưu nhưng quy trình chưa chạy xong. Hệ thống tự chạy lại sau 3 phút (5 phút một lần); việc bị từ chối thì cần người sửa nguyên nhân rồi làm lại.</p>
      {error && <p className="error" role="alert">{error}</p>}
      {records === undefined && !error && <p className="muted">Đang tải…</p>}
      {records?.length === 0 && <p>Không có hồ sơ nào bị kẹt.</p>}
      <ul className="list" data-testid="stuck-records">
        {records?.map((record) => (
          <li key={record.name}>
            <strong>{WORKFLOW_LABELS[record.workflow] ?? record.workflow}</strong>
            <span>
              Lưu lúc {formatDateTime(record.storedAt)} · mã <code>{record.name}</code>
              {record.repair && (
                <>
                  {' '}· {formatDateTime(record.repair.at)}: {OUTCOME_LABELS[record.repair.outcome] ?? record.repair.outcome}
                  {record.repair.lastFailure && ` (lỗi ${record.repair.lastFailure})`}
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <h2>Địa chỉ thư không nhận được</h2>
      <p className="muted">Thư gửi tới các địa chỉ này bị trả lại hẳn hoặc bị người nhận báo là thư rác, nên hệ thống không gửi nữa. Sửa email trong danh bạ (nhập lại dòng của người đó) để họ nhận thư trở lại.</p>
      {suppressed.length === 0 && <p>Không có địa chỉ nào.</p>}
      <ul className="list" data-testid="suppressed-addresses">
        {suppressed.map((entry) => (
          <li key={entry.email}>
            <strong>{entry.email}</strong>
            <span className="muted">
              {entry.kind === 'bounce' ? 'Thư bị trả lại' : 'Bị báo là thư rác'} lúc {formatDateTime(entry.at)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
