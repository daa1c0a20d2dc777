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
    id: 'chi-doan-dat-chuan',
    file: 'workflows/chi-doan-dat-chuan.asl.json',
    type: 'STANDARD',
    functions: {
      CheckCriteriaFunctionArn: 'checkCriteria',
      RecordEventFunctionArn: 'recordEvent',
      SendNoticesFunctionArn: 'sendNotices',
    },
  },
  {
    id: 'doan-co-so-3-chu-dong',
    file: 'workflows/doan-co-so-3-chu-dong.asl.json',
    type: 'STANDARD',
    functions: {
      RecordEventFunctionArn: 'recordEvent',
      SendNoticesFunctionArn: 'sendNotices',
    },
  },
  {
    id: 'appraisal-draw',
    file: 'workflows/appraisal-draw.asl.json',
    type: 'STANDARD',
    functions: {
      DrawSampleFunctionArn: 'drawSample',
      SendNoticesFunctionArn: 'sendNotices',
    },
  },
  {
    id: 'appraisal-result',
    file: 'workflows/appraisal-result.asl.json',
    type: 'STANDARD',
    functions: {
      RecordAppraisalFunctionArn: 'recordAppraisal',
      SendNoticesFunctionArn: 'sendNotices',
    },
  },
  {
    id: 'daily-sweep',
    file: 'workflows/daily-sweep.asl.json',
    type: 'STANDARD',
    functions: {
      RecordSweepRunFunctionArn: 'recordSweepRun',
      PlanSweepFunctionArn: 'planSweep',
      SendNoticesFunctionArn: 'sendNotices',
    },
  },
  {
    id: 'provision-accounts',
    file: 'workflows/provision-accounts.asl.json',
    type: 'STANDARD',
    functions: {
      ProvisionAccountsFunctionArn: 'provisionSignInAccounts',
    },
  },
  {
    id: 'repair-outbox',
    file: 'workflows/repair-outbox.asl.json',
    type: 'STANDARD',
    functions: {
      RepairOutboxFunctionArn: 'repairStuckRecords',
    },
  },
] as const satisfies readonly WorkflowDefinition[];

export type WorkflowId = (typeof WORKFLOWS)[number]['id'];
