import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../../domain/errors.ts';
import type { AuditEntry } from '../../../domain/process/audit.ts';
import { actingUnitOf, type Standing } from '../../../domain/process/states.ts';
import { changesFor, unitsReadBy, type Change, type ProcessContext, type ProcessEvent } from '../../../domain/process/transitions.ts';
import type { Unit } from '../../../domain/organisation.ts';
import type { MailMessage } from '../../../domain/notices/message.ts';
import { batchGetItems, queryAll, queryPartition, type TransactItem } from './table.ts';
import { countDeltas, obligationSwap, type ObligationChange, type StateChange } from '../../../domain/dashboard/tallies.ts';
import { weekOf } from '../../../domain/dates.ts';
import { config, dynamo } from '../config/config.ts';
import { expiresAfter, keys, KEEP_DAYS, partitions, recordOf } from './keys.ts';
import { appendToChain, type ChainHead } from './chain.ts';
import { getUnit } from './units.ts';
import { deltaItems } from './tallies.ts';
import { getCycle } from './cycles.ts';
import { openingDuty, standingDuty, type Due } from '../../../domain/deadlines/obligations.ts';
import type { Cycle } from '../../../domain/recognition/cycles.ts';

export type { TransactItem };

export interface PendingNotice {
  noticeId: string;
  message: MailMessage;
}

/** What else the event's write carries: the event record's own update, and the notices. */
export interface EventWrite {
  /** Updates the submission or decision that caused the event, in the same transaction. */
  recordUpdate?: (noticeIds: string[]) => TransactItem;
  /** The emails this event sends, given its changes; recorded as pending in the same write. */
  notices: (changes: Change[]) => Promise<PendingNotice[]>;
}

/** Each unit's standing among items read by key (undefined where it has none yet). */
function standingsIn(found: Map<string, Record<string, unknown>>, cycleId: string, unitIds: string[]): Map<string, Standing | undefined> {
  return new Map(
    unitIds.map((unitId) => {
      const item = found.get(keys.standing(cycleId, unitId).pk);
      return [unitId, item && recordOf<Standing>(item)];
    }),
  );
}

export async function getStandings(cycleId: string, unitIds: string[]): Promise<Map<string, Standing | undefined>> {
  return standingsIn(await batchGetItems(unitIds.map((unitId) => keys.standing(cycleId, unitId))), cycleId, unitIds);
}

/**
 * What an item (a standing, an obligation) owes now: its due, only while it is in the due index
 * (the gsi2 keys); standings written before this kept a stale `due` beside them.
 */
export function owedBy(item: Record<string, unknown> | undefined): Due | undefined {
  return item?.gsi2pk ? (item.due as Due | undefined) : undefined;
}

/** Standings with what each owes now, if anything. */
export async function getStandingsOwing(cycleId: string, unitIds: string[]): Promise<Map<string, (Standing & { owes?: Due }) | undefined>> {
  const found = await batchGetItems(unitIds.map((unitId) => keys.standing(cycleId, unitId)));
  const standings = standingsIn(found, cycleId, unitIds);
  return new Map(unitIds.map((unitId) => [unitId, standings.get(unitId) && { ...standings.get(unitId)!, owes: owedBy(found.get(keys.standing(cycleId, unitId).pk)) }]));
}

export async function getStanding(cycleId: string, unitId: string): Promise<Standing | undefined> {
  return (await getStandings(cycleId, [unitId])).get(unitId);
}

/** The standings waiting on one unit's action in a cycle: one index query. */
export async function listQueue(cycleId: string, actingUnitId: string): Promise<Standing[]> {
  return (await queryPartition(partitions.queueOf(cycleId, actingUnitId))).map((item) => recordOf<Standing>(item));
}

/** A unit's whole audit chain, in order. */
export async function listAudit(unitId: string): Promise<AuditEntry[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)',
    ExpressionAttributeValues: { ':pk': keys.auditEntry(unitId, 0).pk, ':entry': 'ENTRY#' },
    ConsistentRead: true,
  });
  return items.map((item) => recordOf<AuditEntry>(item));
}

/** The obligation a standing owes next, as the due index holds it (absent: it leaves the index). */
export function dueOfStanding(
  standing: Pick<Standing, 'state' | 'maintainedIn'>,
  unit: Pick<Unit, 'unitId' | 'name' | 'ancestors'>,
  cycle: Pick<Cycle, 'cycleId' | 'steps' | 'reports'>,
): Due | undefined {
  const owed = standingDuty(standing.state, cycle, standing.maintainedIn);
  if (!owed) return undefined;
  const ownerAncestors = owed.ownerLevelsUp === 0 ? unit.ancestors : unit.ancestors.slice(0, -1);
  const ownerUnitId = owed.ownerLevelsUp === 0 ? unit.unitId : unit.ancestors.at(-1);
  if (!ownerUnitId) return undefined;
  return { cycleId: cycle.cycleId, duty: owed.duty, deadline: owed.deadline, ownerUnitId, ownerAncestors, subjectUnitId: unit.unitId, subjectName: unit.name };
}

export function dueKeys(due: Due) {
  return { ...keys.dueOn(due.deadline, due.cycleId, due.duty, due.ownerUnitId, due.subjectUnitId), due };
}

function standingItems(change: Change, unit: Pick<Unit, 'unitId' | 'name' | 'ancestors'>, cycle: Cycle): TransactItem {
  const due = dueOfStanding(change.after, unit, cycle);
  // A recognised chi đoàn waits on nobody, except while its commune owes the year's confirmation.
  const acting = actingUnitOf(change.after.state, unit.ancestors) ?? (due?.duty === 'maintain' ? due.ownerUnitId : undefined);
  // What the standing owed before is not carried over: only what it owes now is kept with it.
  const { due: _owedBefore, ...after } = change.after as Standing & { due?: Due };
  const item = {
    ...keys.standing(change.after.cycleId, change.unitId),
    ...(acting ? keys.standingInQueue(change.after.cycleId, acting, change.after.state, change.unitId) : {}),
    ...after,
    ...(due ? dueKeys(due) : {}),
    parentId: unit.ancestors.at(-1),
  };
  return {
    Put: {
      TableName: config.tableName,
      Item: item,
      // Written only over the version it was computed from: a concurrent change makes it retry.
      ConditionExpression: change.before ? 'version = :version' : 'attribute_not_exists(pk)',
      ExpressionAttributeValues: change.before ? { ':version': change.before.version } : undefined,
    },
  };
}

function auditItems(change: Change, head: ChainHead | undefined, event: ProcessEvent, context: ProcessContext): { items: TransactItem[]; entry: AuditEntry } {
  return appendToChain(
    {
      unitId: change.unitId,
      eventId: event.eventId,
      cycleId: context.cycleId,
      at: context.now.toISOString(),
      actor: { userId: context.actor.userId, name: context.actor.name },
      summary: change.summary,
      before: change.before && { state: change.before.state, version: change.before.version },
      after: { state: change.after.state, version: change.after.version },
    },
    head,
  );
}

function noticeItem(notice: PendingNotice, now: Date): TransactItem {
  return {
    Put: {
      TableName: config.tableName,
      Item: { ...keys.notice(notice.noticeId), noticeId: notice.noticeId, ...notice.message, status: 'pending', createdAt: now.toISOString(), ...expiresAfter(now, KEEP_DAYS.notice) },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * A unit's opening obligation, at its first standing: deleted if it was read (and counted down with
 * it), else checked still absent, so that a cycle opening at the same moment cannot leave one
 * owed (and counted late) by a unit that has already started (openObligations checks the reverse).
 */
function openingFulfilled(key: { pk: string; sk: string }, present: boolean): TransactItem {
  return present
    ? { Delete: { TableName: config.tableName, Key: key, ConditionExpression: 'attribute_exists(pk)' } }
    : { ConditionCheck: { TableName: config.tableName, Key: key, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** DynamoDB's limit on one transaction. */
const MAX_ITEMS = 100;

/**
 * Applies an event in one transaction: every affected standing (each written only over the
 * version it was read at), each unit's audit entry and chain head, the pending notices, and the
 * update of the record that caused it. On a concurrent change it reads again and recomputes;
 * an event already applied changes nothing. Returns the changes and the notice ids to send.
 */
export async function applyEvent(event: ProcessEvent, unit: Unit, context: ProcessContext, write: EventWrite): Promise<{ changes: Change[]; noticeIds: string[] }> {
  const unitIds = unitsReadBy(event, unit.unitId);
  const cycle = await getCycle(context.cycleId);
  for (let attempt = 1; ; attempt++) {
    // One round trip for the standings, chain heads and opening obligations of the units the event may change.
    const found = await batchGetItems(unitIds.flatMap((id) => [keys.standing(context.cycleId, id), keys.chainHead(id), keys.obligation(context.cycleId, id)]));
    const changes = changesFor(event, unit, standingsIn(found, context.cycleId, unitIds), context);
    const notices = await write.notices(changes);
    const items: TransactItem[] = [];
    const stateChanges: StateChange[] = [];
    const obligations: ObligationChange[] = [];
    for (const change of changes) {
      const changedUnit = change.unitId === unit.unitId ? unit : await getUnit(change.unitId);
      const head = found.get(keys.chainHead(change.unitId).pk) as ChainHead | undefined;
      items.push(standingItems(change, changedUnit, cycle), ...auditItems(change, head, event, context).items);
      stateChanges.push({ unitId: change.unitId, ancestors: changedUnit.ancestors, before: change.before?.state, after: change.after.state, week: weekOf(context.now), appraisalBefore: change.before?.appraisal?.outcome, appraisalAfter: change.after.appraisal?.outcome });
      // What the standing owed, as stored with it, and what it owes now.
      const owedBefore = owedBy(found.get(keys.standing(context.cycleId, change.unitId).pk));
      obligations.push(...obligationSwap(change.before && owedBefore, dueOfStanding(change.after, changedUnit, cycle)));
      // A unit's first step in the cycle fulfils what it owed before it had a standing (its plan).
      if (!change.before && openingDuty(cycle, changedUnit.kind)) {
        const opening = found.get(keys.obligation(context.cycleId, change.unitId).pk);
        items.push(openingFulfilled(keys.obligation(context.cycleId, change.unitId), !!opening));
        if (opening) obligations.push(...obligationSwap(opening.due as Due, undefined));
      }
    }
    // The dashboard's counts move in the same write as the standings and obligations they count.
    items.push(...deltaItems(countDeltas(stateChanges, obligations), (unitId) => keys.counts(context.cycleId, unitId)));
    items.push(...notices.map((notice) => noticeItem(notice, context.now)));
    if (write.recordUpdate) items.push(write.recordUpdate(notices.map((notice) => notice.noticeId)));
    if (items.length === 0) return { changes, noticeIds: [] };
    if (items.length > MAX_ITEMS) {
      throw new ConflictError(`Thao tác này thay đổi quá nhiều đơn vị cùng lúc (${changes.length}); hãy chia nhỏ.`);
    }
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
      return { changes, noticeIds: notices.map((notice) => notice.noticeId) };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) || attempt >= 4) throw error;
      // Someone changed a standing or a chain meanwhile, or this event was already recorded.
    }
  }
}

/**
 * Records an outcome that moves no standing (a refused submission or decision) with its notices,
 * in one transaction. Already recorded (a retried task): nothing is written again.
 */
export async function writeWithNotices(notices: PendingNotice[], recordUpdate: TransactItem, now: Date): Promise<void> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...notices.map((notice) => noticeItem(notice, now)), recordUpdate] }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
  }
}
