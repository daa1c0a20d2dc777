import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { DEFAULT_TIMEOUT_SECONDS, FUNCTIONS, type FunctionDefinition } from '../catalog/functions.ts';
import { AWS_LIMITS, utf8Bytes } from './aws-limits.ts';

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
  /** Invocations and time per function, as Lambda bills them (npm run cost reads it). */
  readonly usage = new Map<string, { invocations: number; milliseconds: number }>();

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
    const used = this.usage.get(functionId) ?? { invocations: 0, milliseconds: 0 };
    this.usage.set(functionId, used);
    const started = performance.now();
    try {
      return await invokeAsLambda(handler, payload, functionId, definition?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
    } finally {
      used.invocations++;
      used.milliseconds += performance.now() - started;
    }
  }
}

/** A failed invocation, named as Lambda reports it to Step Functions (and logs it). */
export class LambdaInvokeError extends Error {
  constructor(
    override readonly name: 'RequestEntityTooLargeException' | 'Function.ResponseSizeTooLarge' | 'Sandbox.Timedout',
    message: string,
  ) {
    super(message);
  }
}

/**
 * One synchronous invocation with Lambda's limits: the event and the result each at most 6 MB
 * (as JSON), the function's timeout. In-process code cannot be killed, but its caller is answered
 * as Lambda would answer it, and a late result is dropped.
 */
export async function invokeAsLambda(handler: LambdaHandler, payload: unknown, functionId: string, timeoutSeconds: number): Promise<unknown> {
  const eventText = JSON.stringify(payload ?? null);
  if (utf8Bytes(eventText) > AWS_LIMITS.lambdaPayloadBytes) {
    throw new LambdaInvokeError('RequestEntityTooLargeException', `Request must be smaller than ${AWS_LIMITS.lambdaPayloadBytes} bytes for the InvokeFunction operation`);
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new LambdaInvokeError('Sandbox.Timedout', `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`)), timeoutSeconds * 1000);
  });
  try {
    const result = await Promise.race([handler(JSON.parse(eventText), lambdaContext(functionId, timeoutSeconds)), timedOut]);
    const resultText = JSON.stringify(result ?? null);
    if (utf8Bytes(resultText) > AWS_LIMITS.lambdaPayloadBytes) {
      throw new LambdaInvokeError('Function.ResponseSizeTooLarge', `Response payload size exceeded maximum allowed payload size (${AWS_LIMITS.lambdaPayloadBytes} bytes).`);
    }
    return JSON.parse(resultText) as unknown;
  } finally {
    clearTimeout(timer);
  }
}
