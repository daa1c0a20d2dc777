import * as z from 'zod';
import { runSweep } from '../shared/tasks/sweep.ts';
import { taskHandler } from '../shared/edge/task.ts';

const inputSchema = z.object({ asOfDate: z.iso.date() });

/** Task PlanSweep of the daily-sweep state machine: the date is its input, never the clock. */
export async function planSweep({ asOfDate }: z.infer<typeof inputSchema>) {
  return runSweep(asOfDate, new Date());
}

export const handler = taskHandler(inputSchema, planSweep);
