import * as z from 'zod';
import { runDraw } from '../shared/tasks/draw-run.ts';
import { taskHandler } from '../shared/edge/task.ts';

const inputSchema = z.object({ cycleId: z.string().min(1), upperUnitId: z.string().min(1) });

/** Task DrawSample of the appraisal-draw state machine. */
export async function drawSampleTask({ cycleId, upperUnitId }: z.infer<typeof inputSchema>) {
  return runDraw(cycleId, upperUnitId, new Date());
}

export const handler = taskHandler(inputSchema, drawSampleTask);
