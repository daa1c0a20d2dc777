/**
 * Environment variable names, shared by the runtime (config.ts) and the infrastructure that sets
 * them (infra/constructs, infra/local), so the two can never drift apart.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  /** The state machine of each recognition model, named after its process template. */
  chiDoanDatChuanWorkflowArn: 'CHI_DOAN_DAT_CHUAN_WORKFLOW_ARN',
  doanCoSo3ChuDongWorkflowArn: 'DOAN_CO_SO_3_CHU_DONG_WORKFLOW_ARN',
  appraisalDrawWorkflowArn: 'APPRAISAL_DRAW_WORKFLOW_ARN',
  appraisalResultWorkflowArn: 'APPRAISAL_RESULT_WORKFLOW_ARN',
  dailySweepWorkflowArn: 'DAILY_SWEEP_WORKFLOW_ARN',
  provisionAccountsWorkflowArn: 'PROVISION_ACCOUNTS_WORKFLOW_ARN',
  mailFrom: 'MAIL_FROM',
  /** SES configuration set whose bounce and complaint events come back to the app (AWS only). */
  mailConfigurationSet: 'MAIL_CONFIGURATION_SET',
  appUrl: 'APP_URL',
  evidenceBucket: 'EVIDENCE_BUCKET',
  /** The Cognito user pool where imported people get their sign-in accounts. */
  userPoolId: 'USER_POOL_ID',
  /** The KMS key that seals an appraisal draw's secret seed (only the draw may open it). */
  drawSeedKeyId: 'DRAW_SEED_KEY_ID',
  /** Set only where the object store answers on one host name (the local store). */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

/** Which variable holds each model's state machine ARN (the workflow id is the template id). */
export const PROCESS_WORKFLOW_ENV_OF = {
  'chi-doan-dat-chuan': ENV.chiDoanDatChuanWorkflowArn,
  'doan-co-so-3-chu-dong': ENV.doanCoSo3ChuDongWorkflowArn,
} as const;
export const PROCESS_WORKFLOW_ENV = Object.values(PROCESS_WORKFLOW_ENV_OF);

/** The other state machines a function may start, by workflow id: the grant `workflow:<id>` sets the variable. */
export const WORKFLOW_ENV_OF = {
  'appraisal-draw': ENV.appraisalDrawWorkflowArn,
  'appraisal-result': ENV.appraisalResultWorkflowArn,
  'daily-sweep': ENV.dailySweepWorkflowArn,
  'provision-accounts': ENV.provisionAccountsWorkflowArn,
} as const;
