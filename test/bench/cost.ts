import { GetExecutionHistoryCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { dynamo } from '../../functions/shared/config/config.ts';
import { FUNCTIONS } from '../../infra/catalog/functions.ts';
import { TestStack } from '../support/local-stack.ts';
import { addSecretaries, Appraisal, MODEL_A, Process, TAN_PHU_DONG_BRANCHES } from '../support/process.ts';
import { PRICES } from './cost/prices.ts';
import { DRAFT_SERVER_SAVE_INTERVAL_MS } from '../../domain/forms/drafts.ts';
import { EDGE_RULE_COUNT } from '../../infra/catalog/edge-rules.ts';

/**
 * npm run cost — prints, never asserts. What a national year costs in AWS, computed: each kind of
 * operation is run on the local stack and metered as AWS bills it (Lambda invocations and
 * GB-seconds, Step Functions state transitions from the executions' histories, DynamoDB capacity
 * units as DynamoDB Local reports them, e-mails, API requests); the national volumes below
 * multiply them; the dated price table (test/bench/cost/prices.ts) prices them. Identity
 * (Cognito) is priced apart. Goal (issue 17): ≤ $100 a year before identity.
 */
const GOAL_USD_BEFORE_IDENTITY = 100;

/** A national year's volumes: 34 provinces, 3,321 communes, 100,000 chi đoàn, both models. */
const NATION = { provinces: 34, communes: 3_321, branches: 100_000, grassroots: 6_000 };
const VOLUMES = {
  // Self-assessments (with 30% sent again), two progress reports each; communes' plans,
  // registrations and reports; "3 chủ động" plans and evaluations.
  submission: NATION.branches * (1.3 + 2) + NATION.communes * 3 + NATION.grassroots * 2,
  /** Drafts saved to the server: see DRAFT_SAVES_PER_FORM. */
  draftSave: 0,
  /** Per unit: confirmations, and the yearly maintenance of the 75% recognised. */
  confirm: NATION.branches * 1.75,
  report: NATION.branches,
  /** Per reported chi đoàn: its share of the draw and of the 30% appraised. */
  appraisal: NATION.branches,
  /** Per unit on a numbered decision. */
  decision: NATION.branches + NATION.grassroots,
  sweepDay: 365,
};
/**
 * A form is typed for about 15 minutes over three sittings: one save per interval typed
 * (domain/forms/drafts.ts) and one on leaving each sitting.
 */
const FORM = { typingMinutes: 15, sittings: 3 };
const DRAFT_SAVES_PER_FORM = Math.ceil((FORM.typingMinutes * 60_000) / DRAFT_SERVER_SAVE_INTERVAL_MS) + FORM.sittings;
VOLUMES.draftSave = VOLUMES.submission * DRAFT_SAVES_PER_FORM;
/** What is stored: about 30 KB per chi đoàn in the table, two shrunk photos of 400 KB as evidence. */
const STORED = { tableGb: (NATION.branches * 30 * 1024) / 1024 ** 3, evidenceGb: (NATION.branches * 2 * 400 * 1024) / 1024 ** 3 };
/** Page loads that read (home, inbox, dashboard): about ten reads per write a person makes. */
const READS_PER_WRITE = 10;
/**
 * What the edge carries: every API call (through CloudFront since issue 17) of about 4 KB
 * compressed, and a page load per ten calls of about 150 KB (the app's shell and the route's
 * chunks, compressed; cached in the browser after).
 */
const EDGE = { apiResponseKb: 4, pageLoadsPerApiRequest: 0.1, pageLoadKb: 150 };
/**
 * Log lines the functions write at INFO (JSON, about 300 bytes each): a submission stored and an
 * e-mail sent; Lambda's own lines are only kept at WARN (infra/constructs/service-function.ts).
 */
const LOG_LINE_BYTES = 300;
/** The months a year's forms and decisions fall in (plans, reports, the appraisal, the board). */
const ACTIVE_MONTHS = 4;
/** Who signs in: chi đoàn and commune secretaries and leaders above, in the active months. */
const MONTHLY_ACTIVE_USER_MONTHS = (NATION.branches + NATION.communes * 2 + NATION.provinces * 20) * ACTIVE_MONTHS;

interface Meter {
  lambdaRequests: number;
  lambdaGbSeconds: number;
  transitions: number;
  writeUnits: number;
  readUnits: number;
  emails: number;
  apiRequests: number;
}

const zero = (): Meter => ({ lambdaRequests: 0, lambdaGbSeconds: 0, transitions: 0, writeUnits: 0, readUnits: 0, emails: 0, apiRequests: 0 });

// DynamoDB's own bill: capacity units, as DynamoDB Local reports them on every call.
let writeUnits = 0;
let readUnits = 0;
const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;
dynamo().middlewareStack.add(
  (next, context) => async (args) => {
    (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
    const units = [consumed ?? []].flat().reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
    if (WRITES.test(context.commandName ?? '')) writeUnits += units;
    else readUnits += units;
    return result;
  },
  { step: 'initialize', name: 'meterCapacity' },
);

const local = await TestStack.start();
try {
  const memoryOf = new Map<string, number>(FUNCTIONS.map((fn) => [fn.id, ((fn as { memoryMb?: number }).memoryMb ?? 512) / 1024]));
  let apiRequests = 0;
  const api = local.api.bind(local);
  local.api = ((...args: Parameters<typeof api>) => (apiRequests++, api(...args)));
  const seen = new Set<string>();

  async function transitionsSinceLast(): Promise<number> {
    await local.stack.engine.idle();
    let count = 0;
    for (const stateMachineArn of Object.values(local.stack.workflowArns)) {
      const { executions } = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1000 }));
      for (const { executionArn } of executions ?? []) {
        if (!executionArn || seen.has(executionArn)) continue;
        seen.add(executionArn);
        const { events } = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
        count += (events ?? []).filter((event) => event.type?.endsWith('StateEntered')).length;
      }
    }
    return count;
  }

  async function snapshot(): Promise<Meter> {
    let lambdaRequests = 0;
    let lambdaGbSeconds = 0;
    for (const [functionId, used] of local.stack.lambdaUsage) {
      lambdaRequests += used.invocations;
      lambdaGbSeconds += (used.milliseconds / 1000) * (memoryOf.get(functionId) ?? 0.5);
    }
    return { lambdaRequests, lambdaGbSeconds, transitions: 0, writeUnits, readUnits, emails: (await local.inbox()).length, apiRequests };
  }

  /** One kind of operation, run `count` times in one go, metered per operation. */
  async function measure(count: number, run: () => Promise<void>): Promise<Meter> {
    await transitionsSinceLast();
    const before = await snapshot();
    await run();
    const transitions = await transitionsSinceLast();
    const after = await snapshot();
    const per = zero();
    for (const key of Object.keys(per) as (keyof Meter)[]) per[key] = key === 'transitions' ? transitions / count : (after[key] - before[key]) / count;
    return per;
  }

  const flow = new Process(local);
  await addSecretaries(local, [
    { userId: 'bithu-apphulong', name: 'Võ Thị Mai', unitId: TAN_PHU_DONG_BRANCHES[1]! },
    { userId: 'bithu-apphuhoa', name: 'Đặng Văn Tài', unitId: TAN_PHU_DONG_BRANCHES[0]! },
  ]);
  const secretaries = ['bithu-apphuthuan', 'bithu-apphulong', 'bithu-apphuhoa'];
  const per: Record<keyof typeof VOLUMES, Meter> = {
    draftSave: await measure(10, async () => {
      const token = await local.signIn('bithu-apphuthuan');
      for (let save = 0; save < 10; save++) await local.api('PUT', `/api/drafts/${MODEL_A}/self-assessment`, token, { data: { ...selfAssessmentSample, notes: `Lần ${save}` }, savedAt: new Date().toISOString() });
    }),
    submission: await measure(3, async () => {
      for (const userId of secretaries) await local.api('POST', '/api/submissions', await local.signIn(userId), { formId: 'self-assessment', cycleId: MODEL_A, idempotencyKey: randomUUID(), data: selfAssessmentSample });
    }),
    confirm: await measure(3, async () => void (await flow.decide('bithu-tanphudong', TAN_PHU_DONG_BRANCHES, 'confirm'))),
    report: await measure(3, async () => void (await flow.decide('bithu-tanphudong', TAN_PHU_DONG_BRANCHES, 'report'))),
    appraisal: await measure(3, async () => {
      const appraisal = new Appraisal(local);
      await appraisal.intake('open');
      await appraisal.intake('close');
      for (const { unitId } of await appraisal.assignments()) await appraisal.appraise(unitId);
    }),
    decision: await measure(3, async () => void (await flow.board('recognise', TAN_PHU_DONG_BRANCHES))),
    sweepDay: await measure(1, async () => {
      await local.api('POST', '/api/sweeps', await local.signIn('quantri-dongthap'), { asOf: '2027-10-02' });
    }),
  };

  // The year: each operation's metered use times its national volume, priced.
  const year = zero();
  for (const [kind, meter] of Object.entries(per) as [keyof typeof VOLUMES, Meter][]) {
    for (const key of Object.keys(year) as (keyof Meter)[]) year[key] += meter[key] * VOLUMES[kind];
  }
  const apiRequestsYear = year.apiRequests * (1 + READS_PER_WRITE);
  const lambdaRequestsYear = year.lambdaRequests + year.apiRequests * READS_PER_WRITE;
  const pageLoadsYear = apiRequestsYear * EDGE.pageLoadsPerApiRequest;
  const edgeRequestsYear = apiRequestsYear + pageLoadsYear;
  const edgeGbYear = (apiRequestsYear * EDGE.apiResponseKb + pageLoadsYear * EDGE.pageLoadKb) / 1024 ** 2;
  const readUnitsYear = year.readUnits + year.apiRequests * READS_PER_WRITE * 4;
  const bill = {
    stepFunctions: year.transitions * PRICES.stepFunctionsPerTransition,
    lambda: lambdaRequestsYear * PRICES.lambdaPerRequest + (year.lambdaGbSeconds + year.apiRequests * READS_PER_WRITE * 0.05) * PRICES.lambdaPerGbSecond,
    dynamoDb: year.writeUnits * PRICES.dynamoPerWriteUnit + readUnitsYear * PRICES.dynamoPerReadUnit + STORED.tableGb * 12 * (PRICES.dynamoStoragePerGbMonth + PRICES.dynamoPitrPerGbMonth),
    ses: year.emails * PRICES.sesPerEmail,
    s3: (STORED.evidenceGb / 2) * 12 * PRICES.s3StandardPerGbMonth + ((NATION.branches * 2 * 3) / 1000) * PRICES.s3PutPer1000 + ((NATION.branches * 10) / 1000) * PRICES.s3GetPer1000,
    httpApi: apiRequestsYear * PRICES.httpApiPerRequest,
    // The INFO lines the code writes (ERROR-level Step Functions logs and warnings add little).
    logs: (((VOLUMES.submission + year.emails) * LOG_LINE_BYTES) / 1024 ** 3) * PRICES.cloudWatchLogsPerGbIngested,
    // The year's traffic falls in the four active months; CloudFront's free allowance is monthly.
    cloudFront:
      ACTIVE_MONTHS *
      (Math.max(0, (edgeRequestsYear / ACTIVE_MONTHS) - PRICES.cloudFrontFreeMonthly.httpsRequests) * PRICES.cloudFrontPerHttpsRequest +
        Math.max(0, (pageLoadsYear / ACTIVE_MONTHS) - PRICES.cloudFrontFreeMonthly.functionInvocations) * PRICES.cloudFrontFunctionPerInvocation +
        Math.max(0, (edgeGbYear / ACTIVE_MONTHS) - PRICES.cloudFrontFreeMonthly.gbOut) * PRICES.cloudFrontPerGbOut),
    waf: 12 * (PRICES.wafPerWebAclMonth + EDGE_RULE_COUNT * PRICES.wafPerRuleMonth) + edgeRequestsYear * PRICES.wafPerRequest,
  };
  const identity = {
    lite: Math.max(0, MONTHLY_ACTIVE_USER_MONTHS - PRICES.cognitoFreeMau * 12) * PRICES.cognitoLitePerMau,
    essentials: Math.max(0, MONTHLY_ACTIVE_USER_MONTHS - PRICES.cognitoFreeMau * 12) * PRICES.cognitoEssentialsPerMau,
  };
  const total = Object.values(bill).reduce((sum, usd) => sum + usd, 0);
  const round = (usd: number) => Math.round(usd * 100) / 100;

  console.info(`Per operation, metered on the local stack (prices ${PRICES.region}, ${PRICES.asOf}):`);
  for (const [kind, meter] of Object.entries(per)) {
    console.info(
      `  ${kind.padEnd(11)} × ${String(VOLUMES[kind as keyof typeof VOLUMES]).padStart(9)}/yr: ${meter.transitions.toFixed(1)} transitions, ${meter.lambdaRequests.toFixed(1)} invocations, ${meter.writeUnits.toFixed(1)} WCU, ${meter.readUnits.toFixed(1)} RCU, ${meter.emails.toFixed(2)} e-mails`,
    );
  }
  console.info('A national year, per service (USD):');
  for (const [service, usd] of Object.entries(bill)) console.info(`  ${service.padEnd(13)} ${round(usd).toFixed(2).padStart(9)}`);
  console.info(`  ${'total'.padEnd(13)} ${round(total).toFixed(2).padStart(9)}  (goal ≤ ${GOAL_USD_BEFORE_IDENTITY} before identity)`);
  console.info(`Identity (Cognito, ${MONTHLY_ACTIVE_USER_MONTHS.toLocaleString('en')} active user-months): Lite ${round(identity.lite)} · Essentials ${round(identity.essentials)}`);
  console.info(
    JSON.stringify({
      bench: 'cost',
      prices: { region: PRICES.region, asOf: PRICES.asOf },
      figures: {
        usdPerYearBeforeIdentity: round(total),
        byService: Object.fromEntries(Object.entries(bill).map(([service, usd]) => [service, round(usd)])),
        identityUsdPerYear: { lite: round(identity.lite), essentials: round(identity.essentials) },
        perOperation: per,
        volumes: VOLUMES,
        draftSavesPerForm: DRAFT_SAVES_PER_FORM,
        edge: { requests: Math.round(edgeRequestsYear), gbOut: Math.round(edgeGbYear) },
      },
      goals: { usdPerYearBeforeIdentity: GOAL_USD_BEFORE_IDENTITY },
      met: total <= GOAL_USD_BEFORE_IDENTITY,
    }),
  );
} finally {
  await local.stop();
}
