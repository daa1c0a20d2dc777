import { formatDateTime } from '../dates.ts';
import { FORMS } from '../forms/index.ts';
import { html } from '../html.ts';
import type { CriterionResult } from '../recognition/criteria.ts';
import type { Submission } from '../submission.ts';
import type { MailMessage } from './message.ts';

export interface ReceiptOutcome {
  /** The criteria check, for a self-assessment: what passed and what is still short. */
  criteria?: CriterionResult[];
  /** Why the submission could not move the process (out of order, a step skipped). */
  refusal?: string;
}

/** The receipt a submitter gets once their submission is recorded, with what came of it. */
export function submissionReceipt(
  submission: Pick<Submission, 'submissionId' | 'formId' | 'submittedAt' | 'submittedBy'>,
  appUrl: string,
  outcome: ReceiptOutcome = {},
): MailMessage {
  const formTitle = FORMS[submission.formId].title;
  // The unit's own programme: a "3 chủ động" plan is not filed under Chi đoàn đạt chuẩn.
  const programme = FORMS[submission.formId].templateId === 'doan-co-so-3-chu-dong' ? 'xây dựng Đoàn cơ sở "3 chủ động"' : 'xây dựng Chi đoàn đạt chuẩn';
  const when = formatDateTime(submission.submittedAt);
  const link = `${appUrl}/submissions/${encodeURIComponent(submission.submissionId)}`;
  const name = submission.submittedBy.name;
  const results = outcome.criteria ?? [];
  const failed = results.filter((result) => !result.pass);
  const verdict = outcome.refusal
    ? `Hồ sơ được lưu nhưng chưa được ghi nhận vào quy trình: ${outcome.refusal}`
    : results.length === 0
      ? undefined
      : failed.length === 0
        ? `Kết quả kiểm tra: đạt cả ${results.length} tiêu chí. Hồ sơ đã chuyển Đoàn cấp xã xác nhận.`
        : `Kết quả kiểm tra: còn ${failed.length} tiêu chí chưa đạt. Đồng chí bổ sung rồi gửi lại hồ sơ.`;
  const subject = outcome.refusal ? `Chưa ghi nhận: ${formTitle}` : failed.length > 0 ? `Chưa đạt tiêu chí: ${formTitle}` : `Đã tiếp nhận: ${formTitle}`;
  return {
    to: [submission.submittedBy.email],
    subject,
    text: [
      `Kính gửi đồng chí ${name},`,
      '',
      `Hệ thống đã tiếp nhận biểu mẫu "${formTitle}" do đồng chí gửi lúc ${when}.`,
      ...(verdict ? [verdict, ...failed.map((result) => `- ${result.reason}`)] : []),
      `Mã hồ sơ: ${submission.submissionId}`,
      `Xem trạng thái: ${link}`,
      '',
      `Đồng chí nhận thư này vì đã gửi biểu mẫu ${programme} trên hệ thống.`,
    ].join('\n'),
    html:
      html`<p>Kính gửi đồng chí ${name},</p>
<p>Hệ thống đã tiếp nhận biểu mẫu <strong>${formTitle}</strong> do đồng chí gửi lúc ${when}.</p>` +
      (verdict ? html`<p>${verdict}</p>` : '') +
      (failed.length > 0 ? `<ul>${failed.map((result) => html`<li>${result.reason}</li>`).join('')}</ul>` : '') +
      html`<p>Mã hồ sơ: <code>${submission.submissionId}</code></p>
<p><a href="${link}">Xem trạng thái hồ sơ</a></p>
<p style="color:#666">Đồng chí nhận thư này vì đã gửi biểu mẫu ${programme} trên hệ thống.</p>`,
  };
}
