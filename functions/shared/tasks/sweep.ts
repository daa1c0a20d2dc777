import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { remindersOf } from '../../../domain/deadlines/obligations.ts';
import { datesToRead, digestMessage, planDigests, type Digest, type SweepCycle } from '../../../domain/deadlines/sweep.ts';
import { config, dynamo } from '../config/config.ts';
import { getCycle } from '../store/cycles.ts';
import { expiresAfter, keys, KEEP_DAYS } from '../store/keys.ts';
import { dueOn, reminderRules } from '../store/obligations.ts';
import { closeIntakeAndDraw } from './draw-run.ts';
import { addressesOf, NOTICE_BATCH } from '../dispatch/notices.ts';
import { addDays } from '../../../domain/dates.ts';
import { getIdPage, putIdPages, putOnce } from '../store/table.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { getUnit } from '../store/units.ts';
import { queuePaceReminders } from './visit-pace.ts';

/** Everyone who reads a unit's deadline digest: its secretary, organisers and leaders, and its listed leader emails. */
const DIGEST_ROLES = ['secretary', 'organiser', 'leader'];

export const digestNoticeId = (asOf: string, recipientUnitId: string) => `sweep#${asOf}#${recipientUnitId}`;

/**
 * Task PlanSweep: the reminders, overdue notices and escalations of one Vietnam calendar date.
 * Reads only the due index, one query per deadline date that matters today; plans one digest per
 * recipient unit; queues each as a notice whose id is the date and the unit, written only if absent,
 * so however often the sweep of a date runs, each digest is queued, and sent, once.
 */
export async function runSweep(asOf: string, now: Date): Promise<{ asOf: string; dues: number; digests: number; queued: number; pages: SweepPage[] }> {
  const dates = datesToRead(asOf, await reminderRules());
  const found = await Promise.all(dates.map((date) => dueOn(date)));
  const dues = found.flatMap((day) => day.dues);
  // Intakes whose closing date was yesterday close now, and their draw starts (once).
  const yesterday = addDays(asOf, -1);
  for (const intake of found.flatMap((day) => day.intakes).filter((candidate) => candidate.closesOn === yesterday)) {
    await closeIntakeAndDraw(intake.cycleId, intake.upperUnitId, 'Hệ thống (hết hạn nhận báo cáo)', now);
  }
  const cycles = new Map<string, SweepCycle>();
  for (const cycleId of new Set(dues.map((due) => due.cycleId))) {
    const cycle = await getCycle(cycleId);
    cycles.set(cycleId, { title: cycle.title, reminders: remindersOf(cycle) });
  }
  const digests = planDigests(asOf, dues, cycles);
  let queued = 0;
  const noticeIds: string[] = [];
  await inChunks(digests, 25, async (digest) => {
    const noticeId = await queueDigest(digest, asOf, now);
    if (noticeId.queued) queued++;
    if (noticeId.id) noticeIds.push(noticeId.id);
  });
  // The first of a month: cadres behind their "1+2" pace, sent with the day's digests.
  noticeIds.push(...(await queuePaceReminders(asOf, now)));
  const pages = await storePages(asOf, noticeIds.sort());
  await recordSweepOutcome(asOf, { dues: dues.length, digests: digests.length, queued });
  return { asOf, dues: dues.length, digests: digests.length, queued, pages };
}

/** A page of a date's digests, as the state machine's Map hands it to SendNotices. */
export interface SweepPage {
  asOfDate: string;
  page: number;
}

/**
 * A national day queues tens of thousands of digests; their ids would pass Step Functions' 256 KiB
 * state limit. They go to the table in pages of one SendNotices batch, and the state machine maps
 * over page numbers only (a few bytes each). A rerun of the date writes the same pages.
 */
async function storePages(asOf: string, noticeIds: string[]): Promise<SweepPage[]> {
  const pages = await putIdPages((page) => ({ ...keys.sweepPage(asOf, page), ...expiresAfter(new Date(), KEEP_DAYS.sweep) }), noticeIds, NOTICE_BATCH);
  return pages.map((page) => ({ asOfDate: asOf, page }));
}

/** The digest ids of one stored page. */
export async function sweepPageNoticeIds({ asOfDate, page }: SweepPage): Promise<string[]> {
  const ids = await getIdPage(keys.sweepPage(asOfDate, page));
  if (!ids) throw new NotFoundError(`Không tìm thấy trang ${page} của lượt quét ngày ${asOfDate}.`);
  return ids;
}

async function queueDigest(digest: Digest, asOf: string, now: Date): Promise<{ id?: string; queued: boolean }> {
  const [unit, to] = await Promise.all([getUnit(digest.recipientUnitId), addressesOf(digest.recipientUnitId, DIGEST_ROLES)]);
  if (to.length === 0) return { queued: false };
  const noticeId = digestNoticeId(asOf, digest.recipientUnitId);
  const message = digestMessage(digest, to, { recipientName: unit.name, recipientKind: unit.kind, asOf, appUrl: config.appUrl });
  const lines = digest.lines.map((line) => ({ kind: line.kind, duty: line.due.duty, subjectUnitId: line.due.subjectUnitId, subjectName: line.due.subjectName, deadline: line.due.deadline, days: line.days }));
  const queued = await putOnce({
    ...keys.notice(noticeId),
    ...keys.digestSent(digest.recipientUnitId, asOf),
    noticeId,
    ...message,
    kind: 'deadline-digest',
    asOf,
    recipientUnitId: digest.recipientUnitId,
    recipientName: unit.name,
    lines,
    status: 'pending',
    createdAt: now.toISOString(),
    ...expiresAfter(now, KEEP_DAYS.notice),
  });
  return { id: noticeId, queued };
}

async function recordSweepOutcome(asOf: string, outcome: { dues: number; digests: number; queued: number }): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.sweepRun(asOf),
      UpdateExpression: 'SET asOfDate = :asOf, dues = :dues, digests = :digests, lastRunAt = :now ADD runs :one, queued :queued',
      ExpressionAttributeValues: { ':asOf': asOf, ':dues': outcome.dues, ':digests': outcome.digests, ':now': new Date().toISOString(), ':one': 1, ':queued': outcome.queued },
    }),
  );
}

async function inChunks<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(run));
}
