import { useCallback, useEffect, useState } from 'react';
import { calendarDate, formatCalendarDate, parseCalendarDate } from '../../../domain/dates.ts';
import { paceBy } from '../../../domain/visits/counting.ts';
import { MEETING_QUALITIES, type MeetingQuality } from '../../../domain/visits/qualities.ts';
import { ApiError, currentSession, request } from '../api.ts';
import { EvidenceList, uploadEvidence } from '../components/EvidenceField.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { shrinkPhoto } from '../components/shrink-photo.ts';
import { TargetBar } from '../components/TargetBar.tsx';

interface Purpose {
  id: string;
  label: string;
  meeting?: boolean;
}
interface VisitView {
  visitId: string;
  unitId: string;
  unitName: string;
  date: string;
  purpose: string;
  purposeLabel: string;
  halfDay: boolean;
  status: 'planned' | 'done';
  report?: { attended: boolean; meeting?: { quality: MeetingQuality; membersPresent: number } };
}
interface MyYear {
  programme: { programmeId: string; title: string; targetDays: number; monthlyPaceDays: number; purposes: Purpose[] };
  count: { planned: number; done: number; byMonth: number[] };
  visits: VisitView[];
}

const days = (value: number) => value.toLocaleString('vi-VN');

/**
 * "1+2": a cadre's year at the grassroots (seed 004, issue 18). Plan a visit (the unit below,
 * the date, what for, half or whole day), then log it on the day from the phone: a chi đoàn
 * meeting attended is reported as a meeting. Days done against the year's target, and the pace.
 */
export function VisitsPage() {
  const today = calendarDate(new Date());
  const year = Number(today.slice(0, 4));
  const [mine, setMine] = useState<MyYear>();
  const [error, setError] = useState<string>();
  const [logging, setLogging] = useState<VisitView>();

  const load = useCallback(
    () =>
      request<MyYear>('GET', `/api/visits?year=${year}`)
        .then(setMine)
        .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được kế hoạch đi cơ sở.')),
    [year],
  );
  useEffect(() => void load(), [load]);

  if (error && !mine) return <p className="error" role="alert">{error}</p>;
  if (!mine) return <p className="muted">Đang tải…</p>;
  const month = Number(today.slice(5, 7));
  const pace = paceBy(month, mine.programme);
  const planned = mine.visits.filter((visit) => visit.status === 'planned');
  const done = mine.visits.filter((visit) => visit.status === 'done');
  return (
    <section>
      <h1>Đi công tác cơ sở "1+2"</h1>
      <p className="muted">{mine.programme.title}</p>
      <div data-testid="my-days">
        <TargetBar label={`Đã đi ${days(mine.count.done)}/${mine.programme.targetDays} ngày`} reached={mine.count.done} of={mine.programme.targetDays} target={mine.programme.targetDays} gap={Math.max(0, pace - mine.count.done)} unitWord="ngày" />
        <p>
          Theo kế hoạch: {days(mine.count.planned)} ngày. Cần đạt đến cuối tháng {month}: {days(pace)} ngày
          {mine.count.done < pace ? <strong className="error"> — còn thiếu {days(pace - mine.count.done)} ngày</strong> : ' — đúng tiến độ'}.
        </p>
      </div>

      {logging ? (
        <VisitForm key={logging.visitId} purposes={mine.programme.purposes} planned={logging} programmeId={mine.programme.programmeId} onDone={() => (setLogging(undefined), void load())} />
      ) : (
        <VisitForm purposes={mine.programme.purposes} programmeId={mine.programme.programmeId} onDone={() => void load()} />
      )}

      <h2>Kế hoạch sắp tới</h2>
      {planned.length === 0 ? (
        <p className="muted">Chưa có chuyến đi nào trong kế hoạch.</p>
      ) : (
        <ul className="list">
          {planned.map((visit) => (
            <li key={visit.visitId} className="card" data-testid="planned-visit">
              <VisitLine visit={visit} />
              {visit.date <= today && (
                <button type="button" className="primary" onClick={() => setLogging(visit)}>
                  Ghi nhận chuyến đi này
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Đã đi</h2>
      {done.length === 0 ? (
        <p className="muted">Chưa ghi nhận chuyến đi nào trong năm.</p>
      ) : (
        <ul className="list">
          {done.map((visit) => (
            <li key={visit.visitId} className="card" data-testid="done-visit">
              <VisitLine visit={visit} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A visit in the cadre's lists: when, where, what for, and once logged, how it went. */
function VisitLine({ visit }: { visit: VisitView }) {
  const meeting = visit.report?.meeting;
  return (
    <>
      <strong>
        {formatCalendarDate(visit.date)} · {visit.unitName}
      </strong>
      <span>
        {visit.purposeLabel}
        {visit.halfDay ? ' (nửa ngày)' : ''}
        {visit.report?.attended === false ? ' — không đến được (không tính ngày)' : ''}
        {meeting ? ` — ${meeting.membersPresent} đoàn viên dự, chất lượng ${MEETING_QUALITIES[meeting.quality].toLocaleLowerCase('vi')}` : ''}
      </span>
    </>
  );
}

/** Plans a visit, logs one made without a plan, or (given `planned`) logs a planned one. */
function VisitForm({ purposes, planned, programmeId, onDone }: { purposes: Purpose[]; planned?: VisitView; programmeId: string; onDone: () => void }) {
  const [unit, setUnit] = useState<{ unitId: string; name: string }>();
  const [date, setDate] = useState(planned ? formatCalendarDate(planned.date) : '');
  const [purpose, setPurpose] = useState(planned?.purpose ?? purposes[0]?.id ?? '');
  const [halfDay, setHalfDay] = useState(planned?.halfDay ?? false);
  const [reporting, setReporting] = useState(!!planned);
  const [attended, setAttended] = useState(true);
  const [found, setFound] = useState('');
  const [supported, setSupported] = useState('');
  const [followUps, setFollowUps] = useState('');
  const [content, setContent] = useState('');
  const [quality, setQuality] = useState<MeetingQuality>('kha');
  const [membersPresent, setMembersPresent] = useState('');
  const [difficulties, setDifficulties] = useState('');
  const [advice, setAdvice] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [progress, setProgress] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const isoDate = parseCalendarDate(date);
  const meeting = purposes.find((candidate) => candidate.id === purpose)?.meeting ?? false;
  const target = planned ? { unitId: planned.unitId, name: planned.unitName } : unit;

  async function addPhotos(files: File[]) {
    if (!target) return setError('Chọn đơn vị trước khi thêm ảnh.');
    setError(undefined);
    for (const picked of files) {
      try {
        // A phone photo is shrunk before it leaves the phone, as a form's evidence is.
        const { file } = await shrinkPhoto(picked);
        setProgress(`Đang tải lên "${file.name}"…`);
        const evidence = await uploadEvidence(file, 'photos', { cycleId: programmeId, formId: 'visit-report', unitId: target.unitId }, (share: number) => setProgress(`Đang tải lên "${file.name}": ${Math.round(share * 100)}%`), '/api/visit-photos');
        setPhotos((previous) => [...previous, evidence.evidenceId]);
      } catch (failure) {
        setError(failure instanceof ApiError ? failure.message : `Không tải được "${picked.name}".`);
      }
    }
    setProgress(undefined);
  }

  async function send(status: 'planned' | 'done') {
    setBusy(true);
    setError(undefined);
    const report = {
      attended,
      found,
      supported,
      followUps,
      evidence: photos,
      meeting: meeting && attended ? { content, quality, membersPresent: Number(membersPresent || 'NaN'), difficulties, advice } : undefined,
    };
    try {
      if (planned) await request('PUT', `/api/visits/${encodeURIComponent(planned.visitId)}`, { halfDay, report });
      else await request('POST', '/api/visits', { idempotencyKey, status, unitId: unit?.unitId, date: isoDate ?? date, purpose, halfDay, report: status === 'done' ? report : undefined });
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Không lưu được, vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="inline-form"
      aria-label={planned ? 'Ghi nhận chuyến đi' : 'Lên kế hoạch hoặc ghi nhận chuyến đi'}
      onSubmit={(event) => {
        event.preventDefault();
        void send(reporting ? 'done' : 'planned');
      }}
    >
      <h2>{planned ? `Ghi nhận: ${planned.unitName}, ngày ${formatCalendarDate(planned.date)}` : 'Chuyến đi cơ sở'}</h2>
      {!planned && (
        <>
          <UnitPicker rootUnitId={currentSession()?.user.unitId ?? ''} onChange={setUnit} />
          <label htmlFor="visit-date">Ngày đi (dd/mm/yyyy)</label>
          <input id="visit-date" inputMode="numeric" value={date} onChange={(event) => setDate(event.target.value)} aria-invalid={date !== '' && !isoDate} />
          <label htmlFor="visit-purpose">Nội dung</label>
          <select id="visit-purpose" value={purpose} onChange={(event) => setPurpose(event.target.value)}>
            {purposes.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
          </select>
        </>
      )}
      <label className="check">
        <input type="checkbox" checked={halfDay} onChange={(event) => setHalfDay(event.target.checked)} /> Nửa ngày (tính 0,5 ngày)
      </label>
      {!planned && (
        <label className="check">
          <input type="checkbox" checked={reporting} onChange={(event) => setReporting(event.target.checked)} /> Đã đi: ghi nhận và báo cáo ngay
        </label>
      )}
      {reporting && (
        <fieldset>
          <legend>Báo cáo sau chuyến đi</legend>
          <label className="check">
            <input type="checkbox" checked={attended} onChange={(event) => setAttended(event.target.checked)} /> Đã đến dự
          </label>
          {meeting && attended && (
            <>
              <label htmlFor="meeting-content">Nội dung buổi sinh hoạt</label>
              <textarea id="meeting-content" value={content} onChange={(event) => setContent(event.target.value)} />
              <label htmlFor="meeting-quality">Chất lượng buổi sinh hoạt</label>
              <select id="meeting-quality" value={quality} onChange={(event) => setQuality(event.target.value as MeetingQuality)}>
                {Object.entries(MEETING_QUALITIES).map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
              <label htmlFor="meeting-present">Số đoàn viên dự</label>
              <input id="meeting-present" inputMode="numeric" value={membersPresent} onChange={(event) => setMembersPresent(event.target.value)} />
              <label htmlFor="meeting-difficulties">Khó khăn của chi đoàn</label>
              <textarea id="meeting-difficulties" value={difficulties} onChange={(event) => setDifficulties(event.target.value)} />
              <label htmlFor="meeting-advice">Ý kiến chỉ đạo, góp ý của đồng chí</label>
              <textarea id="meeting-advice" value={advice} onChange={(event) => setAdvice(event.target.value)} />
            </>
          )}
          <label htmlFor="visit-found">Tình hình nắm được</label>
          <textarea id="visit-found" value={found} onChange={(event) => setFound(event.target.value)} />
          <label htmlFor="visit-supported">Nội dung đã hỗ trợ</label>
          <textarea id="visit-supported" value={supported} onChange={(event) => setSupported(event.target.value)} />
          <label htmlFor="visit-follow-ups">Việc cần theo dõi tiếp</label>
          <textarea id="visit-follow-ups" value={followUps} onChange={(event) => setFollowUps(event.target.value)} />
          <p className="evidence-title" id="visit-photos-title">
            Ảnh
          </p>
          <EvidenceList ids={photos} onRemove={(id) => setPhotos(photos.filter((other) => other !== id))} />
          <label htmlFor="visit-photos" className={`secondary file-button${progress ? ' busy' : ''}`}>
            Thêm ảnh
          </label>
          <input
            id="visit-photos"
            className="visually-hidden"
            type="file"
            accept="image/jpeg,image/png"
            multiple
            disabled={progress !== undefined}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              void addPhotos(files);
            }}
          />
          {progress && (
            <p role="status" className="muted">
              {progress}
            </p>
          )}
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={busy || progress !== undefined || (!planned && !unit)}>
        {busy ? 'Đang lưu…' : reporting ? 'Lưu báo cáo chuyến đi' : 'Thêm vào kế hoạch'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
