import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { ENV, PROCESS_WORKFLOW_ENV_OF, WORKFLOW_ENV_OF } from '../../functions/shared/config/env-names.ts';
import { SCHEDULES } from '../catalog/schedules.ts';
import { APP_TABLE } from '../catalog/tables.ts';
import { WORKFLOWS } from '../catalog/workflows.ts';
import { serveApp } from './app-server.ts';
import { functionIdOfLocalArn, localArns } from './arns.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDb, type RunningDynamoDb } from './dynamodb.ts';
import { LocalLambdas } from './lambdas.ts';
import { startMail } from './mail.ts';
import { freePort } from './net.ts';
import { startObjectStore } from './object-store.ts';
import { LocalScheduler } from './scheduler.ts';
import { LocalSignIn } from './sign-in.ts';
import { loadWorkflow } from './stepfunctions/definitions.ts';
import { LocalStepFunctions } from './stepfunctions/engine.ts';
import { serveStepFunctions } from './stepfunctions/server.ts';
import { ExecutionStore } from './stepfunctions/store.ts';
import { seedDemoAccounts, seedDemoData } from './seed.ts';
import { LocalUserPool, serveUserPool } from './user-pool.ts';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { ensureTable } from './tables.ts';
import { LocalKeyService, serveKeyService } from './key-service.ts';

export interface LocalStackOptions {
  /** Where DynamoDB Local keeps its files and the sign-in key lives. */
  dataDir: string;
  /** 0 picks a free port (tests); the defaults suit people. */
  ports?: Partial<Record<keyof typeof DEFAULT_PORTS, number>>;
  root?: string;
  scheduler?: boolean;
  /** Function id → the deployed bundle to run instead of its source (tests of the artifact). */
  lambdaBundles?: Record<string, string>;
  /** The one log stream; `source` says which stand-in speaks (local, api, sfn). */
  log?: (line: string, source?: string) => void;
}

export interface LocalStack {
  urls: { app: string; mailInbox: string; stepFunctions: string; dynamodb: string; objectStore: string; userPool: string; keyService: string };
  tableName: string;
  workflowArns: Record<string, string>;
  engine: LocalStepFunctions;
  /** DynamoDB Local's process, for fault-injection tests (pause/resume). */
  database: Pick<RunningDynamoDb, 'pause' | 'resume' | 'pid'>;
  resumedExecutions: number;
  nextScheduled: { id: string; next: Date }[];
  /** Lambda invocations and time per function since start. */
  lambdaUsage: LocalLambdas['usage'];
  stop(): Promise<void>;
}

/**
 * What the handlers sign with: a secret drawn when this process starts, which the object store
 * checks every signature against (no public constant opens it). One per process, not per start:
 * a restarted stack in the same process keeps its handlers' SDK clients, as a warm Lambda does.
 */
const FUNCTION_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: randomBytes(30).toString('base64url') };

export const DEFAULT_PORTS = { app: 3000, dynamodb: 8000, stepFunctions: 8083, mail: 8005, objectStore: 8006, userPool: 8009, keyService: 8011 };
/** The key sealing appraisal draw seeds (KMS in AWS: infra/constructs/seed-key.ts). */
export const LOCAL_SEED_KEY_ID = 'local-draw-seed-key';
/** Shaped as a Cognito pool id (<region>_<id>). */
export const LOCAL_USER_POOL_ID = 'ap-southeast-1_LocalPool';
export const LOCAL_TABLE_NAME = 'recognition';
export const LOCAL_EVIDENCE_BUCKET = 'recognition-evidence';

const closeServer = (server: Server) => new Promise<void>((done) => server.close(() => done()));

async function portOf(requested: number | undefined, fallback: number): Promise<number> {
  const port = requested ?? fallback;
  return port === 0 ? freePort() : port;
}

/**
 * DynamoDB Local on the chosen port. A port picked free can be taken by another process in the
 * seconds the JVM needs to bind it (test stacks start side by side): then pick again.
 */
async function startDynamoDbOn(ports: { dynamodb: number }, picked: boolean, dir: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamoDb(ports.dynamodb, dir);
    } catch (error) {
      if (!picked || attempt >= 4 || !String(error).includes('Address already in use')) throw error;
      ports.dynamodb = await freePort();
    }
  }
}

/**
 * Brings the whole system up on one machine: DynamoDB Local, the local Step Functions endpoint
 * running workflows/*.asl.json, the SES inbox, API Gateway + the web app, and the scheduler.
 * The handlers reach them through the same environment variables they read in AWS.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const root = resolve(options.root ?? process.cwd());
  const log = (line: string) => options.log?.(line);
  const logFrom = (source: string) => (line: string) => options.log?.(line, source);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const ports = {
    app: await portOf(options.ports?.app, DEFAULT_PORTS.app),
    dynamodb: await portOf(options.ports?.dynamodb, DEFAULT_PORTS.dynamodb),
    stepFunctions: await portOf(options.ports?.stepFunctions, DEFAULT_PORTS.stepFunctions),
    mail: await portOf(options.ports?.mail, DEFAULT_PORTS.mail),
    objectStore: await portOf(options.ports?.objectStore, DEFAULT_PORTS.objectStore),
    userPool: await portOf(options.ports?.userPool, DEFAULT_PORTS.userPool),
    keyService: await portOf(options.ports?.keyService, DEFAULT_PORTS.keyService),
  };
  const appUrl = `http://localhost:${ports.app}`;
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  try {
    log('Starting DynamoDB Local, the mail inbox, the object store and the handlers…');
    // Independent start-ups overlap: the JVM boots while the handlers' modules load. Handlers
    // create their SDK clients on first use, after the environment below is set.
    // Before the handlers load: a bundle's logger is made as its module loads and reads its level then.
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    const lambdas = new LocalLambdas(root, options.lambdaBundles);
    const [dynamodb, mail, objects] = await Promise.all([
      startDynamoDbOn(ports, options.ports?.dynamodb === 0, join(dataDir, 'dynamodb')).then((started) => (cleanups.push(() => started.stop()), started)),
      startMail(ports.mail).then((started) => (cleanups.push(() => closeServer(started.server)), started)),
      startObjectStore({
        port: ports.objectStore,
        dir: join(dataDir, 'objects'),
        credentials: FUNCTION_CREDENTIALS,
        region: LOCAL_REGION,
        allowedOrigin: appUrl,
      }).then((started) => (cleanups.push(() => closeServer(started.server)), started)),
      lambdas.load(),
    ]);
    await ensureTable(dynamodb.client, LOCAL_TABLE_NAME, APP_TABLE);
    const mailFrom = 'Hệ thống công nhận Chi đoàn <khong-tra-loi@sadec.doan.example>';
    const userPool = new LocalUserPool({
      file: join(dataDir, 'user-pool.json'),
      userPoolId: LOCAL_USER_POOL_ID,
      mail: {
        client: new SESv2Client({ endpoint: `http://127.0.0.1:${mail.port}`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
        from: mailFrom,
        appUrl,
      },
    });
    const pool = await serveUserPool(userPool, ports.userPool);
    cleanups.push(() => closeServer(pool.server));
    const keyService = await serveKeyService(new LocalKeyService(join(dataDir, 'kms-keys.json'), [LOCAL_SEED_KEY_ID]), ports.keyService);
    cleanups.push(() => closeServer(keyService.server));

    const objectStoreUrl = `http://127.0.0.1:${objects.port}`;
    const workflowArns = Object.fromEntries(WORKFLOWS.map((workflow) => [workflow.id, localArns.stateMachine(workflow.id)]));
    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: FUNCTION_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FUNCTION_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${ports.stepFunctions}`,
      AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${mail.port}`,
      AWS_ENDPOINT_URL_S3: objectStoreUrl,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: `http://127.0.0.1:${pool.port}`,
      AWS_ENDPOINT_URL_KMS: `http://127.0.0.1:${keyService.port}`,
      [ENV.drawSeedKeyId]: LOCAL_SEED_KEY_ID,
      // CloudWatch's embedded metrics exist only in AWS; locally the same figures are in the
      // functions' answers (the repair's report) and the logs would only repeat them.
      POWERTOOLS_METRICS_DISABLED: 'true',
      // One log stream for the whole stack: the functions' structured lines only from warnings up.
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL,
      [ENV.userPoolId]: LOCAL_USER_POOL_ID,
      [ENV.s3ForcePathStyle]: 'true',
      [ENV.evidenceBucket]: LOCAL_EVIDENCE_BUCKET,
      [ENV.tableName]: LOCAL_TABLE_NAME,
      ...Object.fromEntries(Object.entries(PROCESS_WORKFLOW_ENV_OF).map(([templateId, env]) => [env, workflowArns[templateId]])),
      ...Object.fromEntries(Object.entries(WORKFLOW_ENV_OF).map(([workflowId, env]) => [env, workflowArns[workflowId]])),
      [ENV.mailFrom]: mailFrom,
      [ENV.appUrl]: appUrl,
    });

    const seeded = await seedDemoData();
    if (seeded.units > 0) log(`Loaded the demo organisation: ${seeded.units} units (Thành Đoàn Sa Đéc).`);
    if (seeded.users > 0) log(`Loaded ${seeded.users} demo accounts.`);
    if (seeded.events > 0) log(`Brought the demo units to where they stand: ${seeded.events} process events.`);
    if (seeded.dashboards) log('Counted the units and standings for the leaders\' dashboards.');
    const demoAccounts = await seedDemoAccounts(userPool);
    if (demoAccounts > 0) log(`Gave ${demoAccounts} demo accounts their sign-in in the local user pool.`);

    const store = new ExecutionStore(join(dataDir, 'stepfunctions', 'executions.jsonl'));
    await store.init();
    cleanups.push(() => store.close());
    const engine = new LocalStepFunctions(
      store,
      (arn) => {
        const functionId = functionIdOfLocalArn(arn);
        return functionId ? (input) => lambdas.invoke(functionId, input) : undefined;
      },
      logFrom('sfn'),
    );
    for (const workflow of WORKFLOWS) engine.register(workflow.id, loadWorkflow(workflow, localArns.lambda, root));
    const stepFunctions = await serveStepFunctions(engine, ports.stepFunctions);
    cleanups.push(async () => {
      await closeServer(stepFunctions.server);
      await engine.idle();
    });
    const resumedExecutions = await engine.resume();

    const mailInbox = `http://localhost:${mail.port}`;
    const signIn = LocalSignIn.open(join(dataDir, 'sign-in.key'));
    const app = await serveApp({
      port: ports.app,
      webRoot: join(root, 'web/dist'),
      mailInboxUrl: mailInbox,
      lambdas,
      signIn,
      userPool,
      log: logFrom('api'),
      uploadOrigin: objectStoreUrl,
    });
    cleanups.push(() => closeServer(app.server));

    const scheduler = new LocalScheduler(SCHEDULES, async (schedule, scheduledTime) => {
      const name = `${schedule.id}-${scheduledTime.toISOString().replace(/[:.]/g, '-')}`;
      await engine.start(workflowArns[schedule.workflowId]!, name, JSON.stringify({ scheduledTime: scheduledTime.toISOString() }));
    });
    const nextScheduled = options.scheduler === false ? [] : scheduler.start();
    cleanups.push(() => Promise.resolve(scheduler.stop()));

    return {
      urls: {
        app: appUrl,
        mailInbox,
        stepFunctions: `http://127.0.0.1:${stepFunctions.port}`,
        dynamodb: dynamodb.endpoint,
        objectStore: objectStoreUrl,
        userPool: `http://127.0.0.1:${pool.port}`,
        keyService: `http://127.0.0.1:${keyService.port}`,
      },
      tableName: LOCAL_TABLE_NAME,
      workflowArns,
      engine,
      database: dynamodb,
      resumedExecutions,
      nextScheduled,
      lambdaUsage: lambdas.usage,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
