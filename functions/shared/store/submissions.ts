import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import { FORMS } from '../../../domain/forms/index.ts';
import type { Identity } from '../../../domain/identity.ts';
import { CHANGEABLE_STATUSES, type Submission, type SubmissionRequest } from '../../../domain/submission.ts';
import { config, dynamo } from '../config/config.ts';
import { setIfStatus } from './table.ts';
import { idempotentId } from './ids.ts';
import { outboxFields, type WorkflowStart } from './outbox.ts';
import { keys, partitions, recordOf } from './keys.ts';
import type { TransactItem } from './table.ts';

/** Same unit + same idempotency key → same id, so a retried request finds its first copy. */
export function submissionIdFor(unitId: string, idempotencyKey: string): string {
  return idempotentId(unitId, idempotencyKey);
}

function fingerprint(request: SubmissionRequest): string {
  return createHash('sha256').update(JSON.stringify([request.formId, request.cycleId, request.data])).digest('hex');
}

type StoredSubmission = Submission & { fingerprint: string };

/** The domain's rule, as the condition that makes withdrawing and amending race-safe. */
const STILL_CHANGEABLE = {
  expression: `#status IN (${CHANGEABLE_STATUSES.map((_, i) => `:changeable${i}`).join(', ')})`,
  values: Object.fromEntries(CHANGEABLE_STATUSES.map((status, i) => [`:changeable${i}`, status])),
};

const withoutKeys = (item: Record<string, unknown>) => recordOf<StoredSubmission>(item);

/**
 * The next number in a place's yearly reference sequence. Taken before the submission is stored,
 * so a retried request or a crash leaves a gap, never a repeat (references are read out, not counted).
 */
export async function nextReferenceNumber(placeUnitId: string, year: number): Promise<number> {
  const { Attributes } = await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.referenceSequence(placeUnitId, year),
      UpdateExpression: 'ADD #sequence :one',
      ExpressionAttributeNames: { '#sequence': 'sequence' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Attributes!.sequence as number;
}

/**
 * Stores the submission before anything else happens. A retry with the same key and content
 * returns the stored copy (created: false); the same key with other content is a conflict.
 * An amendment is stored together with marking the amended version replaced, in one transaction.
 */
export async function storeSubmission(
  request: SubmissionRequest,
  identity: Identity,
  now: Date,
  amended: Submission | undefined,
  startOf: (submissionId: string) => WorkflowStart,
  reference?: string,
): Promise<{ submission: Submission; created: boolean }> {
  const submissionId = submissionIdFor(identity.unitId, request.idempotencyKey);
  const submittedAt = now.toISOString();
  const submission: StoredSubmission = {
    submissionId,
    formId: request.formId,
    formVersion: FORMS[request.formId].version,
    cycleId: request.cycleId,
    unitId: identity.unitId,
    submittedBy: { userId: identity.userId, name: identity.name, email: identity.email },
    submittedAt,
    status: 'received',
    version: amended ? amended.version + 1 : 1,
    reference: amended ? amended.reference : reference,
    amends: amended?.submissionId,
    data: request.data,
    fingerprint: fingerprint(request),
  };
  const put = {
    TableName: config.tableName,
    Item: { ...keys.submission(submissionId), ...keys.submissionByUnit(identity.unitId, submittedAt, submissionId), ...outboxFields(startOf(submissionId), now), ...submission },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
  try {
    if (!amended) {
      await dynamo().send(new PutCommand(put));
    } else {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: put },
            {
              Update: {
                TableName: config.tableName,
                Key: keys.submission(amended.submissionId),
                UpdateExpression: 'SET #status = :superseded, supersededBy = :by',
                ConditionExpression: STILL_CHANGEABLE.expression,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':superseded': 'superseded', ':by': submissionId, ...STILL_CHANGEABLE.values },
              },
            },
          ],
        }),
      );
    }
    return { submission, created: true };
  } catch (error) {
    const refused = error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException;
    if (!refused) throw error;
    const existing = await getSubmission(submissionId).catch(() => undefined);
    if (!existing) throw new ConflictError('Hồ sơ được sửa đã được rút hoặc thay bằng bản khác. Vui lòng tải lại trang.');
    if (existing.fingerprint !== submission.fingerprint) {
      throw new ConflictError('Biểu mẫu này đã được gửi với nội dung khác. Vui lòng tải lại trang để gửi bản mới.');
    }
    return { submission: existing, created: false };
  }
}

/** Withdraws a current submission of the unit; a second withdrawal finds it already withdrawn. */
export async function withdrawSubmission(submissionId: string, now: Date): Promise<Submission> {
  try {
    const { Attributes } = await dynamo().send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: keys.submission(submissionId),
        UpdateExpression: 'SET #status = :withdrawn, withdrawnAt = :now',
        ConditionExpression: STILL_CHANGEABLE.expression,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':now': now.toISOString(), ...STILL_CHANGEABLE.values },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys(Attributes ?? {});
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = await getSubmission(submissionId);
    if (current.status === 'withdrawn') return current;
    throw new ConflictError('Hồ sơ đã được thay bằng bản sửa, không thể rút.');
  }
}

export async function getSubmission(submissionId: string): Promise<StoredSubmission> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: config.tableName, Key: keys.submission(submissionId), ConsistentRead: true }),
  );
  if (!Item) throw new NotFoundError('Không tìm thấy hồ sơ.');
  return withoutKeys(Item);
}

export async function listUnitSubmissions(unitId: string, limit = 50): Promise<Submission[]> {
  const { Items = [] } = await dynamo().send(
    new QueryCommand({
      TableName: config.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': partitions.submissionsOfUnit(unitId), ':prefix': 'SUBMISSION#' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map(withoutKeys);
}

/**
 * The update that marks a received submission recorded (acknowledged or refused), with its
 * criteria result and notices: one item of the transaction that records what it changed.
 */
export function recordSubmissionOutcome(
  submissionId: string,
  outcome: Pick<Submission, 'criteria' | 'refusal' | 'noticeIds'> & { status: 'acknowledged' | 'refused' },
  now: Date,
): TransactItem {
  return setIfStatus(keys.submission(submissionId), { ...outcome, acknowledgedAt: now.toISOString() }, 'received');
}
