import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { DEFAULT_TIMEOUT_SECONDS, FUNCTIONS, type FunctionDefinition } from '../catalog/functions.ts';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

function lambdaContext(functionId: string, timeoutSeconds: number): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: functionId,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionId,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionId}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * The in-process Lambda runtime: imports each catalogued handler file once and invokes its
 * exported `handler`. Payloads go through JSON both ways, as they do over a real Invoke.
 * Given `bundles` (function id → the bundle CDK deploys, see bundles.ts), it runs those instead
 * of the sources, so the suite can test the artifact that goes to AWS.
 */
export class LocalLambdas {
  private readonly handlers = new Map<string, LambdaHandler>();

  constructor(
    private readonly root = process.cwd(),
    private readonly bundles?: Record<string, string>,
  ) {}

  async load(): Promise<void> {
    await Promise.all(
      FUNCTIONS.map(async (fn) => {
        const file = this.bundles ? this.bundles[fn.id] : resolve(this.root, fn.entry);
        if (!file) throw new Error(`No bundle for ${fn.id}`);
        const module = (await import(pathToFileURL(file).href)) as { handler?: LambdaHandler };
        if (typeof module.handler !== 'function') throw new Error(`${file} exports no handler`);
        this.handlers.set(fn.id, module.handler);
      }),
    );
  }

  async invoke(functionId: string, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(functionId);
    if (!handler) throw new Error(`No local function ${functionId}`);
    const definition: FunctionDefinition | undefined = FUNCTIONS.find((fn) => fn.id === functionId);
    const event: unknown = JSON.parse(JSON.stringify(payload ?? null));
    const result = await handler(event, lambdaContext(functionId, definition?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS));
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  }
}
