import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../../../domain/errors.ts';
import type { User } from '../../../domain/users.ts';
import { batchPutItems, queryPartition } from './table.ts';
import { config, dynamo } from '../config/config.ts';
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
  return (await queryPartition(partitions.membersOf(unitId))).map((item) => recordOf<User>(item));
}

/** Stores directory entries as they are (seeding; imports go through their own all-or-nothing write). */
export async function putUsers(users: User[]): Promise<void> {
  await batchPutItems(users.map(userItem));
}
