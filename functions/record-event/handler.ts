import * as z from 'zod';
import { criterionResultSchema } from '../../domain/recognition/criteria.ts';
import { applyDecision, recordSubmission } from '../shared/tasks/record-events.ts';
import { taskHandler } from '../shared/edge/task.ts';

const inputSchema = z.object({
  kind: z.enum(['submission', 'decision']),
  id: z.string().min(1),
  criteria: z.array(criterionResultSchema).optional(),
});

/**
 * Task of every step of the process state machines: records a submission (with its criteria
 * result) or carries out a decision, in one write, and returns the notices to send.
 */
export async function recordEvent({ kind, id, criteria }: z.infer<typeof inputSchema>) {
  return kind === 'submission' ? recordSubmission({ submissionId: id, criteria }) : applyDecision({ decisionId: id });
}

export const handler = taskHandler(inputSchema, recordEvent);
