import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../../../domain/errors.ts';
import type { DecisionRecord } from '../../../domain/process/decisions.ts';
import { putOnce, setIfStatus } from './table.ts';
import { outboxFields, type WorkflowStart } from './outbox.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, recordOf } from './keys.ts';
import type { TransactItem } from './table.ts';

/** Stores a decision (its own outbox: the start it waits for) before anything acts on it; the same id again finds the first. */
export async function storeDecision(decision: DecisionRecord, start: WorkflowStart, now: Date): Promise<DecisionRecord> {
  const stored = await putOnce({ ...keys.decision(decision.decisionId), ...outboxFields(start, now), ...decision });
  return stored ? decision : getDecision(decision.decisionId);
}

export async function getDecision(decisionId: string): Promise<DecisionRecord> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.decision(decisionId), ConsistentRead: true }));
  if (!Item) throw new NotFoundError('Không tìm thấy quyết định.');
  return recordOf<DecisionRecord>(Item);
}

/** Marks a pending decision applied or refused: one item of the transaction that carries it out. */
export function recordDecisionOutcome(decisionId: string, outcome: Pick<DecisionRecord, 'status' | 'refusal' | 'noticeIds'>): TransactItem {
  return setIfStatus(keys.decision(decisionId), outcome, 'pending');
}
