import * as z from 'zod';
import { NOTICE_BATCH, sendPendingNotices } from '../shared/dispatch/notices.ts';
import { taskHandler } from '../shared/edge/task.ts';

const inputSchema = z.object({ noticeIds: z.array(z.string().min(1)).max(NOTICE_BATCH) });

/** Task SendNotices: the emails an event queued, each sent once, then marked sent in one write. */
export async function sendNotices({ noticeIds }: z.infer<typeof inputSchema>) {
  return sendPendingNotices(noticeIds, new Date());
}

export const handler = taskHandler(inputSchema, sendNotices);
