import * as z from 'zod';
import { submissionReceipt } from '../../domain/notices/submission-receipt.ts';
import { config } from '../shared/config.ts';
import { sendNoticeOnce } from '../shared/mail.ts';
import { getSubmission } from '../shared/submissions.ts';
import { taskHandler } from '../shared/task.ts';

const inputSchema = z.object({ submissionId: z.string().min(1) });

/** Task SendReceipt: one receipt per submission, however often the task runs. */
export async function sendReceipt(input: z.infer<typeof inputSchema>) {
  const submission = await getSubmission(input.submissionId);
  const noticeId = `receipt#${submission.submissionId}`;
  const { sent } = await sendNoticeOnce(noticeId, submissionReceipt(submission, config.appUrl), new Date());
  return { noticeId, sent };
}

export const handler = taskHandler(inputSchema, sendReceipt);
