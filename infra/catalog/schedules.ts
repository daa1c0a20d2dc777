import type { WorkflowId } from './workflows.ts';

/**
 * Recurring jobs. EventBridge Scheduler runs them in AWS; the local scheduler computes the same
 * times. The input carries the scheduled time, so the workflow's clock is an input, not `now`.
 */
interface BaseSchedule {
  id: string;
  workflowId: WorkflowId;
  description: string;
}

/** Once a day at a wall-clock time in `timeZone`. */
export interface DailySchedule extends BaseSchedule {
  hour: number;
  minute: number;
  timeZone: string;
}

/** Every so many minutes, on the multiples of that interval. */
export interface RateSchedule extends BaseSchedule {
  everyMinutes: number;
}

export type ScheduleDefinition = DailySchedule | RateSchedule;

export const isRate = (schedule: ScheduleDefinition): schedule is RateSchedule => 'everyMinutes' in schedule;

export const SCHEDULES: ScheduleDefinition[] = [
  {
    id: 'daily-sweep',
    workflowId: 'daily-sweep',
    hour: 7,
    minute: 0,
    timeZone: 'Asia/Ho_Chi_Minh',
    description: 'Daily deadline sweep at 07:00 Vietnam time',
  },
  {
    id: 'repair-outbox',
    workflowId: 'repair-outbox',
    everyMinutes: 5,
    description: 'Every 5 minutes: start again the workflow of records stored but not carried out',
  },
];
