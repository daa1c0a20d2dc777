import { addDays, formatCalendarDate } from '../dates.ts';
import { html } from '../html.ts';
import type { MailMessage } from '../notices/message.ts';
import { DUTY_LABELS, DUTY_PATHS, type Due, type ReminderRule } from './obligations.ts';

/**
 * The daily sweep as a pure function of the date and the open obligations due on the dates it
 * looks at. For a date D and a cycle's rule: obligations due on D + n (n in daysBefore) are
 * reminded to their owner; those due on D − 1 are overdue: the owner is told, and its upper level
 * gets them in its digest; those due on D − 1 − grace are escalated one more level up. Each
 * recipient unit gets one digest for the day, whatever it holds.
 */
export type LineKind = 'reminder' | 'overdue' | 'overdue-below' | 'escalation';

export interface DigestLine {
  kind: LineKind;
  cycleId: string;
  cycleTitle: string;
  due: Due;
  /** Days until the deadline (reminder) or past it (the others). */
  days: number;
}

export interface Digest {
  recipientUnitId: string;
  lines: DigestLine[];
}

export interface SweepCycle {
  title: string;
  reminders: ReminderRule;
}

/** The deadline dates the sweep of `asOf` reads from the due index: one query each. */
export function datesToRead(asOf: string, rules: ReminderRule[]): string[] {
  const dates = new Set<string>([addDays(asOf, -1)]);
  for (const rule of rules) {
    for (const days of rule.daysBefore) dates.add(addDays(asOf, days));
    dates.add(addDays(asOf, -1 - rule.graceDays));
  }
  return [...dates].sort();
}

/** Whole days from one calendar date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function planDigests(asOf: string, dues: Due[], cycles: ReadonlyMap<string, SweepCycle>): Digest[] {
  const byRecipient = new Map<string, DigestLine[]>();
  const add = (recipientUnitId: string | undefined, line: DigestLine) => {
    if (!recipientUnitId) return;
    byRecipient.set(recipientUnitId, [...(byRecipient.get(recipientUnitId) ?? []), line]);
  };
  const seen = new Set<string>();
  for (const due of dues) {
    const cycle = cycles.get(due.cycleId);
    const key = `${due.cycleId}|${due.duty}|${due.ownerUnitId}|${due.subjectUnitId}`;
    if (!cycle || seen.has(key)) continue;
    seen.add(key);
    const until = daysBetween(asOf, due.deadline);
    const line = (kind: LineKind): DigestLine => ({ kind, cycleId: due.cycleId, cycleTitle: cycle.title, due, days: Math.abs(until) });
    if (until > 0 && cycle.reminders.daysBefore.includes(until)) add(due.ownerUnitId, line('reminder'));
    if (until === -1) {
      add(due.ownerUnitId, line('overdue'));
      add(due.ownerAncestors.at(-1), line('overdue-below'));
    }
    if (until === -1 - cycle.reminders.graceDays) add(due.ownerAncestors.at(-2), line('escalation'));
  }
  const order: LineKind[] = ['overdue', 'reminder', 'overdue-below', 'escalation'];
  return [...byRecipient.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([recipientUnitId, lines]) => ({
      recipientUnitId,
      lines: lines.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.due.subjectName.localeCompare(b.due.subjectName, 'vi')),
    }));
}

/** Each section's heading says what the lines are, and the note why this unit receives them. */
const SECTIONS: Record<LineKind, { title: string; why: string }> = {
  overdue: { title: 'Việc của đơn vị đã quá hạn', why: 'đơn vị của đồng chí chưa hoàn thành việc này' },
  reminder: { title: 'Việc sắp đến hạn', why: 'đơn vị của đồng chí chưa hoàn thành việc này' },
  'overdue-below': { title: 'Đơn vị trực thuộc chưa hoàn thành đúng hạn', why: 'các đơn vị này trực thuộc đơn vị của đồng chí' },
  escalation: { title: 'Đơn vị còn quá hạn sau thời gian gia hạn', why: 'các đơn vị này vẫn chưa hoàn thành sau thời gian gia hạn, nên được báo lên cấp của đồng chí' },
};

/** Whom a digest addresses: a chi đoàn's Bí thư, or a level's Ban Thường vụ. */
export function greetingOf(recipient: { name: string; kind?: string }): string {
  return recipient.kind === 'branch' ? `Kính gửi đồng chí Bí thư ${recipient.name},` : `Kính gửi Ban Thường vụ ${recipient.name},`;
}

function describe(line: DigestLine): string {
  const what = `${DUTY_LABELS[line.due.duty]} — ${line.due.subjectName}`;
  const deadline = formatCalendarDate(line.due.deadline);
  return line.kind === 'reminder' ? `${what}: hạn ${deadline}, còn ${line.days} ngày` : `${what}: hạn ${deadline}, đã quá ${line.days} ngày`;
}

/**
 * Where a leader sees a late unit below them: the dashboard of the level that holds it, narrowed to
 * the late units and searched for its name, so the link opens on the units the line is about.
 */
function dashboardPath({ due, cycleId }: DigestLine): string {
  const ownDuty = due.subjectUnitId === due.ownerUnitId;
  const level = ownDuty ? (due.ownerAncestors.at(-1) ?? due.ownerUnitId) : due.ownerUnitId;
  // A duty owed about another unit (a cadre to assign) is late on its owner's row, not the subject's.
  return `/dashboard/${encodeURIComponent(level)}?cycle=${encodeURIComponent(cycleId)}${ownDuty ? '&filter=late' : ''}&q=${encodeURIComponent(due.subjectName)}`;
}

/** One email for one recipient unit's digest: Vietnamese, HTML and text, every line escaped. */
export function digestMessage(digest: Digest, to: string[], context: { recipientName: string; recipientKind?: string; asOf: string; appUrl: string }): MailMessage {
  const greeting = greetingOf({ name: context.recipientName, kind: context.recipientKind });
  const counts = {
    late: digest.lines.filter((line) => line.kind !== 'reminder').length,
    soon: digest.lines.filter((line) => line.kind === 'reminder').length,
  };
  const parts = [counts.late > 0 ? `${counts.late} việc quá hạn` : '', counts.soon > 0 ? `${counts.soon} việc sắp đến hạn` : ''].filter(Boolean);
  const subject = `[${context.recipientName}] ${parts.join(', ')} — ngày ${formatCalendarDate(context.asOf)}`;
  const sections = (Object.keys(SECTIONS) as LineKind[])
    .map((kind) => ({ kind, lines: digest.lines.filter((line) => line.kind === kind) }))
    .filter((section) => section.lines.length > 0);
  const link = (line: DigestLine) => `${context.appUrl}${line.kind === 'reminder' || line.kind === 'overdue' ? DUTY_PATHS[line.due.duty](line.cycleId) : dashboardPath(line)}`;
  const text = [
    greeting,
    '',
    `Tổng hợp nhắc hạn ngày ${formatCalendarDate(context.asOf)} của hệ thống công nhận:`,
    ...sections.flatMap((section) => [
      '',
      `${SECTIONS[section.kind].title} (${section.lines.length}):`,
      ...section.lines.map((line) => `- ${line.cycleTitle}: ${describe(line)}. Thực hiện: ${link(line)}`),
      `(Đồng chí nhận mục này vì ${SECTIONS[section.kind].why}.)`,
    ]),
    '',
    'Mỗi đơn vị nhận nhiều nhất một thư tổng hợp mỗi ngày.',
  ].join('\n');
  const body =
    html`<p>${greeting}</p><p>Tổng hợp nhắc hạn ngày ${formatCalendarDate(context.asOf)} của hệ thống công nhận:</p>` +
    sections
      .map(
        (section) =>
          html`<h3>${SECTIONS[section.kind].title} (${section.lines.length})</h3>` +
          `<ul>${section.lines.map((line) => html`<li>${line.cycleTitle}: ${describe(line)}. <a href="${link(line)}">Thực hiện</a></li>`).join('')}</ul>` +
          html`<p style="color:#666">Đồng chí nhận mục này vì ${SECTIONS[section.kind].why}.</p>`,
      )
      .join('') +
    '<p style="color:#666">Mỗi đơn vị nhận nhiều nhất một thư tổng hợp mỗi ngày.</p>';
  return { to, subject, text, html: body };
}
