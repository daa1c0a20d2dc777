import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../../domain/errors.ts';
import type { User } from '../../domain/users.ts';
import { batchPutItems } from './batch.ts';
import { config, dynamo } from './config.ts';
import { keys, partitions, recordOf } from './keys.ts';

/** The stored item of a user: by id, and listed under their unit. */
export function userItem(user: User) {
  return { ...keys.user(user.userId), ...keys.userInUnit(user.unitId, user.userId), ...user };
}

export async function getUser(userId: string): Promise<User> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.user(userId) }));
  if (!Item) throw new NotFoundError('Không tìm thấy tài khoản.');
  return recordOf<User>(Item);
}

/** The people of one unit (its secretary, its leaders…), by one index query. */
export async function listUsersOfUnit(unitId: string): Promise<User[]> {
  const users: User[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: config.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :members',
        ExpressionAttributeValues: { ':members': partitions.membersOf(unitId) },
        ExclusiveStartKey: startKey,
      }),
    );
    users.push(...(page.Items ?? []).map((item) => recordOf<User>(item)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return users;
}

/** Stores directory entries as they are (seeding; imports go through their own all-or-nothing write). */
export async function putUsers(users: User[]): Promise<void> {
  await batchPutItems(users.map(userItem));
}
