import { useCallback, useEffect, useState } from 'react';
import { verifyDraw, type SamplingRule } from '../../../domain/appraisal/draw.ts';
import { ApiError, currentSession, download, request } from '../api.ts';
import { formatCalendarDate, formatDateTime } from '../format.ts';

interface DrawAnswer {
  cycle: { cycleId: string; title: string };
  upper: { unitId: string; name: string };
  draw?: { status: 'open' | 'drawing' | 'drawn'; commitment: string; closesOn?: string; closedBy?: string; rule: SamplingRule; openedAt: string; drawnAt?: string; seed?: string; reportedCount?: number; sampledCount?: number; inputDigest?: string };
  communes: { communeId: string; communeName: string; reported: string[]; sampled: string[]; widened: string[]; results: Record<string, string> }[];
  /** The sample with appraisers and findings as Excel: the upper level and above. */
  mayExport?: boolean;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * An upper level's appraisal draw, for everyone concerned: the commitment published when intake
 * opens; after the draw, the revealed seed and every commune's list and sample, recomputed here,
 * in this browser, with the same code as the draw, so nobody has to trust the server's word.
 */
export function DrawPage({ unitId, cycleId }: { unitId: string; cycleId: string }) {
  const [answer, setAnswer] = useState<DrawAnswer>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const user = currentSession()?.user;
  const mayRun = user?.unitId === unitId && user.roles.some((role) => role === 'organiser' || role === 'leader');

  const load = useCallback(
    () =>
      request<DrawAnswer>('GET', `/api/draws/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}`)
        .then((loaded) => (setAnswer(loaded), loaded))
        .catch((failure: unknown) => (setError(failure instanceof ApiError ? failure.message : 'Không tải được đợt rút mẫu.'), undefined)),
    [cycleId, unitId],
  );
  useEffect(() => void load(), [load]);

  async function act(action: 'open' | 'close') {
    setBusy(action === 'open' ? 'Đang mở nhận báo cáo…' : 'Đang rút mẫu và phân công tổ thẩm định…');
    setError(undefined);
    try {
      await request('POST', '/api/draws', { cycleId, unitId, action });
      // The draw runs in its state machine: look again until it is done.
      for (let attempt = 0; attempt < 60; attempt++) {
        const loaded = await load();
        if (!loaded?.draw || loaded.draw.status !== 'drawing') break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Thao tác không thành công, vui lòng thử lại.');
    } finally {
      setBusy(undefined);
    }
  }

  const draw = answer?.draw;
  const check = draw?.status === 'drawn' && draw.seed ? verifyDraw({ seed: draw.seed, commitment: draw.commitment, cycleId, rule: draw.rule, communes: answer?.communes ?? [] }) : undefined;

  return (
    <section>
      <h1>Rút mẫu thẩm định</h1>
      {answer && (
        <p className="muted">
          {answer.upper.name} · {answer.cycle.title}
        </p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {busy && <p role="status">{busy}</p>}
      {answer && !draw && <p>Cấp trên chưa mở nhận báo cáo của các Đoàn cấp xã cho đợt này.</p>}
      {mayRun && answer && !draw && (
        <button type="button" className="primary" disabled={!!busy} onClick={() => void act('open')}>
          Mở nhận báo cáo (công bố mã cam kết)
        </button>
      )}
      {draw && (
        <dl className="facts">
          <dt>Trạng thái</dt>
          <dd data-testid="draw-status">{draw.status === 'open' ? 'Đang nhận báo cáo' : draw.status === 'drawing' ? 'Đang rút mẫu' : 'Đã rút mẫu'}</dd>
          <dt>Mở nhận báo cáo</dt>
          <dd>{formatDateTime(draw.openedAt)}; mẫu sẽ được rút ngẫu nhiên, theo cách đã công bố từ lúc này nên không ai chọn trước được.</dd>
          {draw.status === 'open' && draw.closesOn && (
            <>
              <dt>Hạn nhận báo cáo</dt>
              <dd>Hết ngày {formatCalendarDate(draw.closesOn)}; sáng hôm sau hệ thống tự đóng nhận báo cáo và rút mẫu nếu cấp trên chưa làm.</dd>
            </>
          )}
          {draw.closedBy && (
            <>
              <dt>Đóng nhận báo cáo</dt>
              <dd>{draw.closedBy}</dd>
            </>
          )}
          <dt>Quy tắc</dt>
          <dd>
            Mỗi xã chọn {percent(draw.rule.rate)} số chi đoàn đã báo cáo (làm tròn lên), ít nhất {draw.rule.minimum}
            {draw.rule.statistical ? '; không ít hơn cỡ mẫu thống kê (95% phát hiện khi 10% báo cáo sai)' : ''}.{' '}
            {draw.rule.widen === 'commune-all' ? 'Chi đoàn nào không đúng như hồ sơ thì thẩm định thêm toàn bộ chi đoàn còn lại của xã đó.' : ''}
          </dd>
          {draw.seed && (
            <>
              <dt>Rút mẫu lúc</dt>
              <dd>{draw.drawnAt && formatDateTime(draw.drawnAt)}</dd>
              <dt>Số chi đoàn</dt>
              <dd>
                {draw.reportedCount} đã báo cáo, {draw.sampledCount} được chọn mẫu
              </dd>
            </>
          )}
        </dl>
      )}
      {mayRun && draw?.status === 'open' && (
        <button type="button" className="primary" disabled={!!busy} onClick={() => void act('close')}>
          Đóng nhận báo cáo và rút mẫu
        </button>
      )}
      {check && (
        <p className={check.commitmentMatches && check.mismatches.length === 0 ? 'ok' : 'error'} role="status" data-testid="verification">
          {check.commitmentMatches && check.mismatches.length === 0
            ? `Đã kiểm tra lại trên máy này: mẫu rút đúng như đã công bố trước khi rút, mẫu của cả ${answer?.communes.length} xã đúng như tính lại.`
            : `Không khớp: ${check.commitmentMatches ? '' : 'kết quả rút không đúng với điều đã công bố trước khi rút. '}${check.mismatches.length > 0 ? `Mẫu khác khi tính lại ở: ${check.mismatches.join(', ')}.` : ''}`}
        </p>
      )}
      {answer?.mayExport && (
        <button type="button" className="secondary" onClick={() => void download(`/api/draws/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}?format=xlsx`).catch((failure: unknown) => setError((failure as Error).message))}>
          Tải Excel mẫu thẩm định và kết quả
        </button>
      )}
      {answer && answer.communes.length > 0 && (
        <table className="draw-table">
          <thead>
            <tr>
              <th>Xã</th>
              <th>Báo cáo</th>
              <th>Chọn mẫu</th>
              <th>Thẩm định thêm</th>
            </tr>
          </thead>
          <tbody>
            {answer.communes.map((commune) => (
              <tr key={commune.communeId} data-testid={`commune-${commune.communeId}`}>
                <td>{commune.communeName}</td>
                <td>{commune.reported.length}</td>
                <td>{commune.sampled.length}</td>
                <td>{commune.widened.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draw && (
        <details className="technical">
          <summary>Chi tiết kỹ thuật (cho người kiểm tra)</summary>
          <dl className="facts">
            <dt>Mã cam kết (SHA-256 của hạt giống), công bố lúc {formatDateTime(draw.openedAt)}</dt>
            <dd className="hash" data-testid="commitment">{draw.commitment}</dd>
            {draw.seed && (
              <>
                <dt>Hạt giống (công bố sau khi rút)</dt>
                <dd className="hash" data-testid="seed">{draw.seed}</dd>
              </>
            )}
          </dl>
          {draw.status === 'drawn' && (
            <p className="muted">
              Cách tính: với mỗi chi đoàn, vé = SHA-256(hạt giống | mã đợt | mã chi đoàn); trong mỗi xã, các chi đoàn đã báo cáo được xếp theo vé tăng dần và lấy
              những chi đoàn đầu tiên. Lệnh kiểm tra: <code>npm run verify-sample -- {cycleId} {unitId}</code>
            </p>
          )}
        </details>
      )}
    </section>
  );
}
