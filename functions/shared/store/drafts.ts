import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Draft } from '../../../domain/drafts.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, recordOf } from './keys.ts';

/**
 * Saves a draft unless the stored one is newer: autosaves can arrive out of order over a bad
 * connection, and an old one must not overwrite a newer one.
 */
export async function saveDraft(draft: Draft): Promise<{ saved: boolean }> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: config.tableName,
        Item: { ...keys.draft(draft.unitId, draft.cycleId, draft.formId), ...draft },
        ConditionExpression: 'attribute_not_exists(pk) OR savedAt <= :savedAt',
        ExpressionAttributeValues: { ':savedAt': draft.savedAt },
      }),
    );
    return { saved: true };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { saved: false };
    throw error;
  }
}

export async function getDraft(unitId: string, cycleId: string, formId: string): Promise<Draft> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: config.tableName, Key: keys.draft(unitId, cycleId, formId), ConsistentRead: true }),
  );
  if (!Item) throw new NotFoundError('Chưa có bản nháp.');
  return recordOf<Draft>(Item);
}

export async function deleteDraft(unitId: string, cycleId: string, formId: string): Promise<void> {
  await dynamo().send(new DeleteCommand({ TableName: config.tableName, Key: keys.draft(unitId, cycleId, formId) }));
}
