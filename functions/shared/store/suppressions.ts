import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Suppression } from '../../../domain/notices/mail-feedback.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, recordOf } from './keys.ts';
import { batchGetItems, queryPartition } from './table.ts';

/** Keeps an address SES said to stop mailing; SES sending the same event again changes nothing. */
export async function suppress(suppression: Suppression): Promise<void> {
  await dynamo().send(
    new PutCommand({ TableName: config.tableName, Item: { ...keys.suppressedAddress(suppression.email), ...keys.suppressedInList(suppression.at, suppression.email), ...suppression } }),
  );
}

/** Which of these addresses must not be mailed: one batch read. */
export async function suppressedAmong(emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const found = await batchGetItems(emails.map((email) => keys.suppressedAddress(email)));
  return new Set([...found.values()].map((item) => String(item.email)));
}

/** Every suppressed address, oldest first, for the admin to fix in the directory: one index query. */
export async function listSuppressed(): Promise<Suppression[]> {
  return (await queryPartition('SUPPRESSED')).map((item) => recordOf<Suppression>(item));
}
