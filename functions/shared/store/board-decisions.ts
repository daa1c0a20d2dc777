import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import type { BoardDecision, Proposal } from '../../../domain/process/board-decisions.ts';
import type { DecisionRecord } from '../../../domain/process/decisions.ts';
import type { ForumChoice } from '../../../domain/process/forums.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, partitions, recordOf } from './keys.ts';
import { outboxFields, type WorkflowStart } from './outbox.ts';
import { putOnce, queryPartition, type TransactItem } from './table.ts';

/** Stores a tờ trình once: the same id again (a retried request) finds the first. */
export async function storeProposal(proposal: Proposal): Promise<Proposal> {
  const stored = await putOnce({ ...keys.proposal(proposal.proposalId), ...keys.onBoardDesk(proposal.cycleId, proposal.upperUnitId, proposal.proposedAt, proposal.proposalId), kind: 'proposal', ...proposal });
  return stored ? proposal : getProposal(proposal.proposalId);
}

/** Stores the Đoàn cơ sở sent to a forum once, on the level's desk: a retried request finds the first. */
export async function storeForum(forum: ForumChoice): Promise<ForumChoice> {
  const stored = await putOnce({ ...keys.forum(forum.forumId), ...keys.onBoardDesk(forum.cycleId, forum.upperUnitId, forum.chosenAt, forum.forumId), kind: 'forum', ...forum });
  if (stored) return forum;
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.forum(forum.forumId), ConsistentRead: true }));
  return recordOf<ForumChoice>(Item!);
}

export async function getProposal(proposalId: string): Promise<Proposal> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.proposal(proposalId), ConsistentRead: true }));
  if (!Item) throw new NotFoundError('Không tìm thấy tờ trình.');
  return recordOf<Proposal>(Item);
}

export async function getBoardDecision(decisionId: string): Promise<BoardDecision> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.boardDecision(decisionId), ConsistentRead: true }));
  if (!Item) throw new NotFoundError('Không tìm thấy quyết định.');
  return recordOf<BoardDecision>(Item);
}

/** An upper level's tờ trình, decisions and forum choices in a cycle, oldest first: one index query. */
export async function listBoardDesk(cycleId: string, unitId: string): Promise<{ proposals: Proposal[]; decisions: BoardDecision[]; forums: ForumChoice[] }> {
  const items = await queryPartition(partitions.boardOf(cycleId, unitId));
  return {
    proposals: items.filter((item) => item.kind === 'proposal').map((item) => recordOf<Proposal>(item)),
    decisions: items.filter((item) => item.kind === 'board-decision').map((item) => recordOf<BoardDecision>(item)),
    forums: items.filter((item) => item.kind === 'forum').map((item) => recordOf<ForumChoice>(item)),
  };
}

/** The next number in a unit's yearly sequence, as last written (0 before the first). */
export async function lastSequence(unitId: string, year: number): Promise<number> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.decisionSequence(unitId, year), ConsistentRead: true }));
  return (Item?.sequence as number | undefined) ?? 0;
}

/**
 * Issues a decision in one transaction: its number taken (the sequence moves only from the value
 * it was read at, so two approvals never share a number and a failed one leaves no gap), the
 * decision kept, the tờ trình marked approved (only from proposed: approving twice is refused),
 * and each unit's decision record stored with the workflow start it waits for (the outbox), so a
 * crash after this write loses nothing: the repairer starts what was not started.
 */
export async function issueDecision(decision: BoardDecision, records: { record: DecisionRecord; start: WorkflowStart }[], now: Date): Promise<void> {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: config.tableName,
        Item: { ...keys.decisionSequence(decision.issuer.unitId, decision.year), sequence: decision.sequence },
        ConditionExpression: decision.sequence === 1 ? 'attribute_not_exists(pk)' : '#sequence = :previous',
        ExpressionAttributeNames: decision.sequence === 1 ? undefined : { '#sequence': 'sequence' },
        ExpressionAttributeValues: decision.sequence === 1 ? undefined : { ':previous': decision.sequence - 1 },
      },
    },
    {
      Put: {
        TableName: config.tableName,
        Item: { ...keys.boardDecision(decision.decisionId), ...keys.onBoardDesk(decision.cycleId, decision.issuer.unitId, decision.approvedAt, decision.decisionId), kind: 'board-decision', ...decision },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: config.tableName,
        Key: keys.proposal(decision.proposalId),
        UpdateExpression: 'SET #status = :approved, decisionId = :decisionId, #number = :number',
        ConditionExpression: '#status = :proposed',
        ExpressionAttributeNames: { '#status': 'status', '#number': 'number' },
        ExpressionAttributeValues: { ':approved': 'approved', ':proposed': 'proposed', ':decisionId': decision.decisionId, ':number': decision.number },
      },
    },
    ...records.map(({ record, start }): TransactItem => ({
      Put: { TableName: config.tableName, Item: { ...keys.decision(record.decisionId), ...outboxFields(start, now), ...record }, ConditionExpression: 'attribute_not_exists(pk)' },
    })),
  ];
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const [sequence, , proposal] = error.CancellationReasons ?? [];
    if (proposal?.Code === 'ConditionalCheckFailed') throw new ConflictError('Tờ trình này vừa được duyệt. Hãy tải lại trang để xem quyết định.');
    if (sequence?.Code === 'ConditionalCheckFailed') throw new SequenceTakenError();
    throw error;
  }
}

/** Another decision took this number meanwhile: read the sequence again and retry. */
export class SequenceTakenError extends Error {
  override readonly name = 'SequenceTakenError';
}
