import { html } from '../html.ts';
import type { MailMessage } from './message.ts';

/**
 * The reminder on the first of a month to a cadre behind the programme's pace at the end of the
 * month before (issue 18): where they are, what the pace asked, what the year asks.
 */
export function visitPaceMessage(
  cadre: { name: string; email: string },
  standing: { done: number; pace: number; month: number; year: number; targetDays: number; programmeTitle: string },
  appUrl: string,
): MailMessage {
  const days = (value: number) => value.toLocaleString('vi-VN');
  const short = standing.pace - standing.done;
  const link = `${appUrl}/visits`;
  const lines = [
    `Đến hết tháng ${standing.month}/${standing.year}, đồng chí đã đi cơ sở ${days(standing.done)} ngày; tiến độ cần ${days(standing.pace)} ngày (còn thiếu ${days(short)} ngày).`,
    `Chỉ tiêu cả năm: ${standing.targetDays} ngày (${standing.programmeTitle}).`,
  ];
  return {
    to: [cadre.email],
    subject: `Đi cơ sở "1+2": còn thiếu ${days(short)} ngày so với tiến độ tháng ${standing.month}/${standing.year}`,
    text: [`Kính gửi đồng chí ${cadre.name},`, '', ...lines, `Lên kế hoạch và ghi nhận chuyến đi: ${link}`, '', 'Thư nhắc gửi ngày đầu mỗi tháng cho cán bộ chưa đạt tiến độ đi cơ sở.'].join('\n'),
    html:
      html`<p>Kính gửi đồng chí ${cadre.name},</p>` +
      lines.map((line) => html`<p>${line}</p>`).join('') +
      html`<p><a href="${link}">Lên kế hoạch và ghi nhận chuyến đi</a></p>
<p style="color:#666">Thư nhắc gửi ngày đầu mỗi tháng cho cán bộ chưa đạt tiến độ đi cơ sở.</p>`,
  };
}
