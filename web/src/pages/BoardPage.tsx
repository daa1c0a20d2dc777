import { useCallback, useEffect, useState } from 'react';
import { COMMENDATIONS, decisionTitle, SIGNER_TITLES, type BoardDecision, type Proposal } from '../../../domain/process/board-decisions.ts';
import { ApiError, currentSession, download, request } from '../api.ts';
import { formatCalendarDate, formatDateTime } from '../format.ts';
import { withRetries } from '../retry.ts';

const PROPOSED: Record<Proposal['action'], string> = {
  recognise: 'Đề nghị công nhận',
  reject: 'Đề nghị không công nhận',
  revoke: 'Đề nghị thu hồi công nhận',
};

/** The leader's signature on a tờ trình: place, name and title, as the decision will print them. */
function Approve({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const user = currentSession()?.user;
  const [place, setPlace] = useState('');
  const [name, setName] = useState(user?.name ?? '');
  const [title, setTitle] = useState<(typeof SIGNER_TITLES)[number]>('Bí thư');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [key] = useState(() => crypto.randomUUID());

  async function approve() {
    setBusy(true);
    setError(undefined);
    try {
      await withRetries(() => request<BoardDecision>('POST', `/api/proposals/${encodeURIComponent(proposal.proposalId)}/approve`, { idempotencyKey: key, place, signer: { name, title } }));
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Không duyệt được, vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void approve();
      }}
    >
      <label htmlFor={`place-${proposal.proposalId}`}>Địa danh ghi trên quyết định</label>
      <input id={`place-${proposal.proposalId}`} value={place} onChange={(event) => setPlace(event.target.value)} placeholder="Ví dụ: Sa Đéc" />
      <label htmlFor={`signer-${proposal.proposalId}`}>Người ký</label>
      <input id={`signer-${proposal.proposalId}`} value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={`title-${proposal.proposalId}`}>Chức vụ người ký</label>
      <select id={`title-${proposal.proposalId}`} value={title} onChange={(event) => setTitle(event.target.value as (typeof SIGNER_TITLES)[number])}>
        {SIGNER_TITLES.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Đang ký…' : 'Duyệt và ký quyết định'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/**
 * The Ban Thường vụ's desk for a cycle: the tờ trình of the organising department, waiting or
 * approved, and the numbered decisions, each downloadable as the Word document an office prints.
 */
export function BoardPage({ cycleId }: { cycleId: string }) {
  const user = currentSession()?.user;
  const [desk, setDesk] = useState<{ proposals: Proposal[]; decisions: BoardDecision[] }>();
  const [error, setError] = useState<string>();
  const unitId = user?.unitId ?? '';

  const load = useCallback(
    () =>
      request<{ proposals: Proposal[]; decisions: BoardDecision[] }>('GET', `/api/proposals/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}`)
        .then(setDesk)
        .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được tờ trình và quyết định.')),
    [cycleId, unitId],
  );
  useEffect(() => void load(), [load]);

  const isLeader = !!user?.roles.includes('leader');
  const waiting = desk?.proposals.filter((proposal) => proposal.status === 'proposed') ?? [];
  return (
    <section className="board">
      <h1>Tờ trình và quyết định</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {!desk && !error && <p className="muted">Đang tải…</p>}
      <h2>Tờ trình chờ Ban Thường vụ duyệt</h2>
      {desk && waiting.length === 0 && <p className="muted">Không có tờ trình nào đang chờ.</p>}
      <ul className="list">
        {waiting.map((proposal) => (
          <li key={proposal.proposalId} data-testid="proposal">
            <strong>{PROPOSED[proposal.action]}</strong> {proposal.units.length} đơn vị
            <span className="muted">
              {proposal.proposedBy.name}, {formatDateTime(proposal.proposedAt)}
            </span>
            <ul>
              {proposal.units.map((unit) => (
                <li key={unit.unitId}>
                  {unit.name}
                  {unit.parentName ? ` (${unit.parentName})` : ''}
                  {unit.commendation ? ` — ${COMMENDATIONS[unit.commendation]}` : ''}
                </li>
              ))}
            </ul>
            {proposal.reason && <p>Lý do: {proposal.reason}</p>}
            {isLeader ? <Approve proposal={proposal} onDone={() => void load()} /> : <p className="muted">Chờ đồng chí Bí thư hoặc Phó Bí thư duyệt.</p>}
          </li>
        ))}
      </ul>
      <h2>Quyết định đã ký</h2>
      {desk && desk.decisions.length === 0 && <p className="muted">Chưa có quyết định nào trong đợt này.</p>}
      <ul className="list">
        {[...(desk?.decisions ?? [])].reverse().map((decision) => (
          <li key={decision.decisionId} data-testid="board-decision">
            <strong>
              Quyết định số {decision.number} ngày {formatCalendarDate(decision.date)}
            </strong>
            <span>{decisionTitle(decision.action, decision.templateId, decision.cycleYear)}</span>
            <span className="muted">
              {decision.units.length} đơn vị; {decision.signer.title} {decision.signer.name} ký
            </span>
            <button
              type="button"
              className="link"
              onClick={() => void download(`/api/board-decisions/${encodeURIComponent(decision.decisionId)}?format=docx`).catch((failure: unknown) => setError((failure as Error).message))}
            >
              Tải quyết định (Word)
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
