import type { FunctionId } from './functions.ts';

/**
 * State machines: the ASL file and, for each `${Placeholder}` in it, the function whose ARN
 * replaces it. CDK passes these as definitionSubstitutions; the local engine substitutes local
 * ARNs and binds each Task to the in-process handler.
 */
export interface WorkflowDefinition {
  id: string;
  file: string;
  type: 'STANDARD' | 'EXPRESS';
  functions: Record<string, FunctionId>;
}

export const WORKFLOWS = [
  {
    id: 'submission-received',
    file: 'workflows/submission-received.asl.json',
    type: 'STANDARD',
    functions: {
      CheckCriteriaFunctionArn: 'checkCriteria',
      RecordSubmissionFunctionArn: 'recordSubmission',
      SendNoticesFunctionArn: 'sendNotices',
    },
  },
  {
    id: 'decision-made',
    file: 'workflows/decision-made.asl.json',
    type: 'STANDARD',
    functions: {
      ApplyDecisionFunctionArn: 'applyDecision',
      SendNoticesFunctionArn: 'sendNotices',
    },
  },
  {
    id: 'daily-sweep',
    file: 'workflows/daily-sweep.asl.json',
    type: 'STANDARD',
    functions: {
      RecordSweepRunFunctionArn: 'recordSweepRun',
    },
  },
] as const satisfies readonly WorkflowDefinition[];

export type WorkflowId = (typeof WORKFLOWS)[number]['id'];
