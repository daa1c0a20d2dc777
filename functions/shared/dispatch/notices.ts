import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DomainError } from '../../../domain/errors.ts';
import { noticesFor } from '../../../domain/notices/process-notices.ts';
import type { MailMessage } from '../../../domain/notices/message.ts';
import type { Change } from '../../../domain/process/transitions.ts';
import type { Cycle } from '../../../domain/recognition/cycles.ts';
import { batchGetItems, batchPutItems } from '../store/table.ts';
import { config, email } from '../config/config.ts';
import { keys } from '../store/keys.ts';
import type { PendingNotice } from '../store/process.ts';
import { getUnit } from '../store/units.ts';
import { listUsersOfUnit } from '../store/users.ts';

/** SES refused or failed; the workflow retries on this name. */
export class MailDeliveryError extends DomainError {
  override name: string = 'MailDeliveryError';
}

/** The addresses of a unit's people holding any of the roles, plus its leaders' listed emails. */
export async function addressesOf(unitId: string, roles: string[]): Promise<string[]> {
  const [users, unit] = await Promise.all([listUsersOfUnit(unitId), getUnit(unitId)]);
  const fromUsers = users.filter((user) => user.roles.some((role) => roles.includes(role))).map((user) => user.email);
  const leaders = roles.includes('leader') ? unit.leaderEmails : [];
  return [...new Set([...fromUsers, ...leaders])].sort();
}

/** The emails an event's changes send, addressed from the directory; audiences with nobody are skipped. */
export async function processNotices(changes: Change[], eventId: string, cycle: Pick<Cycle, 'title'>): Promise<PendingNotice[]> {
  const notices: PendingNotice[] = [];
  for (const change of changes) {
    const unit = await getUnit(change.unitId);
    const plans = noticesFor(change, { eventId, unitName: unit.name, ancestors: unit.ancestors, cycleTitle: cycle.title, appUrl: config.appUrl });
    for (const plan of plans) {
      const to = await addressesOf(plan.audience.unitId, plan.audience.roles);
      if (to.length > 0) notices.push({ noticeId: plan.noticeId, message: plan.message(to) });
    }
  }
  return notices;
}

const SEND_CONCURRENCY = 8;

async function sendOne(notice: MailMessage): Promise<void> {
  try {
    await email().send(
      new SendEmailCommand({
        FromEmailAddress: config.mailFrom,
        Destination: { ToAddresses: notice.to },
        Content: {
          Simple: {
            Subject: { Data: notice.subject, Charset: 'UTF-8' },
            Body: { Html: { Data: notice.html, Charset: 'UTF-8' }, Text: { Data: notice.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  } catch (error) {
    throw new MailDeliveryError(`Gửi thư thất bại: ${error instanceof Error ? error.name : 'lỗi không rõ'}`);
  }
}

interface StoredNotice extends MailMessage {
  noticeId: string;
  status: 'pending' | 'sent';
  sentAt?: string;
}

/**
 * Sends the pending notices among these, then marks them sent in one write. A notice already
 * sent is skipped; a crash between sending and marking re-sends on retry (at least once, never
 * lost), the only duplicate possible.
 */
export async function sendPendingNotices(noticeIds: string[], now: Date): Promise<{ sent: number; skipped: number }> {
  const found = await batchGetItems(noticeIds.map((id) => keys.notice(id)));
  const pending = [...found.values()].filter((item) => item.status === 'pending') as unknown as (StoredNotice & { pk: string; sk: string })[];
  // A few at a time: SES takes one message per call, and a digest day can hold thousands.
  for (let start = 0; start < pending.length; start += SEND_CONCURRENCY) {
    await Promise.all(pending.slice(start, start + SEND_CONCURRENCY).map((notice) => sendOne(notice)));
  }
  await batchPutItems(pending.map((notice) => ({ ...notice, status: 'sent', sentAt: now.toISOString() })));
  return { sent: pending.length, skipped: noticeIds.length - pending.length };
}

/** SendNotices takes at most this many ids; the state machine maps over the batches. */
export const NOTICE_BATCH = 100;

export function noticeBatches(noticeIds: string[]): { noticeIds: string[] }[] {
  const batches: { noticeIds: string[] }[] = [];
  for (let start = 0; start < noticeIds.length; start += NOTICE_BATCH) batches.push({ noticeIds: noticeIds.slice(start, start + NOTICE_BATCH) });
  return batches;
}
