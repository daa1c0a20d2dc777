import { randomUUID } from 'node:crypto';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import { AWS_LIMITS, jsonBytes, utf8Bytes } from '../aws-limits.ts';
import { localArns } from '../arns.ts';
import { allStates, type AslMachine } from './definitions.ts';
import { HistoryRecorder } from './history.ts';
import { ExecutionExistsError, type ExecutionRecord, type ExecutionStatus, type ExecutionStore } from './store.ts';

type EngineInput = Parameters<StateMachine['run']>[0];

/** Runs a Task whose Resource is the given ARN; returns undefined for ARNs it does not serve. */
export type TaskInvoker = (resourceArn: string) => ((input: unknown) => Promise<unknown>) | undefined;

interface RegisteredMachine {
  arn: string;
  name: string;
  definition: AslMachine;
  engine: StateMachine;
  handlers: Record<string, (input: unknown) => Promise<never>>;
  createdAt: number;
}

export class StepFunctionsError extends Error {
  override name = 'StepFunctionsError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Step Functions on one machine: the ASL runs in aws-local-stepfunctions, Task states call the
 * in-process handlers, and every execution is recorded in the store's journal. Executions that were
 * running when the process died are started again on the next start (tasks are idempotent).
 */
export class LocalStepFunctions {
  private readonly machines = new Map<string, RegisteredMachine>();
  private readonly running = new Map<string, { abort: () => void; done: Promise<void> }>();
  private readonly stopReasons = new Map<string, { error?: string; cause?: string }>();
  /** While set, started executions are recorded and queued here instead of run. */
  private held?: { machine: RegisteredMachine; record: ExecutionRecord }[];
  /** While set, StartExecution fails with this error code (fault injection: Step Functions unavailable). */
  private startFault?: string;

  constructor(
    private readonly store: ExecutionStore,
    private readonly invokerFor: TaskInvoker,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  register(name: string, definition: AslMachine): string {
    const arn = localArns.stateMachine(name);
    const handlers: RegisteredMachine['handlers'] = {};
    for (const [stateName, state] of allStates(definition)) {
      if (state.Type !== 'Task' || !state.Resource) continue;
      const invoke = this.invokerFor(state.Resource);
      if (!invoke) throw new Error(`${name}: no local handler for ${stateName} (${state.Resource})`);
      // The engine keys overrides by state name, so two Tasks of one name would be ambiguous.
      if (handlers[stateName]) throw new Error(`${name}: Task state name ${stateName} is used twice`);
      handlers[stateName] = invoke as (input: unknown) => Promise<never>;
    }
    const engine = new StateMachine(definition as unknown as StateMachineDefinition);
    this.machines.set(arn, { arn, name, definition, engine, handlers, createdAt: Date.now() });
    return arn;
  }

  listMachines(): { arn: string; name: string; definition: AslMachine; createdAt: number }[] {
    return [...this.machines.values()];
  }

  machine(arn: string): RegisteredMachine {
    const machine = this.machines.get(arn);
    if (!machine) throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  }

  /** StartExecution semantics: a repeated name with the same input while running returns the first. */
  async start(stateMachineArn: string, name: string = randomUUID(), input = '{}'): Promise<ExecutionRecord> {
    if (this.startFault) throw new StepFunctionsError(this.startFault, 'Injected fault: the service is unavailable.');
    const machine = this.machine(stateMachineArn);
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) {
      throw new StepFunctionsError('InvalidName', `Invalid Name: '${name}'`);
    }
    try {
      JSON.parse(input);
    } catch {
      throw new StepFunctionsError('InvalidExecutionInput', 'Invalid State Machine Execution Input');
    }
    if (utf8Bytes(input) > AWS_LIMITS.stepFunctionsPayloadBytes) {
      throw new StepFunctionsError(
        'ValidationException',
        `1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${AWS_LIMITS.stepFunctionsPayloadBytes}`,
      );
    }
    const record: ExecutionRecord = {
      executionArn: localArns.execution(machine.name, name),
      stateMachineArn,
      name,
      status: 'RUNNING',
      startDate: Date.now(),
      input,
    };
    try {
      await this.store.create(record);
    } catch (error) {
      if (!(error instanceof ExecutionExistsError)) throw error;
      const existing = await this.store.get(record.executionArn);
      if (existing?.status === 'RUNNING' && existing.input === input) return existing;
      throw new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${record.executionArn}'`);
    }
    if (this.held) this.held.push({ machine, record });
    else this.run(machine, record);
    return record;
  }

  /**
   * Records started executions without running them until released: a benchmark measures what
   * accepting a submission costs, apart from the workflow work that in AWS runs elsewhere.
   */
  holdExecutions(): void {
    this.held ??= [];
  }

  /** Makes every StartExecution fail with this code (e.g. ServiceUnavailable) until called with undefined. */
  failStarts(code: string | undefined): void {
    this.startFault = code;
  }

  /** Runs everything held, in the order it was started. Returns how many. */
  releaseExecutions(): number {
    const held = this.held ?? [];
    this.held = undefined;
    for (const { machine, record } of held) this.run(machine, record);
    return held.length;
  }

  /** Starts again every execution left RUNNING by a previous process. */
  async resume(): Promise<number> {
    const stale = (await this.store.listRunning()).filter((record) => !this.running.has(record.executionArn));
    for (const record of stale) {
      const machine = this.machines.get(record.stateMachineArn);
      if (machine) this.run(machine, record);
    }
    return stale.length;
  }

  async stop(executionArn: string, error?: string, cause?: string): Promise<number> {
    const record = await this.describe(executionArn);
    if (record.status !== 'RUNNING') return record.stopDate ?? Date.now();
    const active = this.running.get(executionArn);
    if (active) {
      this.stopReasons.set(executionArn, { error, cause });
      active.abort();
      await active.done;
      return (await this.describe(executionArn)).stopDate ?? Date.now();
    }
    // Left RUNNING by a process that died, and not resumed: close it as it stands.
    const stopDate = Date.now();
    const recorder = new HistoryRecorder();
    recorder.record('ExecutionAborted', stopDate, { executionAbortedEventDetails: { error, cause } });
    await this.store.closeExecution(executionArn, { status: 'ABORTED', stopDate, error, cause }, recorder.events);
    return stopDate;
  }

  async describe(executionArn: string): Promise<ExecutionRecord> {
    const record = await this.store.get(executionArn);
    if (!record) throw new StepFunctionsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  listExecutions(stateMachineArn: string, status: ExecutionStatus | undefined, limit: number, token?: string) {
    return this.store.list(stateMachineArn, status, limit, token);
  }

  history(executionArn: string, reverse: boolean, limit: number, token?: string) {
    return this.store.history(executionArn, reverse, limit, token);
  }

  /** Resolves when no execution is running in this process (for a clean shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()].map((run) => run.done));
  }

  private run(machine: RegisteredMachine, record: ExecutionRecord): void {
    const input = JSON.parse(record.input) as EngineInput;
    const limit = new DataLimit();
    const execution = machine.engine.run(input, {
      overrides: { taskResourceLocalHandlers: limit.guard(machine.handlers, () => execution.abort()) },
      context: {
        Execution: {
          Id: record.executionArn,
          Name: record.name,
          Input: input,
          StartTime: new Date(record.startDate).toISOString(),
          RoleArn: localArns.role('local-stepfunctions'),
        },
        StateMachine: { Id: machine.arn, Name: machine.name },
      },
    });
    const recorder = new HistoryRecorder();
    const logged = (async () => {
      for await (const event of execution.eventLogs) {
        recorder.recordEngineEvent(event);
        if (limit.exceededBy(event)) execution.abort();
      }
    })();
    const done = (async () => {
      const settled = await settle(execution.result);
      const outcome = limit.failure() ?? settled;
      await logged.catch(() => undefined);
      const reason = this.stopReasons.get(record.executionArn);
      this.stopReasons.delete(record.executionArn);
      await this.store.closeExecution(record.executionArn, { ...outcome, ...reason }, recorder.events);
      const failure = outcome.error ? ` ${outcome.error}: ${outcome.cause ?? ''}` : '';
      this.log(`${machine.name}/${record.name} ${outcome.status} in ${outcome.stopDate - record.startDate} ms${failure}`);
    })()
      .catch((error: unknown) => console.error(`local-stepfunctions: could not record ${record.executionArn}`, error))
      .finally(() => this.running.delete(record.executionArn));
    this.running.set(record.executionArn, { abort: execution.abort, done });
  }
}

async function settle(result: Promise<unknown>): Promise<{
  status: ExecutionStatus;
  stopDate: number;
  output?: string;
  error?: string;
  cause?: string;
}> {
  try {
    const output = await result;
    return { status: 'SUCCEEDED', stopDate: Date.now(), output: JSON.stringify(output ?? null) };
  } catch (error) {
    const stopDate = Date.now();
    if (error instanceof ExecutionAbortedError) return { status: 'ABORTED', stopDate };
    if (error instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT', stopDate, error: 'States.Timeout' };
    const failure = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
    return {
      status: 'FAILED',
      stopDate,
      error: failure instanceof Error ? failure.name : 'States.Runtime',
      cause: failure instanceof Error ? failure.message : String(failure),
    };
  }
}

type EngineEvent = Parameters<HistoryRecorder['recordEngineEvent']>[0];
type Handlers = RegisteredMachine['handlers'];

/**
 * Step Functions' 256 KiB limit on one execution: a task's input and result, every state's input
 * and output. AWS fails the execution with States.DataLimitExceeded, which no Catch of
 * States.ALL takes; here the execution is aborted at once and closed FAILED with that error.
 */
class DataLimit {
  private exceeded?: { stateName: string; what: 'input' | 'output' };

  /** The machine's task handlers, checked on the way in and out. */
  guard(handlers: Handlers, abort: () => void): Handlers {
    const guarded: Handlers = {};
    for (const [stateName, handler] of Object.entries(handlers)) {
      guarded[stateName] = async (input: unknown) => {
        this.check(stateName, 'input', input, abort);
        const output = await handler(input);
        this.check(stateName, 'output', output, abort);
        return output;
      };
    }
    return guarded;
  }

  /** States that are not tasks (a Map's gathered results, a Pass): seen as they are logged. */
  exceededBy(event: EngineEvent): boolean {
    if (this.exceeded || !('state' in event)) return false;
    const { state } = event;
    if (event.type === 'StateEntered' && jsonBytes(state.input) > AWS_LIMITS.stepFunctionsPayloadBytes) this.exceeded = { stateName: state.name, what: 'input' };
    else if (event.type === 'StateExited' && jsonBytes(state.output) > AWS_LIMITS.stepFunctionsPayloadBytes) this.exceeded = { stateName: state.name, what: 'output' };
    return this.exceeded !== undefined;
  }

  failure(): { status: ExecutionStatus; stopDate: number; error: string; cause: string } | undefined {
    if (!this.exceeded) return undefined;
    const { stateName, what } = this.exceeded;
    const cause =
      what === 'output'
        ? `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit.`
        : `The state/task '${stateName}' has an input with a size exceeding the maximum number of bytes service limit.`;
    return { status: 'FAILED', stopDate: Date.now(), error: 'States.DataLimitExceeded', cause };
  }

  private check(stateName: string, what: 'input' | 'output', value: unknown, abort: () => void): void {
    if (jsonBytes(value) <= AWS_LIMITS.stepFunctionsPayloadBytes) return;
    this.exceeded ??= { stateName, what };
    abort();
    const error = new Error(this.failure()?.cause);
    error.name = 'States.DataLimitExceeded';
    throw error;
  }
}
