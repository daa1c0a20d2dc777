/**
 * Environment variable names, shared by the runtime (config.ts) and the infrastructure that sets
 * them (infra/constructs, infra/local), so the two can never drift apart.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  submissionWorkflowArn: 'SUBMISSION_WORKFLOW_ARN',
  decisionWorkflowArn: 'DECISION_WORKFLOW_ARN',
  mailFrom: 'MAIL_FROM',
  appUrl: 'APP_URL',
  evidenceBucket: 'EVIDENCE_BUCKET',
  /** Set only where the object store answers on one host name (the local store). */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];
