import { config } from '../config/config.ts';
import type { RecordWorkflow, WorkflowStart } from '../store/outbox.ts';
import { startWorkflowOnce, type StartOutcome } from './workflows.ts';

export type { WorkflowStart } from '../store/outbox.ts';

function arnOf(workflow: RecordWorkflow): string {
  return workflow === 'chi-doan-dat-chuan' || workflow === 'doan-co-so-3-chu-dong' ? config.processWorkflowArn(workflow) : config.workflowArn(workflow);
}

/** Starts (or finds, or runs again) the execution a stored record waits for (store/outbox.ts). */
export function startStored(start: WorkflowStart, options?: { rerunRefused?: boolean }): Promise<StartOutcome> {
  return startWorkflowOnce(arnOf(start.workflow), start.name, start.input, options);
}
