import { ENV, PROCESS_WORKFLOW_ENV, type EnvName, type WORKFLOW_ENV_OF } from '../../functions/shared/config/env-names.ts';

/**
 * Every Lambda function: where its handler lives and which environment it needs. CDK bundles the
 * entry; the local stack imports the same file and calls its exported `handler`.
 */
/** One second under API Gateway's 30 s integration timeout (see FunctionDefinition.timeoutSeconds). */
export const DEFAULT_TIMEOUT_SECONDS = 29;

export interface FunctionDefinition {
  id: string;
  entry: string;
  description: string;
  env: EnvName[];
  /** AWS permissions it needs, granted by the stack next to the matching env variable. */
  grants: ('table:read' | 'table:write' | 'workflow:process' | `workflow:${keyof typeof WORKFLOW_ENV_OF}` | 'mail:send' | 'evidence:upload' | 'evidence:check' | 'evidence:read' | 'users:provision' | 'seed:seal' | 'seed:open')[];
  /**
   * Defaults to 29 s: one under API Gateway's 30 s, after which the client has had a 503 and
   * the work would go on unseen. Only Step Functions tasks may ask for more.
   */
  timeoutSeconds?: number;
  /** Defaults to 512 MB. Lambda gives CPU in proportion: 1,769 MB is one whole vCPU. */
  memoryMb?: number;
  /**
   * At most this many at once (reserved concurrency). The account must keep 10 unreserved: a new
   * account's limit of 10 must be raised first (docs/runbook.md).
   */
  reservedConcurrency?: number;
}

export const FUNCTIONS = [
  {
    id: 'submitForm',
    entry: 'functions/submit-form/handler.ts',
    description: 'Stores a validated form submission, then starts its workflow',
    env: [ENV.tableName, ...PROCESS_WORKFLOW_ENV],
    grants: ['table:read', 'table:write', 'workflow:process'],
  },
  {
    id: 'withdrawSubmission',
    entry: 'functions/withdraw-submission/handler.ts',
    description: 'Withdraws a submission of the user\'s unit before its step\'s deadline',
    env: [ENV.tableName],
    grants: ['table:read', 'table:write'],
  },
  {
    id: 'getSubmission',
    entry: 'functions/get-submission/handler.ts',
    description: 'Returns one submission to a user allowed to see it',
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'listSubmissions',
    entry: 'functions/list-submissions/handler.ts',
    description: "Lists the signed-in user's unit's submissions, newest first",
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'getUnit',
    entry: 'functions/get-unit/handler.ts',
    description: 'Returns a unit the user may see, with the units directly under it',
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'createCycle',
    entry: 'functions/create-cycle/handler.ts',
    description: 'Opens a recognition cycle from a process template, with the province\'s changes',
    env: [ENV.tableName],
    grants: ['table:read', 'table:write'],
  },
  {
    id: 'getCycle',
    entry: 'functions/get-cycle/handler.ts',
    description: 'Returns one recognition cycle to a user inside or above its scope',
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'listCycles',
    entry: 'functions/list-cycles/handler.ts',
    description: "Lists the recognition cycles that apply to the user's unit",
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'drafts',
    entry: 'functions/drafts/handler.ts',
    description: "Keeps a unit's draft of a form: read, autosave, discard",
    env: [ENV.tableName],
    grants: ['table:read', 'table:write'],
  },
  {
    id: 'requestEvidenceUpload',
    entry: 'functions/request-evidence-upload/handler.ts',
    description: 'Records an evidence file and returns the signed form the browser uploads it with',
    env: [ENV.tableName, ENV.evidenceBucket],
    // The signed upload form acts with this function's permission to put objects.
    grants: ['table:read', 'table:write', 'evidence:upload'],
  },
  {
    id: 'confirmEvidence',
    entry: 'functions/confirm-evidence/handler.ts',
    description: "Checks an uploaded evidence file's type by its content; deletes files that are not what they claim",
    env: [ENV.tableName, ENV.evidenceBucket],
    grants: ['table:read', 'table:write', 'evidence:check'],
  },
  {
    id: 'getEvidence',
    entry: 'functions/get-evidence/handler.ts',
    description: 'Returns an evidence file\'s details and a short-lived download link to users allowed to see it',
    env: [ENV.tableName, ENV.evidenceBucket],
    grants: ['table:read', 'evidence:read'],
  },
  {
    id: 'importDirectory',
    entry: 'functions/import-directory/handler.ts',
    description: 'Imports units and users from an .xlsx or .csv file: every row checked, all or nothing',
    env: [ENV.tableName, ENV.provisionAccountsWorkflowArn],
    grants: ['table:read', 'table:write', 'workflow:provision-accounts'],
    // 20,000 rows are read, checked and written within the API's 30 s on one whole vCPU
    // (npm run bench:import: 12 s on one core of this machine).
    memoryMb: 1769,
  },
  {
    id: 'importTemplate',
    entry: 'functions/import-template/handler.ts',
    description: 'Returns the .xlsx or .csv template for importing units and users',
    env: [],
    grants: [],
  },
  {
    id: 'decide',
    entry: 'functions/decide/handler.ts',
    description: 'Checks and stores a confirmation, return, report or recognition decision, then starts its workflow',
    env: [ENV.tableName, ...PROCESS_WORKFLOW_ENV],
    grants: ['table:read', 'table:write', 'workflow:process'],
  },
  {
    id: 'board',
    entry: 'functions/board/handler.ts',
    description: "The Ban Thường vụ's desk: the organising department's tờ trình, their approval as numbered decisions (Word), and each unit's decision started",
    env: [ENV.tableName, ...PROCESS_WORKFLOW_ENV],
    grants: ['table:read', 'table:write', 'workflow:process'],
  },
  {
    id: 'getDecision',
    entry: 'functions/get-decision/handler.ts',
    description: 'Returns whether a decision was carried out, or refused and why, to its deciding unit',
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'listStuckRecords',
    entry: 'functions/stuck-records/handler.ts',
    description: 'Lists for admins the records stored but not yet carried out, with what the repairer last did',
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'dashboard',
    entry: 'functions/dashboard/handler.ts',
    description: "Returns a unit's year at a glance against the cycle's targets (JSON or Excel), from its tally and counts",
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'reports',
    entry: 'functions/reports/handler.ts',
    description: 'Keeps the yearly reports a unit sends upward, with its figures as they stood; serves them as JSON, Excel or Word',
    env: [ENV.tableName],
    grants: ['table:read', 'table:write'],
  },
  {
    id: 'visits',
    entry: 'functions/visits/handler.ts',
    description: 'A cadre plans and logs visits to the grassroots ("1+2"), and reads their year',
    env: [ENV.tableName],
    grants: ['table:read', 'table:write'],
  },
  {
    id: 'visitProgrammes',
    entry: 'functions/visit-programmes/handler.ts',
    description: 'A province adopts its yearly "1+2" programme: target days, pace, purposes',
    env: [ENV.tableName],
    grants: ['table:read', 'table:write'],
  },
  {
    id: 'visitOverview',
    entry: 'functions/visit-overview/handler.ts',
    description: 'Shows leaders each cadre\'s days at the grassroots against the target, and the places never visited',
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'getStanding',
    entry: 'functions/get-standing/handler.ts',
    description: "Returns where a unit stands in a cycle, what is next, and its verified history",
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'inbox',
    entry: 'functions/inbox/handler.ts',
    description: "Lists what waits on the user's unit in a cycle: dossiers to confirm, reports to decide",
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'verifyAudit',
    entry: 'functions/verify-audit/handler.ts',
    description: "Returns a unit's hash-chained history and whether every link holds",
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'checkCriteria',
    entry: 'functions/check-criteria/handler.ts',
    description: "Workflow task: evaluates the cycle's criteria rules on a self-assessment",
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'recordEvent',
    entry: 'functions/record-event/handler.ts',
    description: "Workflow task: records a submission or carries out a decision: standing, audit entry and notices in one write",
    env: [ENV.tableName, ENV.appUrl],
    grants: ['table:read', 'table:write'],
  },
  {
    id: 'sendNotices',
    entry: 'functions/send-notices/handler.ts',
    description: 'Workflow task: sends the emails an event queued, each once',
    env: [ENV.tableName, ENV.mailFrom, ENV.mailConfigurationSet],
    grants: ['table:read', 'table:write', 'mail:send'],
    // Within the notice claim's lease (SEND_LEASE_MS), so a live sender never loses its claim.
    timeoutSeconds: 60,
    // SES's sending rate sets the pace; a burst of executions waits in Step Functions' retries.
    reservedConcurrency: 5,
  },
  {
    id: 'recordMailFeedback',
    entry: 'functions/mail-feedback/handler.ts',
    description: 'SES bounce and complaint events (via SNS): stops mailing an address that bounced for good or complained',
    env: [ENV.tableName],
    grants: ['table:read', 'table:write'],
  },
  {
    id: 'repairStuckRecords',
    entry: 'functions/repair-outbox/handler.ts',
    description: 'Workflow task: starts again the workflow of records stored but not carried out',
    env: [ENV.tableName, ...PROCESS_WORKFLOW_ENV, ENV.appraisalDrawWorkflowArn, ENV.appraisalResultWorkflowArn],
    grants: ['table:read', 'table:write', 'workflow:process', 'workflow:appraisal-draw', 'workflow:appraisal-result'],
    timeoutSeconds: 120,
  },
  {
    id: 'provisionSignInAccounts',
    entry: 'functions/provision-accounts/handler.ts',
    description: 'Workflow task: creates or updates the sign-in accounts of one page of an import',
    env: [ENV.tableName, ENV.userPoolId],
    grants: ['table:read', 'users:provision'],
    timeoutSeconds: 120,
  },
  {
    id: 'recordSweepRun',
    entry: 'functions/record-sweep-run/handler.ts',
    description: 'Workflow task: records that the daily deadline sweep ran for a date, once',
    env: [ENV.tableName],
    grants: ['table:write'],
  },
  {
    id: 'manageDraw',
    entry: 'functions/manage-draw/handler.ts',
    description: 'Opens intake (commits the seed) or closes it (starts the appraisal draw)',
    env: [ENV.tableName, ENV.appraisalDrawWorkflowArn, ENV.drawSeedKeyId],
    grants: ['table:read', 'table:write', 'workflow:appraisal-draw', 'seed:seal'],
  },
  {
    id: 'getDraw',
    entry: 'functions/get-draw/handler.ts',
    description: 'Returns an appraisal draw with its commitment, or its revealed seed and samples',
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'drawSample',
    entry: 'functions/draw-sample/handler.ts',
    description: 'Task: draws the appraisal sample, assigns the team and queues their emails',
    env: [ENV.tableName, ENV.appUrl, ENV.drawSeedKeyId],
    grants: ['table:read', 'table:write', 'seed:open'],
    timeoutSeconds: 300,
  },
  {
    id: 'listAssignments',
    entry: 'functions/list-assignments/handler.ts',
    description: "Lists the signed-in appraiser's assignments in a cycle",
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'getAssignment',
    entry: 'functions/get-assignment/handler.ts',
    description: 'Returns an assigned chi đoàn’s dossier, criteria and evidence to its appraiser',
    env: [ENV.tableName],
    grants: ['table:read'],
  },
  {
    id: 'submitAppraisal',
    entry: 'functions/submit-appraisal/handler.ts',
    description: 'Stores an appraiser’s findings, then starts the appraisal-result workflow',
    env: [ENV.tableName, ENV.appraisalResultWorkflowArn],
    grants: ['table:read', 'table:write', 'workflow:appraisal-result'],
  },
  {
    id: 'recordAppraisal',
    entry: 'functions/record-appraisal/handler.ts',
    description: 'Task: records an appraisal on the chi đoàn and widens the sample after a failure',
    env: [ENV.tableName, ENV.appUrl],
    grants: ['table:read', 'table:write'],
    timeoutSeconds: 120,
  },
  {
    id: 'planSweep',
    entry: 'functions/plan-sweep/handler.ts',
    description: 'Task: finds the obligations due, overdue or to escalate on a date and queues one digest per recipient',
    env: [ENV.tableName, ENV.appUrl, ENV.appraisalDrawWorkflowArn],
    grants: ['table:read', 'table:write', 'workflow:appraisal-draw'],
    timeoutSeconds: 600,
  },
  {
    id: 'sweeps',
    entry: 'functions/sweeps/handler.ts',
    description: 'Runs the daily deadline sweep as of a chosen date, and reports a date\'s run (admin)',
    env: [ENV.tableName, ENV.dailySweepWorkflowArn],
    grants: ['table:read', 'workflow:daily-sweep'],
  },
  {
    id: 'listNotices',
    entry: 'functions/list-notices/handler.ts',
    description: 'Lists the deadline digests sent to a unit and the units under it',
    env: [ENV.tableName],
    grants: ['table:read'],
  },
] as const satisfies readonly FunctionDefinition[];

export type FunctionId = (typeof FUNCTIONS)[number]['id'];
