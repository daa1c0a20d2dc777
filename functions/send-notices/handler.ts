import * as z from 'zod';
import { NOTICE_BATCH, sendPendingNotices } from '../shared/dispatch/notices.ts';
import { taskHandler } from '../shared/edge/task.ts';
import { sweepPageNoticeIds } from '../shared/tasks/sweep.ts';

// The execution's id: a retry or a resumed run takes back the notices its own run claimed.
const claim = { claimId: z.string().min(1).max(2048) };

const inputSchema = z.union([
  z.object({ noticeIds: z.array(z.string().min(1)).max(NOTICE_BATCH), ...claim }),
  // The daily sweep hands over a stored page of its digests, not the ids themselves.
  z.object({ sweepPage: z.object({ asOfDate: z.iso.date(), page: z.int().nonnegative() }), ...claim }),
]);

/** Task SendNotices: the emails an event queued, each claimed, sent once and marked sent. */
export async function sendNotices(input: z.infer<typeof inputSchema>) {
  const noticeIds = 'noticeIds' in input ? input.noticeIds : await sweepPageNoticeIds(input.sweepPage);
  return sendPendingNotices(noticeIds, input.claimId, new Date());
}

export const handler = taskHandler(inputSchema, sendNotices);
