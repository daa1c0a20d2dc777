import * as z from 'zod';
import { taskHandler } from '../shared/edge/task.ts';
import { repairOutbox } from '../shared/tasks/repair.ts';

const inputSchema = z.object({ scheduledTime: z.iso.datetime({ offset: true }) });

/** Task RepairOutbox of the repair-outbox state machine: its clock is the scheduled time. */
export async function repairOutboxTask({ scheduledTime }: z.infer<typeof inputSchema>) {
  return repairOutbox(new Date(scheduledTime));
}

export const handler = taskHandler(inputSchema, repairOutboxTask);
