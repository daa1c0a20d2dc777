import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../domain/errors.ts';
import type { MailMessage } from '../../domain/notices/message.ts';
import { config, dynamo, email } from './config.ts';
import { keys } from './keys.ts';

/** SES refused or failed; the workflow retries on this name. */
export class MailDeliveryError extends DomainError {}

/**
 * Sends a notice at most once per noticeId. The notice is recorded before sending and marked
 * sent after; a crash in between re-sends on retry, which is the only duplicate possible.
 */
export async function sendNoticeOnce(noticeId: string, message: MailMessage, now: Date): Promise<{ sent: boolean }> {
  const key = keys.notice(noticeId);
  try {
    await dynamo().send(
      new PutCommand({
        TableName: config.tableName,
        Item: { ...key, noticeId, to: message.to, subject: message.subject, createdAt: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: key, ConsistentRead: true }));
    if (Item?.sentAt) return { sent: false };
  }
  try {
    await email().send(
      new SendEmailCommand({
        FromEmailAddress: config.mailFrom,
        Destination: { ToAddresses: message.to },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Html: { Data: message.html, Charset: 'UTF-8' }, Text: { Data: message.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  } catch (error) {
    throw new MailDeliveryError(`Gửi thư thất bại: ${error instanceof Error ? error.name : 'lỗi không rõ'}`);
  }
  await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: key,
      UpdateExpression: 'SET sentAt = :now',
      ExpressionAttributeValues: { ':now': new Date().toISOString() },
    }),
  );
  return { sent: true };
}
