import { useCallback, useEffect, useState } from 'react';
import { parseCalendarDate } from '../../../domain/dates.ts';
import { COMMENDATIONS, decisionTitle, SIGNER_TITLES, type BoardDecision, type Proposal } from '../../../domain/process/board-decisions.ts';
import type { ForumChoice } from '../../../domain/process/forums.ts';
import { ApiError, currentSession, download, request } from '../api.ts';
import { formatCalendarDate, formatDateTime } from '../format.ts';
import { withRetries } from '../retry.ts';
import { useSelection } from '../useSelection.ts';

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

interface Desk {
  proposals: Proposal[];
  decisions: BoardDecision[];
  forums: ForumChoice[];
}

/**
 * "3 chủ động": the Ban Thường vụ sends Đoàn cơ sở to a forum to share their experience, chosen
 * among those it has recognised (the API takes any Đoàn cơ sở of its own in the programme).
 */
function ForumForm({ cycleId, candidates, onDone }: { cycleId: string; candidates: { unitId: string; name: string }[]; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const chosen = useSelection();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const isoDate = parseCalendarDate(date);

  async function send() {
    if (!isoDate) return setError('Ngày tổ chức không hợp lệ: nhập theo dạng dd/mm/yyyy.');
    setBusy(true);
    setError(undefined);
    try {
      await withRetries(() => request<ForumChoice>('POST', '/api/forums', { idempotencyKey: key, cycleId, title, date: isoDate, place: place || undefined, unitIds: [...chosen.ids] }));
      setTitle('');
      setDate('');
      setPlace('');
      chosen.clear();
      setKey(crypto.randomUUID());
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Không lưu được, vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  if (candidates.length === 0) return <p className="muted">Khi có Đoàn cơ sở được công nhận "3 chủ động", đồng chí có thể cử đơn vị tham gia diễn đàn chia sẻ kinh nghiệm tại đây.</p>;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor="forum-title">Tên diễn đàn</label>
      <input id="forum-title" value={title} onChange={(event) => setTitle(event.target.value)} placeholder='Ví dụ: Diễn đàn chia sẻ kinh nghiệm xây dựng Đoàn cơ sở "3 chủ động"' />
      <label htmlFor="forum-date">Ngày tổ chức (dd/mm/yyyy)</label>
      <input id="forum-date" inputMode="numeric" value={date} onChange={(event) => setDate(event.target.value)} aria-invalid={date !== '' && !isoDate} />
      <label htmlFor="forum-place">Địa điểm (nếu có)</label>
      <input id="forum-place" value={place} onChange={(event) => setPlace(event.target.value)} />
      <fieldset>
        <legend>Đoàn cơ sở được cử</legend>
        {candidates.map((unit) => (
          <label key={unit.unitId} className="check">
            <input
              type="checkbox"
              checked={chosen.has(unit.unitId)}
              onChange={(event) => chosen.set(unit.unitId, event.target.checked)}
            />
            {unit.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || chosen.size === 0}>
        {busy ? 'Đang lưu…' : `Cử ${chosen.size} Đoàn cơ sở tham gia`}
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
  const [desk, setDesk] = useState<Desk>();
  const [error, setError] = useState<string>();
  const unitId = user?.unitId ?? '';

  const load = useCallback(
    () =>
      request<Desk>('GET', `/api/proposals/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}`)
        .then(setDesk)
        .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được tờ trình và quyết định.')),
    [cycleId, unitId],
  );
  useEffect(() => void load(), [load]);

  const isLeader = !!user?.roles.includes('leader');
  const waiting = desk?.proposals.filter((proposal) => proposal.status === 'proposed') ?? [];
  const decisions = desk?.decisions ?? [];
  const threeProactive = decisions.some((decision) => decision.templateId === 'doan-co-so-3-chu-dong') || (desk?.forums.length ?? 0) > 0;
  const recognised = [...new Map(decisions.filter((decision) => decision.action === 'recognise').flatMap((decision) => decision.units.map((unit) => [unit.unitId, unit] as const))).values()];
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
      {threeProactive && (
        <>
          <h2>Cử tham gia diễn đàn</h2>
          <ul className="list">
            {(desk?.forums ?? []).map((forum) => (
              <li key={forum.forumId} data-testid="forum">
                <strong>{forum.title}</strong>
                <span>
                  Ngày {formatCalendarDate(forum.date)}
                  {forum.place ? `, ${forum.place}` : ''}
                </span>
                <span className="muted">{forum.units.map((unit) => unit.name).join(', ')}</span>
              </li>
            ))}
          </ul>
          {isLeader && <ForumForm cycleId={cycleId} candidates={recognised} onDone={() => void load()} />}
        </>
      )}
    </section>
  );
}
