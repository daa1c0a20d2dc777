import { useState } from 'react';
import { addDays, calendarDate, formatCalendarDate, parseCalendarDate } from '../../../domain/dates.ts';
import { ApiError, request } from '../api.ts';

interface SweepRun {
  dues?: number;
  digests?: number;
  queued?: number;
  runs?: number;
}

/**
 * The admin's clock for the deadline sweep: run it as of any date (a rehearsal walks a year in
 * minutes), day by day with one tap. Dates in, dd/mm/yyyy, Vietnam time.
 */
export function SweepPage() {
  const [date, setDate] = useState(formatCalendarDate(calendarDate(new Date())));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [results, setResults] = useState<{ asOf: string; run: SweepRun }[]>([]);

  async function run(asOf: string) {
    setBusy(true);
    setError(undefined);
    try {
      await request('POST', '/api/sweeps', { asOf });
      // The sweep runs in its state machine: look at the date's run until this run is counted.
      const before = results.find((result) => result.asOf === asOf)?.run.runs ?? 0;
      let run: SweepRun | undefined;
      for (let attempt = 0; attempt < 60; attempt++) {
        run = (await request<{ run?: SweepRun }>('GET', `/api/sweeps/${asOf}`)).run;
        if ((run?.runs ?? 0) > before) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      setResults((previous) => [{ asOf, run: run ?? {} }, ...previous.filter((result) => result.asOf !== asOf)]);
      setDate(formatCalendarDate(addDays(asOf, 1)));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Không chạy được lượt quét, vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  const asOf = parseCalendarDate(date);
  return (
    <section>
      <h1>Quét hạn theo ngày</h1>
      <p className="muted">Chạy lượt nhắc hạn, báo quá hạn và báo cáo lên cấp trên như thể hôm nay là ngày đã chọn (hằng ngày hệ thống tự chạy lúc 07:00). Chạy lại một ngày không gửi lại thư đã gửi.</p>
      <label htmlFor="sweep-date">Ngày quét (dd/mm/yyyy)</label>
      <input id="sweep-date" inputMode="numeric" value={date} onChange={(event) => setDate(event.target.value)} aria-invalid={!asOf} />
      {!asOf && <p className="error">Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.</p>}
      <button type="button" className="primary" disabled={busy || !asOf} onClick={() => asOf && void run(asOf)}>
        {busy ? 'Đang quét…' : 'Chạy quét hạn'}
      </button>
      {error && <p className="error" role="alert">{error}</p>}
      <ul className="list" data-testid="sweep-results">
        {results.map(({ asOf: day, run: result }) => (
          <li key={day}>
            <strong>{formatCalendarDate(day)}</strong>
            <span>
              {result.dues ?? 0} việc đến hạn/quá hạn được xét · {result.digests ?? 0} thư tổng hợp · {result.queued ?? 0} thư mới gửi
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
