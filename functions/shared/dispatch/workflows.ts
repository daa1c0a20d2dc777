import { createHash } from 'node:crypto';
import { DescribeExecutionCommand, ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { PERMANENT_ERRORS } from '../../../domain/errors.ts';
import { stepFunctions } from '../config/config.ts';

/** Step Functions' longest execution name. */
const NAME_LIMIT = 80;
/** Runs of one record before its start is refused: a failure that repeats needs a person. */
const MAX_RUNS = 10;

/** started: a new run; running/done: a run under this name is going or went well; refused: see startWorkflowOnce. */
export type StartOutcome = {
  name: string;
  outcome: 'started' | 'running' | 'done' | 'refused';
  /** The error of the last run that failed before this outcome, if one did. */
  lastFailure?: string;
};

export class WorkflowStartError extends Error {
  override name = 'WorkflowStartError';
}

/**
 * An execution name from a record's id: the id itself when it fits, else a readable head and a
 * hash of the whole (truncating alone could give two records one name). Run n > 1 gets "-rn".
 */
export function executionName(id: string, run = 1): string {
  const suffix = run > 1 ? `-r${run}` : '';
  const safe = id.replace(/[^A-Za-z0-9_-]/g, '_');
  if (safe === id && id.length + suffix.length <= NAME_LIMIT) return `${id}${suffix}`;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 16);
  return `${safe.slice(0, NAME_LIMIT - suffix.length - hash.length - 1)}-${hash}${suffix}`;
}

const executionArnOf = (stateMachineArn: string, name: string) => `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/**
 * Starts the execution that advances a record, named after the record: Step Functions refuses a
 * second execution of one name, so a retried request never advances a record twice. A name taken
 * by a run that is going or went well is the work done; one taken by a run that FAILED, TIMED_OUT
 * or was ABORTED (names stay taken for 90 days) is not: the record runs again under the next name
 * ("-r2", "-r3"…), which is safe because every task is idempotent. With `rerunRefused: false`
 * (the repairer), a run that failed with a refusal is left for a person.
 */
export async function startWorkflowOnce(stateMachineArn: string, id: string, input: object, options: { rerunRefused?: boolean } = {}): Promise<StartOutcome> {
  let lastFailure: string | undefined;
  for (let run = 1; run <= MAX_RUNS; run++) {
    const name = executionName(id, run);
    try {
      await stepFunctions().send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
      return { name, outcome: 'started', lastFailure };
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
      const { status, error: failure } = await stepFunctions().send(new DescribeExecutionCommand({ executionArn: executionArnOf(stateMachineArn, name) }));
      if (status === 'RUNNING' || status === 'PENDING_REDRIVE') return { name, outcome: 'running', lastFailure };
      if (status === 'SUCCEEDED') return { name, outcome: 'done', lastFailure };
      lastFailure = failure ?? status;
      // A refusal (the draw's team has nobody eligible…) fails again until a person changes
      // something: the person's own retry runs it again, the repairer does not.
      if (options.rerunRefused === false && (PERMANENT_ERRORS as readonly string[]).includes(failure ?? '')) return { name, outcome: 'refused', lastFailure };
    }
  }
  throw new WorkflowStartError(`${id}: ${MAX_RUNS} runs ended without success`);
}
