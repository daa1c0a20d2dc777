import { useCallback, useEffect, useState } from 'react';
import { NEEDS_REASON as DECISIONS_NEEDING_REASON } from '../../../domain/process/transitions.ts';
import { ApiError, currentSession, request } from '../api.ts';
import { BOARD_ACTIONS, COMMENDATIONS, commendationsOf, type Commendation } from '../../../domain/process/board-decisions.ts';
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
/** Decided by the Ban Thường vụ: proposed here in a tờ trình, approved on the board page. */
const BOARD = new Set<string>(BOARD_ACTIONS);

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

  const choose = (chosen: string) => (NEEDS_REASON.has(chosen) || chosen === 'assign-cadre' ? setAction(chosen) : void send(chosen));
  return (
    <div className="decide">
      {!action && (
        <div className="actions">
          {item.actions.filter((candidate) => !BOARD.has(candidate)).map((candidate) => (
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

/**
 * The organising department's tờ trình: the chosen units, recognition (each with any commendation)
 * or not (with the reason), sent to the Ban Thường vụ, which approves it as one numbered decision.
 */
function ProposalForm({ items, cycleId, templateId, onDone }: { items: InboxItem[]; cycleId: string; templateId: string; onDone: (message: string) => void }) {
  const [action, setAction] = useState<'recognise' | 'reject'>('recognise');
  const [commendations, setCommendations] = useState<Record<string, Commendation | ''>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function send() {
    setBusy(true);
    setError(undefined);
    try {
      const units = items.map((item) => ({ unitId: item.unitId, commendation: action === 'recognise' ? commendations[item.unitId] || undefined : undefined }));
      const body = { idempotencyKey: crypto.randomUUID(), cycleId, action, units, reason: action === 'reject' ? reason.trim() || undefined : undefined };
      await withRetries(() => request('POST', '/api/proposals', body));
      onDone(`Đã gửi tờ trình ${items.length} đơn vị lên Ban Thường vụ; chờ đồng chí Bí thư hoặc Phó Bí thư duyệt và ký.`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Không gửi được tờ trình, vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="inline-form proposal"
      aria-label="Tờ trình"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h2>Tờ trình Ban Thường vụ ({items.length} đơn vị)</h2>
      <label htmlFor="proposal-action">Nội dung đề nghị</label>
      <select id="proposal-action" value={action} onChange={(event) => setAction(event.target.value as 'recognise' | 'reject')}>
        <option value="recognise">Đề nghị công nhận</option>
        <option value="reject">Đề nghị không công nhận</option>
      </select>
      {action === 'recognise' &&
        items.map((item) => (
          <label key={item.unitId}>
            Khen thưởng cho {item.unitName}
            <select value={commendations[item.unitId] ?? ''} onChange={(event) => setCommendations({ ...commendations, [item.unitId]: event.target.value as Commendation | '' })}>
              <option value="">Không xét khen thưởng</option>
              {commendationsOf(templateId).map((form) => (
                <option key={form} value={form}>
                  {COMMENDATIONS[form]}
                </option>
              ))}
            </select>
          </label>
        ))}
      {action === 'reject' && (
        <>
          <label htmlFor="proposal-reason">Lý do không công nhận</label>
          <textarea id="proposal-reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        </>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Đang gửi…' : 'Gửi tờ trình lên Ban Thường vụ'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** What waits on the user's unit: dossiers to confirm, lists to report, reports to decide on. */
export function InboxPage({ cycleId }: { cycleId: string }) {
  const [items, setItems] = useState<InboxItem[]>();
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [error, setError] = useState<string>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [proposed, setProposed] = useState<string>();
  const mayPropose = !!currentSession()?.user.roles.some((role) => role === 'organiser' || role === 'leader');

  const load = useCallback(
    () =>
      request<{ cycle: { title: string; templateId: string }; items: InboxItem[] }>('GET', `/api/inbox?cycle=${encodeURIComponent(cycleId)}`)
        .then((result) => {
          setItems(result.items);
          setTitle(result.cycle.title);
          setTemplateId(result.cycle.templateId);
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
            {mayPropose && item.actions.some((action) => BOARD.has(action)) && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(item.unitId)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(item.unitId);
                    else next.delete(item.unitId);
                    setChosen(next);
                  }}
                />{' '}
                Đưa vào tờ trình
              </label>
            )}
          </li>
        ))}
      </ul>
      {proposed && (
        <p className="ok" role="status">
          {proposed}{' '}
          <a href={`/board?cycle=${cycleId}`} onClick={(event) => (event.preventDefault(), navigate(`/board?cycle=${encodeURIComponent(cycleId)}`))}>
            Xem tờ trình và quyết định
          </a>
        </p>
      )}
      {chosen.size > 0 && (
        <ProposalForm
          items={(items ?? []).filter((item) => chosen.has(item.unitId))}
          cycleId={cycleId}
          templateId={templateId}
          onDone={(message) => {
            setChosen(new Set());
            setProposed(message);
          }}
        />
      )}
    </section>
  );
}
