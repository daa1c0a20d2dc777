import * as z from 'zod';
import { FORM_IDS } from '../../domain/forms/index.ts';
import { submissionReceipt } from '../../domain/notices/submission-receipt.ts';
import { SUBMISSION_STATUSES } from '../../domain/submission.ts';
import { config } from '../shared/config.ts';
import { sendNoticeOnce } from '../shared/mail.ts';
import { taskHandler } from '../shared/task.ts';

/** The acknowledged submission as AcknowledgeSubmission returns it (without its data). */
const inputSchema = z.object({
  submissionId: z.string().min(1),
  formId: z.enum(FORM_IDS),
  formVersion: z.int(),
  cycleId: z.string(),
  unitId: z.string(),
  submittedBy: z.object({ userId: z.string(), name: z.string(), email: z.email() }),
  submittedAt: z.iso.datetime(),
  status: z.enum(SUBMISSION_STATUSES),
});

/** Task SendReceipt: one receipt per submission, however often the task runs. */
export async function sendReceipt(submission: z.infer<typeof inputSchema>) {
  const noticeId = `receipt#${submission.submissionId}`;
  const { sent } = await sendNoticeOnce(noticeId, submissionReceipt(submission, config.appUrl), new Date());
  return { noticeId, sent };
}

export const handler = taskHandler(inputSchema, sendReceipt);
