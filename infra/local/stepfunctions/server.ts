import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StepFunctionsError, type LocalStepFunctions } from './engine.ts';
import type { ExecutionRecord, ExecutionStatus } from './store.ts';

type Body = Record<string, unknown>;
type Operation = (engine: LocalStepFunctions, body: Body) => Promise<Body> | Body;

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);

function required(body: Body, field: string): string {
  const value = str(body[field]);
  if (!value) throw new StepFunctionsError('ValidationException', `1 validation error detected: '${field}' must not be null`);
  return value;
}

/** An execution as ListExecutions shows it. */
function summaryView(record: ExecutionRecord): Body {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: seconds(record.startDate),
    stopDate: seconds(record.stopDate),
  };
}

/** An execution as DescribeExecution shows it: the summary plus input, output and failure. */
function describeView(record: ExecutionRecord): Body {
  return {
    ...summaryView(record),
    input: record.input,
    output: record.output,
    error: record.error,
    cause: record.cause,
  };
}

/** The operations the app and its tests call, with Step Functions' request and response shapes. */
const OPERATIONS: Record<string, Operation> = {
  async StartExecution(engine, body) {
    const record = await engine.start(required(body, 'stateMachineArn'), str(body.name), str(body.input));
    return { executionArn: record.executionArn, startDate: seconds(record.startDate) };
  },
  async DescribeExecution(engine, body) {
    return describeView(await engine.describe(required(body, 'executionArn')));
  },
  async StopExecution(engine, body) {
    const stopDate = await engine.stop(required(body, 'executionArn'), str(body.error), str(body.cause));
    return { stopDate: seconds(stopDate) };
  },
  async ListExecutions(engine, body) {
    const arn = required(body, 'stateMachineArn');
    engine.machine(arn);
    const page = await engine.listExecutions(
      arn,
      str(body.statusFilter) as ExecutionStatus | undefined,
      num(body.maxResults) || 100,
      str(body.nextToken),
    );
    return {
      executions: page.items.map(summaryView),
      nextToken: page.nextToken,
    };
  },
  async GetExecutionHistory(engine, body) {
    const arn = required(body, 'executionArn');
    await engine.describe(arn);
    const page = await engine.history(arn, body.reverseOrder === true, num(body.maxResults) || 100, str(body.nextToken));
    return { events: page.items, nextToken: page.nextToken };
  },
  ListStateMachines(engine) {
    return {
      stateMachines: engine.listMachines().map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: 'STANDARD',
        creationDate: seconds(machine.createdAt),
      })),
    };
  },
  DescribeStateMachine(engine, body) {
    const machine = engine.machine(required(body, 'stateMachineArn'));
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: JSON.stringify(machine.definition),
      roleArn: 'arn:aws:iam::000000000000:role/local-stepfunctions',
      type: 'STANDARD',
      creationDate: seconds(machine.createdAt),
    };
  },
};

async function readBody(request: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Body) : {};
}

function send(response: ServerResponse, status: number, body: Body): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  response.end(JSON.stringify(body));
}

async function handle(engine: LocalStepFunctions, request: IncomingMessage, response: ServerResponse) {
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = OPERATIONS[target.replace(/^AWSStepFunctions\./, '')];
  if (request.method !== 'POST' || !operation) {
    return send(response, 400, { __type: 'UnknownOperationException', message: `Unsupported operation ${target}` });
  }
  try {
    send(response, 200, await operation(engine, await readBody(request)));
  } catch (error) {
    if (error instanceof StepFunctionsError) return send(response, error.code === 'ServiceUnavailable' ? 503 : 400, { __type: error.code, message: error.message });
    console.error('local-stepfunctions:', error);
    send(response, 500, { __type: 'InternalFailure', message: 'Internal failure' });
  }
}

/** Serves the engine on 127.0.0.1 for @aws-sdk/client-sfn (AWS_ENDPOINT_URL_SFN points here). */
export async function serveStepFunctions(engine: LocalStepFunctions, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => void handle(engine, request, response));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
