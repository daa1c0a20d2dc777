import type { WorkflowId } from './workflows.ts';

/**
 * Recurring jobs. EventBridge Scheduler runs them in AWS; the local scheduler computes the same
 * times. The input carries the scheduled time, so the workflow's clock is an input, not `now`.
 */
export interface ScheduleDefinition {
  id: string;
  workflowId: WorkflowId;
  /** Local wall-clock time in `timeZone`. */
  hour: number;
  minute: number;
  timeZone: string;
  description: string;
}

export const SCHEDULES: ScheduleDefinition[] = [
  {
    id: 'daily-sweep',
    workflowId: 'daily-sweep',
    hour: 7,
    minute: 0,
    timeZone: 'Asia/Ho_Chi_Minh',
    description: 'Daily deadline sweep at 07:00 Vietnam time',
  },
];
