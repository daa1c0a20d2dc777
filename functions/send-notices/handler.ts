import * as z from 'zod';
import { NOTICE_BATCH, sendPendingNotices } from '../shared/dispatch/notices.ts';
import { taskHandler } from '../shared/edge/task.ts';
import { sweepPageNoticeIds } from '../shared/tasks/sweep.ts';

const inputSchema = z.union([
  z.object({ noticeIds: z.array(z.string().min(1)).max(NOTICE_BATCH) }),
  // The daily sweep hands over a stored page of its digests, not the ids themselves.
  z.object({ sweepPage: z.object({ asOfDate: z.iso.date(), page: z.int().nonnegative() }) }),
]);

/** Task SendNotices: the emails an event queued, each sent once, then marked sent in one write. */
export async function sendNotices(input: z.infer<typeof inputSchema>) {
  const noticeIds = 'noticeIds' in input ? input.noticeIds : await sweepPageNoticeIds(input.sweepPage);
  return sendPendingNotices(noticeIds, new Date());
}

export const handler = taskHandler(inputSchema, sendNotices);
