import { useEffect, useState } from 'react';
import { calendarDate, formatCalendarDate } from '../../../domain/dates.ts';
import { ApiError, download, request } from '../api.ts';
import { navigate } from '../router.ts';

interface Overview {
  unit: { unitId: string; name: string; kind: string };
  year: number;
  month: number;
  programme: { title: string; targetDays: number };
  cadres: { userId: string; name: string; unitName: string; planned: number; done: number; target: number; pace: number; monthsBehind: number; lastVisit?: string }[];
  places: { unitId: string; name: string; visited: boolean; branchesVisited: number }[];
  branches?: { unitId: string; name: string; visited: boolean }[];
}

const days = (value: number) => value.toLocaleString('vi-VN');

/**
 * "1+2" as a leader reads it: each cadre's days done and planned against the target and the pace,
 * the communes never visited this year, for one commune its chi đoàn; an Excel copy.
 */
export function VisitOverviewPage({ unitId }: { unitId: string }) {
  const year = Number(calendarDate(new Date()).slice(0, 4));
  const [overview, setOverview] = useState<Overview>();
  const [error, setError] = useState<string>();
  const path = `/api/visit-overview/${encodeURIComponent(unitId)}?year=${year}`;

  useEffect(() => {
    request<Overview>('GET', path)
      .then(setOverview)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được số liệu đi cơ sở.'));
  }, [path]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!overview) return <p className="muted">Đang tải…</p>;
  const never = overview.places.filter((place) => !place.visited);
  return (
    <section>
      <h1>Đi công tác cơ sở "1+2" — {overview.unit.name}</h1>
      <p className="muted">
        {overview.programme.title}. Chỉ tiêu {overview.programme.targetDays} ngày/năm; số liệu đến ngày {formatCalendarDate(calendarDate(new Date()))}.
      </p>
      <button type="button" className="secondary" onClick={() => void download(`${path}&format=xlsx`).catch((failure: unknown) => setError((failure as Error).message))}>
        Tải Excel
      </button>
      <h2>Cán bộ</h2>
      {overview.cadres.length === 0 ? (
        <p className="muted">Chưa có cán bộ nào trong chương trình năm nay.</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="cadre-days">
            <thead>
              <tr>
                <th scope="col">Cán bộ</th>
                <th scope="col">Đã đi / chỉ tiêu</th>
                <th scope="col">Kế hoạch</th>
                <th scope="col">Tiến độ</th>
                <th scope="col">Lần gần nhất</th>
              </tr>
            </thead>
            <tbody>
              {overview.cadres.map((cadre) => (
                <tr key={cadre.userId}>
                  <th scope="row">
                    {cadre.name}
                    <br />
                    <span className="muted small">{cadre.unitName}</span>
                  </th>
                  <td>
                    {days(cadre.done)}/{cadre.target} ngày
                  </td>
                  <td>{days(cadre.planned)} ngày</td>
                  <td className={cadre.monthsBehind > 0 ? 'error' : undefined}>{cadre.monthsBehind > 0 ? `Chậm ${cadre.monthsBehind} tháng (cần ${days(cadre.pace)} ngày)` : 'Đúng tiến độ'}</td>
                  <td>{cadre.lastVisit ? formatCalendarDate(cadre.lastVisit) : 'Chưa đi'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {overview.branches ? (
        <>
          <h2>Chi đoàn</h2>
          <ul className="list">
            {overview.branches.map((branch) => (
              <li key={branch.unitId}>
                {branch.name}: {branch.visited ? 'đã có cán bộ về' : <strong className="error">chưa có cán bộ về</strong>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h2>Cơ sở chưa có cán bộ về trong năm ({never.length}/{overview.places.length})</h2>
          <ul className="list" data-testid="never-visited">
            {never.map((place) => (
              <li key={place.unitId}>
                <a href={`/visits/overview/${place.unitId}`} onClick={(event) => (event.preventDefault(), navigate(`/visits/overview/${place.unitId}`))}>
                  {place.name}
                </a>
              </li>
            ))}
          </ul>
          <h2>Đã có cán bộ về</h2>
          <ul className="list">
            {overview.places
              .filter((place) => place.visited)
              .map((place) => (
                <li key={place.unitId}>
                  <a href={`/visits/overview/${place.unitId}`} onClick={(event) => (event.preventDefault(), navigate(`/visits/overview/${place.unitId}`))}>
                    {place.name}
                  </a>{' '}
                  — {place.branchesVisited} chi đoàn
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
