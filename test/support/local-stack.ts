import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import './provided-context.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamodb.ts';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';

/** What the API answers, loosely: each test reads the fields it expects. */
export interface ApiBody {
  submissionId: string;
  status: string;
  message: string;
  issues?: { field: string; message: string }[];
  items: { submissionId: string; status: string }[];
  children?: { unitId: string; name: string }[];
}

export interface InboxEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/** The deployed bundles when the runner provides them (the suite on bundles); benchmarks run outside vitest. */
const bundlesToRun = () => (process.env.VITEST ? inject('lambdaBundles') : undefined);

/** The whole local stack on free ports with a throwaway data folder, plus clients to inspect it. */
export class TestStack {
  private dynamoClient?: DynamoDBClient;
  private sfnClient?: SFNClient;

  private constructor(
    readonly stack: LocalStack,
    readonly dataDir: string,
  ) {}

  static async start(dataDir = mkdtempSync(join(tmpdir(), 'doan-test-'))): Promise<TestStack> {
    const stack = await startLocalStack({
      dataDir,
      ports: { app: 0, dynamodb: 0, stepFunctions: 0, mail: 0, objectStore: 0, userPool: 0, keyService: 0 },
      scheduler: false,
      lambdaBundles: bundlesToRun(),
    });
    return new TestStack(stack, dataDir);
  }

  /**
   * Stops and starts again on the same data and ports, as `npm start` after Ctrl-C does. Same
   * ports because the handler modules stay loaded in this process and keep their SDK clients,
   * as a warm Lambda would.
   */
  async restart(): Promise<TestStack> {
    const port = (url: string) => Number(new URL(url).port);
    const { urls } = this.stack;
    await this.stop(false);
    const stack = await startLocalStack({
      dataDir: this.dataDir,
      ports: {
        app: port(urls.app),
        dynamodb: port(urls.dynamodb),
        stepFunctions: port(urls.stepFunctions),
        mail: port(urls.mailInbox),
        objectStore: port(urls.objectStore),
        userPool: port(urls.userPool),
        keyService: port(urls.keyService),
      },
      scheduler: false,
      lambdaBundles: bundlesToRun(),
    });
    return new TestStack(stack, this.dataDir);
  }

  /** Stops the stack; the data folder stays unless `discard` (a restart test reuses it). */
  async stop(discard = true): Promise<void> {
    await this.stack.stop();
    if (discard) rmSync(this.dataDir, { recursive: true, force: true });
  }

  get sfn(): SFNClient {
    this.sfnClient ??= new SFNClient({ endpoint: this.stack.urls.stepFunctions, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    return this.sfnClient;
  }

  get rawDynamo(): DynamoDBClient {
    this.dynamoClient ??= new DynamoDBClient({ endpoint: this.stack.urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    return this.dynamoClient;
  }

  get dynamo(): DynamoDBDocumentClient {
    return DynamoDBDocumentClient.from(this.rawDynamo);
  }

  async signIn(userId: string): Promise<string> {
    const response = await fetch(`${this.stack.urls.app}/local/sign-in`, { method: 'POST', body: JSON.stringify({ userId }) });
    return ((await response.json()) as { token: string }).token;
  }

  async api<T = ApiBody>(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.stack.urls.app}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async inbox(): Promise<InboxEmail[]> {
    const response = await fetch(`${this.stack.urls.mailInbox}/store`);
    return ((await response.json()) as { emails: InboxEmail[] }).emails;
  }
}

/** Polls a condition instead of sleeping a fixed time. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A fresh local stack for one test file, started before its tests and stopped after. `local`
 * may be replaced (a restart test does), and teardown stops whichever is current.
 */
export function localStackPerFile(): { local: TestStack } {
  const context = {} as { local: TestStack };
  beforeAll(async () => {
    context.local = await TestStack.start();
  });
  afterAll(async () => {
    await context.local?.stop();
  });
  return context;
}
