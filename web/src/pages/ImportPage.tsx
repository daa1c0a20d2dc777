import { useState } from 'react';
import type { RowIssue } from '../../../domain/imports.ts';
import { MAX_IMPORT_BYTES } from '../../../domain/import-request.ts';
import { ApiError, download, request } from '../api.ts';

interface ImportResult {
  units: number;
  users: number;
  fileName: string;
}

/** The file's bytes as base64, the way the API takes them. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new ApiError(0, 'Không đọc được tệp.'));
    reader.readAsDataURL(file);
  });
}

/** Units and users from an Excel or CSV file: every row checked, all imported or none. */
export function ImportPage() {
  const [busy, setBusy] = useState<string>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<string>();
  const [rows, setRows] = useState<RowIssue[]>([]);

  async function importFile(file: File) {
    setResult(undefined);
    setError(undefined);
    setRows([]);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(`Tệp quá lớn: tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Hãy chia thành nhiều tệp.`);
      return;
    }
    setBusy(`Đang kiểm tra và nhập "${file.name}"…`);
    try {
      const content = await base64Of(file);
      setResult(await request<ImportResult>('POST', '/api/imports', { idempotencyKey: crypto.randomUUID(), fileName: file.name, content }));
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : new ApiError(0, 'Nhập không thành công, vui lòng thử lại.');
      setError(apiError.message);
      setRows((apiError.payload?.rows as RowIssue[] | undefined) ?? []);
    } finally {
      setBusy(undefined);
    }
  }

  const getTemplate = (query: string) => void download(`/api/imports/template?${query}`).catch((failure: unknown) => setError((failure as Error).message));

  return (
    <section>
      <h1>Nhập đơn vị và tài khoản từ tệp</h1>
      <p>
        Điền danh sách vào tệp mẫu rồi chọn tệp để nhập. Hệ thống kiểm tra từng dòng: nếu có dòng sai thì chưa nhập dòng nào và chỉ rõ dòng,
        cột cần sửa.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => getTemplate('format=xlsx')}>
          Tải mẫu Excel (.xlsx)
        </button>
        <button type="button" className="secondary" onClick={() => getTemplate('format=csv&sheet=units')}>
          Mẫu CSV đơn vị
        </button>
        <button type="button" className="secondary" onClick={() => getTemplate('format=csv&sheet=users')}>
          Mẫu CSV tài khoản
        </button>
      </div>
      <label htmlFor="import-file" className={`primary file-button${busy ? ' busy' : ''}`}>
        Chọn tệp để nhập (.xlsx, .csv)
      </label>
      <input
        id="import-file"
        className="visually-hidden"
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        disabled={busy !== undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {busy && (
        <p role="status" className="muted">
          {busy}
        </p>
      )}
      {result && (
        <p role="status" className="share pass" data-testid="import-result">
          Đã nhập {result.units} đơn vị và {result.users} tài khoản từ "{result.fileName}".
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="report" data-testid="import-report">
            <thead>
              <tr>
                <th>Trang</th>
                <th>Dòng</th>
                <th>Cột</th>
                <th>Cần sửa</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  <td>{row.sheet}</td>
                  <td>{row.row}</td>
                  <td>{row.column ?? ''}</td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
