import { useCallback, useEffect, useState } from 'react';
import { NEEDS_REASON as DECISIONS_NEEDING_REASON } from '../../../domain/process/transitions.ts';
import { ApiError, request } from '../api.ts';
import { withRetries } from '../retry.ts';
import { formatDateTime } from '../format.ts';
import { navigate } from '../router.ts';

interface InboxItem {
  unitId: string;
  unitName: string;
  parentName?: string;
  state: string;
  stateLabel: string;
  actions: string[];
  updatedAt: string;
  criteria?: { number: number; pass: boolean; reason: string }[];
  version: number;
}

const ACTION_LABELS: Record<string, string> = {
  confirm: 'Xác nhận',
  return: 'Trả lại',
  report: 'Báo cáo cấp trên',
  recognise: 'Công nhận',
  reject: 'Không công nhận',
  'assign-cadre': 'Phân công cán bộ',
  maintain: 'Xác nhận duy trì',
  revoke: 'Thu hồi',
};
const NEEDS_REASON = new Set<string>(DECISIONS_NEEDING_REASON);

interface DecisionStatus {
  status: 'pending' | 'applied' | 'refused';
  refusal?: string;
}

/**
 * A decision is checked again when it is carried out (someone else may have acted first): read
 * its outcome for a few seconds, and return the refusal if it was refused.
 */
async function refusalOf(decisionIds: string[]): Promise<string | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const statuses = await Promise.all(decisionIds.map((id) => request<DecisionStatus>('GET', `/api/decisions/${encodeURIComponent(id)}`)));
    const refused = statuses.find((status) => status.status === 'refused');
    if (refused) return refused.refusal ?? 'Đơn vị đã thay đổi trạng thái.';
    if (statuses.every((status) => status.status !== 'pending')) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

/** One decision form per unit: a reason where the action needs one, commendation when recognising. */
function Decide({ item, cycleId, onDone }: { item: InboxItem; cycleId: string; onDone: () => void }) {
  const [action, setAction] = useState<string>();
  const [reason, setReason] = useState('');
  const [cadre, setCadre] = useState('');
  const [commendation, setCommendation] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function send(chosen: string) {
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        idempotencyKey: crypto.randomUUID(),
        cycleId,
        unitIds: [item.unitId],
        action: chosen,
        reason: reason.trim() || undefined,
        cadre: cadre.trim() || undefined,
        commendation: chosen === 'recognise' ? commendation : undefined,
      };
      const answer = await withRetries(() => request<{ decisions: { decisionId: string }[] }>('POST', '/api/decisions', body));
      const refusal = await refusalOf(answer.decisions.map((decision) => decision.decisionId));
      if (refusal) setError(`Chưa thực hiện được: ${refusal} Tải lại trang để xem tình trạng mới.`);
      else onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Không gửi được, vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  const choose = (chosen: string) => (NEEDS_REASON.has(chosen) || chosen === 'assign-cadre' || chosen === 'recognise' ? setAction(chosen) : void send(chosen));
  return (
    <div className="decide">
      {!action && (
        <div className="actions">
          {item.actions.map((candidate) => (
            <button key={candidate} type="button" className={NEEDS_REASON.has(candidate) ? 'secondary' : 'primary'} disabled={busy} onClick={() => choose(candidate)}>
              {ACTION_LABELS[candidate] ?? candidate}
            </button>
          ))}
        </div>
      )}
      {action && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void send(action);
          }}
        >
          {NEEDS_REASON.has(action) && (
            <>
              <label htmlFor={`reason-${item.unitId}`}>Lý do {ACTION_LABELS[action]?.toLocaleLowerCase('vi')}</label>
              <textarea id={`reason-${item.unitId}`} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
            </>
          )}
          {action === 'assign-cadre' && (
            <>
              <label htmlFor={`cadre-${item.unitId}`}>Cán bộ được phân công theo dõi</label>
              <input id={`cadre-${item.unitId}`} value={cadre} onChange={(event) => setCadre(event.target.value)} />
            </>
          )}
          {action === 'recognise' && (
            <label className="check">
              <input type="checkbox" checked={commendation} onChange={(event) => setCommendation(event.target.checked)} /> Đề nghị khen thưởng
            </label>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Đang gửi…' : ACTION_LABELS[action]}
            </button>
            <button type="button" className="secondary" onClick={() => setAction(undefined)}>
              Hủy
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What waits on the user's unit: dossiers to confirm, lists to report, reports to decide on. */
export function InboxPage({ cycleId }: { cycleId: string }) {
  const [items, setItems] = useState<InboxItem[]>();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string>();

  const load = useCallback(
    () =>
      request<{ cycle: { title: string }; items: InboxItem[] }>('GET', `/api/inbox?cycle=${encodeURIComponent(cycleId)}`)
        .then((result) => {
          setItems(result.items);
          setTitle(result.cycle.title);
        })
        .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được hộp việc.')),
    [cycleId],
  );

  useEffect(() => void load(), [load]);

  // A decision is carried out by its workflow within moments: look again until the list moves.
  const refresh = () => {
    const before = JSON.stringify(items?.map((item) => [item.unitId, item.version]));
    let tries = 0;
    const again = () =>
      void request<{ items: InboxItem[] }>('GET', `/api/inbox?cycle=${encodeURIComponent(cycleId)}`).then((result) => {
        tries++;
        if (JSON.stringify(result.items.map((item) => [item.unitId, item.version])) !== before || tries >= 20) setItems(result.items);
        else setTimeout(again, 300);
      });
    again();
  };

  return (
    <section>
      <h1>Việc cần xử lý</h1>
      <p className="muted">{title}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {items === undefined && !error && <p className="muted">Đang tải…</p>}
      {items?.length === 0 && <p className="muted">Không có hồ sơ nào đang chờ đơn vị xử lý.</p>}
      <ul className="list inbox">
        {items?.map((item) => (
          <li key={item.unitId} data-testid={`inbox-${item.unitId}`}>
            <a
              href={`/units/${item.unitId}?cycle=${encodeURIComponent(cycleId)}`}
              onClick={(event) => (event.preventDefault(), navigate(`/units/${item.unitId}?cycle=${encodeURIComponent(cycleId)}`))}
            >
              <strong>{item.unitName}</strong>
            </a>
            {item.parentName && <span className="muted">{item.parentName}</span>}
            <span className="status">{item.stateLabel}</span>
            <span className="muted">Cập nhật {formatDateTime(item.updatedAt)}</span>
            {item.criteria && item.criteria.length > 0 && (
              <span className="muted">{item.criteria.every((result) => result.pass) ? 'Đạt cả 7 tiêu chí theo tự đánh giá.' : 'Còn tiêu chí chưa đạt.'}</span>
            )}
            <Decide item={item} cycleId={cycleId} onDone={refresh} />
          </li>
        ))}
      </ul>
    </section>
  );
}
