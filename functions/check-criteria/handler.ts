import * as z from 'zod';
import { figuresOfSelfAssessment, type SelfAssessment } from '../../domain/forms/self-assessment.ts';
import { evaluateCriteria } from '../../domain/recognition/criteria.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { getSubmission } from '../shared/store/submissions.ts';
import { taskHandler } from '../shared/edge/task.ts';

const inputSchema = z.object({ submissionId: z.string().min(1) });

/**
 * Task CheckCriteria: the cycle's criteria rules (as the province set them) evaluated on a
 * self-assessment's figures, each criterion pass or fail with its Vietnamese reason. Reads only;
 * RecordSubmission stores the result with everything else the submission changes.
 */
export async function checkCriteria({ submissionId }: z.infer<typeof inputSchema>) {
  const submission = await getSubmission(submissionId);
  if (submission.formId !== 'self-assessment') return { submissionId, checked: false, criteria: [] };
  const cycle = await getCycle(submission.cycleId);
  const criteria = evaluateCriteria(cycle.criteria, figuresOfSelfAssessment(submission.data as SelfAssessment));
  return { submissionId, checked: true, criteria, passed: criteria.every((result) => result.pass) };
}

export const handler = taskHandler(inputSchema, checkCriteria);
