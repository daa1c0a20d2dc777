import type { StateMachine } from 'aws-local-stepfunctions';

/** The engine's event type, which the package uses but does not export. */
export type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/**
 * A Step Functions history event as it travels over the wire (timestamps in epoch seconds), so
 * @aws-sdk/client-sfn's GetExecutionHistory parses it like AWS's.
 */
export interface WireHistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

const json = (value: unknown) => JSON.stringify(value ?? null);
const text = (value: unknown) => (typeof value === 'string' ? value : json(value));

/** Maps the local engine's event log onto Step Functions' event types. */
export class HistoryRecorder {
  readonly events: WireHistoryEvent[] = [];

  record(type: string, timestamp: number, details: Record<string, unknown> = {}): void {
    const id = this.events.length + 1;
    this.events.push({ id, previousEventId: id - 1, timestamp: timestamp / 1000, type, ...details });
  }

  recordEngineEvent(event: EventLog): void {
    const at = event.timestamp;
    switch (event.type) {
      case 'ExecutionStarted':
        return this.record('ExecutionStarted', at, { executionStartedEventDetails: { input: json(event.input) } });
      case 'ExecutionSucceeded':
        return this.record('ExecutionSucceeded', at, { executionSucceededEventDetails: { output: json(event.output) } });
      case 'ExecutionFailed':
        return this.record('ExecutionFailed', at, {
          executionFailedEventDetails: { error: event.Error, cause: text(event.Cause) },
        });
      case 'ExecutionAborted':
        return this.record('ExecutionAborted', at, { executionAbortedEventDetails: {} });
      case 'ExecutionTimeout':
        return this.record('ExecutionTimedOut', at, { executionTimedOutEventDetails: { error: 'States.Timeout' } });
      case 'StateEntered':
        return this.record(`${event.state.type}StateEntered`, at, {
          stateEnteredEventDetails: { name: event.state.name, input: json(event.state.input) },
        });
      case 'StateExited':
        if (event.state.type === 'Task') {
          this.record('LambdaFunctionSucceeded', at, {
            lambdaFunctionSucceededEventDetails: { output: json(event.state.output) },
          });
        }
        return this.record(`${event.state.type}StateExited`, at, {
          stateExitedEventDetails: { name: event.state.name, output: json(event.state.output) },
        });
      case 'StateFailed':
        if (event.state.type === 'Task') {
          return this.record('LambdaFunctionFailed', at, {
            lambdaFunctionFailedEventDetails: { error: event.Error, cause: text(event.Cause) },
          });
        }
        return;
      case 'MapIterationStarted':
        return this.record('MapIterationStarted', at, {
          mapIterationStartedEventDetails: { name: event.parentState.name, index: event.index },
        });
      case 'MapIterationSucceeded':
        return this.record('MapIterationSucceeded', at, {
          mapIterationSucceededEventDetails: { name: event.parentState.name, index: event.index },
        });
      case 'MapIterationFailed':
        return this.record('MapIterationFailed', at, {
          mapIterationFailedEventDetails: { name: event.parentState.name, index: event.index },
        });
      case 'ParallelBranchStarted':
        return this.record('ParallelStateStarted', at);
      case 'ParallelBranchSucceeded':
        return this.record('ParallelStateSucceeded', at);
      case 'ParallelBranchFailed':
        return this.record('ParallelStateFailed', at);
      default:
        // Retries and catches show as the failure event before them, as in Step Functions.
        return;
    }
  }
}
