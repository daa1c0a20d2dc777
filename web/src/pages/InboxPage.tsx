import { useCallback, useEffect, useState } from 'react';
import { NEEDS_REASON as DECISIONS_NEEDING_REASON } from '../../../domain/process/transitions.ts';
import { ApiError, currentSession, request } from '../api.ts';
import { BOARD_ACTIONS, COMMENDATIONS, commendationsOf, type Commendation } from '../../../domain/process/board-decisions.ts';
import { withRetries } from '../retry.ts';
import { formatDateTime } from '../format.ts';
import { navigate } from '../router.ts';
import { useSelection } from '../useSelection.ts';

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
  dossierSubmissionId?: string;
  /** Why it cannot be recognised yet (its appraisal), said before anyone taps. */
  waitingFor?: string;
  appraisal?: { outcome: string; label: string };
}

/** Steps one tap should not take by mistake: each asks once, in place, then says what happened. */
const CONFIRM_QUESTION: Record<string, (names: string) => string> = {
  confirm: (names) => `Xác nhận hồ sơ của ${names}?`,
  report: (names) => `Báo cáo cấp trên ${names}? Sau khi báo cáo, cấp trên thẩm định và xét công nhận.`,
  maintain: (names) => `Xác nhận ${names} vẫn duy trì chuẩn năm nay?`,
};
/** Where a unit went after the step: an item that leaves the inbox says so. */
const AFTERWARDS: Record<string, string> = {
  confirm: 'đã xác nhận; hồ sơ ở lại đây chờ báo cáo cấp trên.',
  report: 'đã báo cáo; hồ sơ chuyển lên cấp trên thẩm định và xét công nhận.',
  return: 'đã trả lại; hồ sơ về chi đoàn để sửa rồi gửi lại.',
  maintain: 'đã xác nhận duy trì chuẩn năm nay.',
  'assign-cadre': 'đã phân công cán bộ theo dõi; đơn vị được báo qua thư.',
};
/** Steps taken for several units in one request. */
const BATCHABLE = ['confirm', 'report', 'maintain'];

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** Sends one decision for one or more units and waits until it is carried out; the refusal if any. */
async function decide(cycleId: string, unitIds: string[], action: string, extra: { reason?: string; cadre?: string } = {}): Promise<string | undefined> {
  const body = { idempotencyKey: crypto.randomUUID(), cycleId, unitIds, action, reason: extra.reason?.trim() || undefined, cadre: extra.cadre?.trim() || undefined };
  const answer = await withRetries(() => request<{ decisions: { decisionId: string }[] }>('POST', '/api/decisions', body));
  return refusalOf(answer.decisions.map((decision) => decision.decisionId));
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

/** One decision form per unit: a reason where the action needs one; the irreversible ones asked once, in place. */
function Decide({ item, cycleId, onDone }: { item: InboxItem; cycleId: string; onDone: (message: string) => void }) {
  const [action, setAction] = useState<string>();
  const [reason, setReason] = useState('');
  const [cadre, setCadre] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function send(chosen: string) {
    setBusy(true);
    setError(undefined);
    try {
      const refusal = await decide(cycleId, [item.unitId], chosen, { reason, cadre });
      if (refusal) setError(`Chưa thực hiện được: ${refusal} Tải lại trang để xem tình trạng mới.`);
      else {
        setAction(undefined);
        setReason('');
        onDone(`${item.unitName}: ${AFTERWARDS[chosen] ?? 'đã thực hiện.'}`);
      }
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Không gửi được, vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  const question = action && CONFIRM_QUESTION[action];
  return (
    <div className="decide">
      {!action && (
        <div className="actions">
          {item.actions.filter((candidate) => !BOARD.has(candidate)).map((candidate) => (
            <button key={candidate} type="button" className={NEEDS_REASON.has(candidate) ? 'secondary' : 'primary'} disabled={busy} onClick={() => setAction(candidate)}>
              {ACTION_LABELS[candidate] ?? candidate}
            </button>
          ))}
        </div>
      )}
      {action && (
        <form
          className="inline-form confirm-step"
          onSubmit={(event) => {
            event.preventDefault();
            void send(action);
          }}
        >
          {question && <p className="question">{question(item.unitName)}</p>}
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
              {busy ? 'Đang gửi…' : question ? `Đồng ý: ${ACTION_LABELS[action]?.toLocaleLowerCase('vi')}` : ACTION_LABELS[action]}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setAction(undefined)}>
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

/** Several units chosen, one step for all of them (the API takes the list), asked once. */
function BatchBar({ items, cycleId, onDone }: { items: InboxItem[]; cycleId: string; onDone: (message: string) => void }) {
  const [action, setAction] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const common = BATCHABLE.filter((candidate) => items.every((item) => item.actions.includes(candidate)));
  const names = items.map((item) => item.unitName).join(', ');

  async function send(chosen: string) {
    setBusy(true);
    setError(undefined);
    try {
      const refusal = await decide(cycleId, items.map((item) => item.unitId), chosen);
      if (refusal) setError(`Chưa thực hiện được hết: ${refusal} Tải lại trang để xem tình trạng mới.`);
      else {
        setAction(undefined);
        onDone(`${items.length} đơn vị (${names}): ${AFTERWARDS[chosen] ?? 'đã thực hiện.'}`);
      }
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Không gửi được, vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="batch-bar" data-testid="batch-bar">
      <p>
        Đã chọn {items.length} đơn vị{common.length === 0 ? ': không có bước nào chung cho cả các đơn vị này.' : '.'}
      </p>
      {action ? (
        <>
          <p className="question">{CONFIRM_QUESTION[action]!(names)}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void send(action)}>
              {busy ? 'Đang gửi…' : `Đồng ý: ${ACTION_LABELS[action]?.toLocaleLowerCase('vi')} ${items.length} đơn vị`}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setAction(undefined)}>
              Hủy
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          {common.map((candidate) => (
            <button key={candidate} type="button" className="primary" onClick={() => setAction(candidate)}>
              {ACTION_LABELS[candidate]} {items.length} đơn vị
            </button>
          ))}
        </div>
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
  const chosen = useSelection();
  const [proposed, setProposed] = useState<string>();
  const batch = useSelection();
  const [done, setDone] = useState<string>();
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

  const finish = (message: string) => {
    setDone(capitalised(message));
    batch.clear();
    refresh();
  };

  return (
    <section>
      <h1>Việc cần xử lý</h1>
      <p className="muted">{title}</p>
      {done && (
        <p className="ok" role="status" data-testid="inbox-done">
          {done}
        </p>
      )}
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
            {item.dossierSubmissionId && (
              <a
                href={`/submissions/${item.dossierSubmissionId}`}
                onClick={(event) => (event.preventDefault(), navigate(`/submissions/${item.dossierSubmissionId}`))}
              >
                Xem hồ sơ (số liệu, tiêu chí, minh chứng)
              </a>
            )}
            {item.appraisal && <span className={item.appraisal.outcome === 'verified' ? 'ok' : 'overdue'}>{item.appraisal.label}</span>}
            {item.waitingFor && (
              <span className="waiting" data-testid="waiting-for">
                Chưa xét công nhận được: {item.waitingFor}
              </span>
            )}
            {item.actions.some((action) => BATCHABLE.includes(action)) && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={batch.has(item.unitId)}
                  onChange={(event) => batch.set(item.unitId, event.target.checked)}
                />{' '}
                Chọn để xử lý cùng lúc
              </label>
            )}
            <Decide item={item} cycleId={cycleId} onDone={finish} />
            {mayPropose && item.actions.some((action) => BOARD.has(action)) && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(item.unitId)}
                  onChange={(event) => chosen.set(item.unitId, event.target.checked)}
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
      {batch.size > 0 && <BatchBar items={(items ?? []).filter((item) => batch.has(item.unitId))} cycleId={cycleId} onDone={finish} />}
      {chosen.size > 0 && (
        <ProposalForm
          items={(items ?? []).filter((item) => chosen.has(item.unitId))}
          cycleId={cycleId}
          templateId={templateId}
          onDone={(message) => {
            chosen.clear();
            setProposed(message);
          }}
        />
      )}
    </section>
  );
}
