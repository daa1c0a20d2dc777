import type { WeekPoint } from '../../../domain/dashboard/rows.ts';
import { formatCalendarDate } from '../format.ts';

interface Props {
  weeks: WeekPoint[];
  eligible: number;
  targets: { registrationShare?: number; recognitionShare?: number };
  deadlines: { registration?: string; results?: string };
}

const W = 320;
const H = 170;
const PAD = { left: 30, right: 8, top: 10, bottom: 34 };
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * The year so far, as a leader looks at it: registered and recognised, cumulative per week,
 * against the target lines and the deadlines. Inline SVG, a few hundred bytes of code.
 */
export function WeeklyChart({ weeks, eligible, targets, deadlines }: Props) {
  if (weeks.length === 0) return <p className="muted">Chưa có số liệu theo tuần.</p>;
  const marks = [deadlines.registration, deadlines.results].filter((date): date is string => !!date);
  const times = [...weeks.map((point) => day(point.week)), ...marks.map(day), Date.now()];
  const from = Math.min(...times);
  const to = Math.max(...times, from + 7 * 86_400_000);
  const top = Math.max(eligible, ...weeks.map((point) => point.registered), 1);
  const x = (time: number) => PAD.left + ((time - from) / (to - from)) * (W - PAD.left - PAD.right);
  const y = (value: number) => H - PAD.bottom - (value / top) * (H - PAD.top - PAD.bottom);
  // Steps: a figure holds until the week it changes.
  const path = (pick: (point: WeekPoint) => number) =>
    weeks.reduce((d, point, index) => `${d}${index === 0 ? `M${x(day(point.week))},${y(0)} V${y(pick(point))}` : ` H${x(day(point.week))} V${y(pick(point))}`}`, '') + ` H${x(Date.now())}`;
  const last = weeks.at(-1)!;
  const words = `Đến tuần ${formatCalendarDate(last.week)}: đã đăng ký ${last.registered}, đã công nhận ${last.recognised} trên ${eligible}.`;
  return (
    <figure className="weekly-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={words}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
        <text x={PAD.left - 4} y={y(top) + 4} className="tick" textAnchor="end">{top}</text>
        <text x={PAD.left - 4} y={y(0)} className="tick" textAnchor="end">0</text>
        {targets.registrationShare !== undefined && <line x1={PAD.left} x2={W - PAD.right} y1={y(targets.registrationShare * eligible)} y2={y(targets.registrationShare * eligible)} className="target registered" />}
        {targets.recognitionShare !== undefined && <line x1={PAD.left} x2={W - PAD.right} y1={y(targets.recognitionShare * eligible)} y2={y(targets.recognitionShare * eligible)} className="target recognised" />}
        {marks.map((date, index) => (
          <g key={date}>
            <line x1={x(day(date))} x2={x(day(date))} y1={PAD.top} y2={y(0)} className="deadline" />
            <text x={x(day(date))} y={H - PAD.bottom + 14 + index * 11} className="tick" textAnchor={x(day(date)) > W - 60 ? 'end' : x(day(date)) < PAD.left + 30 ? 'start' : 'middle'}>
              {index === 0 && deadlines.registration ? 'Hạn đăng ký' : 'Hạn báo cáo'} {formatCalendarDate(date).slice(0, 5)}
            </text>
          </g>
        ))}
        <path d={path((point) => point.registered)} className="line registered" />
        <path d={path((point) => point.recognised)} className="line recognised" />
      </svg>
      <figcaption className="legend">
        <span className="key registered">Đã đăng ký (cộng dồn)</span> <span className="key recognised">Đã công nhận</span> <span className="muted">— nét đứt: chỉ tiêu</span>
      </figcaption>
    </figure>
  );
}
