import { formatDateTime } from '../dates.ts';
import { html } from '../html.ts';
import type { DecisionRecord } from '../process/decisions.ts';
import { ACTION_LABELS } from '../process/transitions.ts';
import type { MailMessage } from './message.ts';

/**
 * To the person whose decision was checked again when carried out and could not be applied
 * (another leader acted first, the unit moved meanwhile): they were told "sent" and must learn
 * it did not happen, and why.
 */
export function decisionRefusedNotice(
  decision: Pick<DecisionRecord, 'action' | 'decidedAt' | 'decidedBy' | 'unitId'>,
  unitName: string,
  refusal: string,
  to: string,
  appUrl: string,
): MailMessage {
  const action = ACTION_LABELS[decision.action];
  const when = formatDateTime(decision.decidedAt);
  const link = `${appUrl}/inbox`;
  const name = decision.decidedBy.name;
  return {
    to: [to],
    subject: `Chưa thực hiện: ${action} — ${unitName}`,
    text: [
      `Kính gửi đồng chí ${name},`,
      '',
      `Thao tác "${action}" đối với ${unitName} đồng chí gửi lúc ${when} chưa được thực hiện: ${refusal}`,
      'Đồng chí xem lại tình trạng hiện nay của đơn vị trước khi thao tác tiếp.',
      `Việc cần xử lý: ${link}`,
    ].join('\n'),
    html: html`<p>Kính gửi đồng chí ${name},</p>
<p>Thao tác <strong>${action}</strong> đối với <strong>${unitName}</strong> đồng chí gửi lúc ${when} <strong>chưa được thực hiện</strong>: ${refusal}</p>
<p>Đồng chí xem lại tình trạng hiện nay của đơn vị trước khi thao tác tiếp.</p>
<p><a href="${link}">Mở Việc cần xử lý</a></p>`,
  };
}
