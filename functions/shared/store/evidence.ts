import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import type { Evidence, EvidenceRequest } from '../../../domain/evidence.ts';
import type { Identity } from '../../../domain/identity.ts';
import { batchGetItems } from './table.ts';
import { config, dynamo } from '../config/config.ts';
import { idempotentId } from './ids.ts';
import { keys, recordOf } from './keys.ts';

const toEvidence = (item: Record<string, unknown>) => recordOf<Evidence>(item);

/**
 * Records an evidence file before its upload is allowed. A retry with the same key describes
 * the same file and gets the same record back; the same key for another file is a conflict.
 */
export async function createEvidence(request: EvidenceRequest, identity: Identity, now: Date): Promise<Evidence> {
  // The unit the file is about: the user's own, or the unit a cadre visited (checked by the caller).
  const { idempotencyKey, unitId, ...file } = request;
  const evidence: Evidence = {
    evidenceId: idempotentId(identity.unitId, `evidence:${idempotencyKey}`),
    unitId: unitId ?? identity.unitId,
    ...file,
    status: 'pending',
    uploadedBy: identity.userId,
    createdAt: now.toISOString(),
  };
  try {
    await dynamo().send(
      new PutCommand({
        TableName: config.tableName,
        Item: { ...keys.evidence(evidence.evidenceId), ...evidence },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return evidence;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const stored = await getEvidence(evidence.evidenceId);
    const same = (Object.keys(file) as (keyof typeof file)[]).every((key) => stored[key] === file[key]);
    if (!same) throw new ConflictError('Khóa chống gửi trùng đã được dùng cho một tệp khác.');
    return stored;
  }
}

export async function getEvidence(evidenceId: string): Promise<Evidence> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: config.tableName, Key: keys.evidence(evidenceId), ConsistentRead: true }),
  );
  if (!Item) throw new NotFoundError('Không tìm thấy minh chứng.');
  return toEvidence(Item);
}

/** Many records by id in one round trip (a form refers to at most a few dozen). */
export async function getEvidenceBatch(evidenceIds: string[]): Promise<Map<string, Evidence>> {
  const items = await batchGetItems(evidenceIds.map((id) => keys.evidence(id)));
  return new Map([...items.values()].map((item) => toEvidence(item)).map((evidence) => [evidence.evidenceId, evidence]));
}

/**
 * Records the content check once: a pending record becomes ready or rejected. A repeated check
 * (a retried request) leaves the first outcome and returns it.
 */
export async function recordCheck(evidence: Evidence, outcome: Pick<Evidence, 'status' | 'rejection' | 'objectKey'>, now: Date): Promise<Evidence> {
  const fields = { status: outcome.status, checkedAt: now.toISOString(), ...(outcome.rejection ? { rejection: outcome.rejection } : {}), ...(outcome.objectKey ? { objectKey: outcome.objectKey } : {}) };
  const names = Object.keys(fields);
  try {
    // Only the first check counts: a later or concurrent one finds the record no longer pending.
    const { Attributes } = await dynamo().send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: keys.evidence(evidence.evidenceId),
        UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
        ExpressionAttributeValues: { ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [`:${name}`, value])), ':pending': 'pending' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toEvidence(Attributes ?? {});
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return getEvidence(evidence.evidenceId);
    throw error;
  }
}
