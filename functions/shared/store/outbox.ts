import type { PROCESS_WORKFLOW_ENV_OF, WORKFLOW_ENV_OF } from '../config/env-names.ts';
import { keys } from './keys.ts';

/** The state machines that carry out a stored record. */
export type RecordWorkflow = keyof typeof PROCESS_WORKFLOW_ENV_OF | Exclude<keyof typeof WORKFLOW_ENV_OF, 'daily-sweep'>;

/** The start a stored record is waiting for: which machine, the execution's name, its input. */
export interface WorkflowStart {
  workflow: RecordWorkflow;
  name: string;
  input: Record<string, unknown>;
}

/**
 * The record is its own outbox: stored with the start it waits for and an entry in the sparse
 * index under its day, taken out (REMOVE OUTBOX_FIELDS, keys.ts) by the same write that records
 * its outcome. Whatever died between storing and starting, the repairer finds it there.
 */
export function outboxFields(start: WorkflowStart, storedAt: Date) {
  return { ...keys.inOutbox(storedAt, start.name), outbox: start };
}
