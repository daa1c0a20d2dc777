import * as z from 'zod';
import { acknowledgeSubmission } from '../shared/submissions.ts';
import { taskHandler } from '../shared/task.ts';

const inputSchema = z.object({ submissionId: z.string().min(1) });

/** Task AcknowledgeSubmission: received → acknowledged, once; returns what the next steps need. */
export async function acknowledge(input: z.infer<typeof inputSchema>) {
  const { data: _data, ...submission } = await acknowledgeSubmission(input.submissionId, new Date());
  return submission;
}

export const handler = taskHandler(inputSchema, acknowledge);
