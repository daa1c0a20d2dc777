import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DomainError } from '../../../domain/errors.ts';
import { noticesFor } from '../../../domain/notices/process-notices.ts';
import type { MailMessage } from '../../../domain/notices/message.ts';
import type { Change } from '../../../domain/process/transitions.ts';
import type { Cycle } from '../../../domain/recognition/cycles.ts';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from '../store/table.ts';
import { config, dynamo, email } from '../config/config.ts';
import { keys } from '../store/keys.ts';
import type { PendingNotice } from '../store/process.ts';
import { getUnit } from '../store/units.ts';
import { METRIC, record } from '../observe/metrics.ts';
import { suppressedAmong } from '../store/suppressions.ts';
import { log } from '../observe/log.ts';
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
  const candidates = [...new Set([...fromUsers, ...leaders])];
  // An address that bounced for good or complained is not mailed again (the admin sees it to fix).
  const suppressed = await suppressedAmong(candidates);
  return candidates.filter((address) => !suppressed.has(address.toLowerCase())).sort();
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
        // Its events (bounces, complaints) come back to recordMailFeedback; unset locally.
        ConfigurationSetName: config.mailConfigurationSet,
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
  // Outside the try: counting must never turn a sent e-mail into a "failed" one sent again.
  record(METRIC.emailsSent, 1);
  log().info('mail.sent', { recipients: notice.to.length });
}

interface StoredNotice extends MailMessage {
  noticeId: string;
  status: 'pending' | 'sending' | 'sent';
  sentAt?: string;
}

/**
 * A claim on a notice outlives the sender's own run (SendNotices times out at 60 s), so a live
 * sender never loses its claim; a sender that died leaves it to be taken again after this long.
 */
export const SEND_LEASE_MS = 2 * 60_000;

/**
 * Takes a notice for sending: pending → sending; or one still sending under this same claim (the
 * run's retry after a crash), or whose sender died (lease over). Conditional, so of two runs (a
 * sweep started twice, a retried request's execution beside the first) only one gets it.
 */
async function claim(noticeId: string, claimId: string, now: Date): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: keys.notice(noticeId),
        UpdateExpression: 'SET #status = :sending, claimId = :claim, leaseUntil = :until',
        ConditionExpression: '#status = :pending OR (#status = :sending AND (leaseUntil < :now OR claimId = :claim))',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':claim': claimId, ':until': now.getTime() + SEND_LEASE_MS, ':now': now.getTime() },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

async function markSent(noticeId: string, claimId: string, sentAt: Date): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.notice(noticeId),
      UpdateExpression: 'SET #status = :sent, sentAt = :at REMOVE leaseUntil',
      ConditionExpression: 'claimId = :claim',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':at': sentAt.toISOString(), ':claim': claimId },
    }),
  );
}

/** Hands a claimed notice back when SES refused it, so the retry (or the repairer) takes it at once. */
async function release(noticeId: string, claimId: string): Promise<void> {
  await dynamo()
    .send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: keys.notice(noticeId),
        UpdateExpression: 'SET #status = :pending REMOVE leaseUntil, claimId',
        ConditionExpression: 'claimId = :claim AND #status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending', ':claim': claimId },
      }),
    )
    .catch(() => undefined);
}

/**
 * Sends each pending notice among these at most once: claimed (conditional write) before it is
 * sent, marked sent right after its one send. Two senders never both send a notice; a sender
 * killed between SES accepting a message and marking it sent is the only way to a second copy
 * (the lease ends and it is sent again), so at most SEND_CONCURRENCY notices per sender killed
 * mid-send go twice. A notice is never lost: one SES refused goes back to pending and the task
 * fails with MailDeliveryError, which the workflow retries.
 */
export async function sendPendingNotices(noticeIds: string[], claimId: string, now: Date): Promise<{ sent: number; skipped: number }> {
  const found = await batchGetItems(noticeIds.map((id) => keys.notice(id)));
  const open = [...found.values()].filter((item) => item.status !== 'sent') as unknown as StoredNotice[];
  let sent = 0;
  let failure: MailDeliveryError | undefined;
  // A few at a time: SES takes one message per call, and a digest day can hold thousands.
  for (let start = 0; start < open.length; start += SEND_CONCURRENCY) {
    await Promise.all(
      open.slice(start, start + SEND_CONCURRENCY).map(async (notice) => {
        if (!(await claim(notice.noticeId, claimId, now))) return;
        try {
          await sendOne(notice);
        } catch (error) {
          failure ??= error instanceof MailDeliveryError ? error : new MailDeliveryError('Gửi thư thất bại.');
          await release(notice.noticeId, claimId);
          return;
        }
        await markSent(notice.noticeId, claimId, new Date());
        sent++;
      }),
    );
  }
  if (failure) throw failure;
  return { sent, skipped: noticeIds.length - sent };
}

/** SendNotices takes at most this many ids; the state machine maps over the batches. */
export const NOTICE_BATCH = 100;

export function noticeBatches(noticeIds: string[]): { noticeIds: string[] }[] {
  const batches: { noticeIds: string[] }[] = [];
  for (let start = 0; start < noticeIds.length; start += NOTICE_BATCH) batches.push({ noticeIds: noticeIds.slice(start, start + NOTICE_BATCH) });
  return batches;
}
