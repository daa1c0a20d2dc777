import { formatDateTime } from '../dates.ts';
import { FORMS } from '../forms/index.ts';
import { html } from '../html.ts';
import type { Submission } from '../submission.ts';
import type { MailMessage } from './message.ts';

/** The receipt a submitter gets once their submission is acknowledged. */
export function submissionReceipt(
  submission: Pick<Submission, 'submissionId' | 'formId' | 'submittedAt' | 'submittedBy'>,
  appUrl: string,
): MailMessage {
  const formTitle = FORMS[submission.formId].title;
  const when = formatDateTime(submission.submittedAt);
  const link = `${appUrl}/submissions/${encodeURIComponent(submission.submissionId)}`;
  const name = submission.submittedBy.name;
  return {
    to: [submission.submittedBy.email],
    subject: `Đã tiếp nhận: ${formTitle}`,
    text: [
      `Kính gửi đồng chí ${name},`,
      '',
      `Hệ thống đã tiếp nhận biểu mẫu "${formTitle}" do đồng chí gửi lúc ${when}.`,
      `Mã hồ sơ: ${submission.submissionId}`,
      `Xem trạng thái: ${link}`,
      '',
      'Đồng chí nhận thư này vì đã gửi biểu mẫu trên hệ thống công nhận Chi đoàn đạt chuẩn.',
    ].join('\n'),
    html: html`<p>Kính gửi đồng chí ${name},</p>
<p>Hệ thống đã tiếp nhận biểu mẫu <strong>${formTitle}</strong> do đồng chí gửi lúc ${when}.</p>
<p>Mã hồ sơ: <code>${submission.submissionId}</code></p>
<p><a href="${link}">Xem trạng thái hồ sơ</a></p>
<p style="color:#666">Đồng chí nhận thư này vì đã gửi biểu mẫu trên hệ thống công nhận Chi đoàn đạt chuẩn.</p>`,
  };
}
