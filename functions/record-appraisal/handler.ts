import * as z from 'zod';
import { recordAppraisalResult } from '../shared/tasks/appraisal-run.ts';
import { taskHandler } from '../shared/edge/task.ts';

const inputSchema = z.object({ appraisalId: z.string().min(1) });

/** Task RecordAppraisal of the appraisal-result state machine. */
export async function recordAppraisal({ appraisalId }: z.infer<typeof inputSchema>) {
  return recordAppraisalResult(appraisalId, new Date());
}

export const handler = taskHandler(inputSchema, recordAppraisal);
