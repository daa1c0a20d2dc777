import * as z from 'zod';
import { acknowledgeSubmission } from '../shared/submissions.ts';
import { taskHandler } from '../shared/task.ts';

const inputSchema = z.object({ submissionId: z.string().min(1) });

/** Task AcknowledgeSubmission: received → acknowledged, once. */
export async function acknowledge(input: z.infer<typeof inputSchema>) {
  const submission = await acknowledgeSubmission(input.submissionId, new Date());
  return { submissionId: submission.submissionId, unitId: submission.unitId, status: submission.status };
}

export const handler = taskHandler(inputSchema, acknowledge);
