import { formatCalendarDate } from '../dates.ts';
import { html } from '../html.ts';
import type { MailMessage } from './message.ts';

/**
 * The appraisal team's emails: one per appraiser per draw (or widening), listing every chi đoàn
 * they are to visit, grouped by commune, with the deadline and the link to their inbox.
 */
export interface AssignedUnit {
  unitName: string;
  communeName: string;
}

export interface AssignmentNoticeContext {
  appraiserName: string;
  upperUnitName: string;
  cycleTitle: string;
  dueDate: string;
  inboxUrl: string;
  /** A widening after a failed appraisal in that commune, rather than the draw. */
  widening?: { communeName: string; failedUnitName: string };
}

function byCommune(units: AssignedUnit[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const unit of units) groups.set(unit.communeName, [...(groups.get(unit.communeName) ?? []), unit.unitName]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi')).map(([commune, names]) => [commune, names.sort((a, b) => a.localeCompare(b, 'vi'))]);
}

export function assignmentMessage(to: string[], units: AssignedUnit[], context: AssignmentNoticeContext): MailMessage {
  const groups = byCommune(units);
  const due = formatCalendarDate(context.dueDate);
  const subject = context.widening
    ? `Thẩm định bổ sung ${units.length} chi đoàn tại ${context.widening.communeName}, hạn ${due}`
    : `Phân công thẩm định ${units.length} chi đoàn, hạn ${due}`;
  const why = context.widening
    ? `Chi đoàn ${context.widening.failedUnitName} không đúng như hồ sơ khi thẩm định, nên ${context.upperUnitName} thẩm định thêm các chi đoàn còn lại của ${context.widening.communeName}.`
    : `${context.upperUnitName} đã rút mẫu ngẫu nhiên các chi đoàn được báo cáo đạt chuẩn.`;
  const text = [
    `Kính gửi đồng chí ${context.appraiserName},`,
    '',
    `${context.cycleTitle}: ${why}`,
    `Đồng chí được phân công thẩm định ${units.length} chi đoàn dưới đây, hoàn thành chậm nhất ngày ${due}:`,
    ...groups.flatMap(([commune, names]) => [`${commune}:`, ...names.map((name) => `  - ${name}`)]),
    '',
    `Mở hộp thẩm định: ${context.inboxUrl}`,
    '',
    'Đồng chí nhận thư này vì là thành viên Tổ thẩm định trên hệ thống công nhận.',
  ].join('\n');
  const list = groups.map(([commune, names]) => html`<li><strong>${commune}</strong><ul>` + names.map((name) => html`<li>${name}</li>`).join('') + '</ul></li>').join('');
  const body =
    html`<p>Kính gửi đồng chí ${context.appraiserName},</p>
<p>${context.cycleTitle}: ${why}</p>
<p>Đồng chí được phân công thẩm định <strong>${units.length}</strong> chi đoàn dưới đây, hoàn thành chậm nhất ngày <strong>${due}</strong>:</p>` +
    `<ul>${list}</ul>` +
    html`<p><a href="${context.inboxUrl}">Mở hộp thẩm định</a></p>
<p style="color:#666">Đồng chí nhận thư này vì là thành viên Tổ thẩm định trên hệ thống công nhận.</p>`;
  return { to, subject, text, html: body };
}
