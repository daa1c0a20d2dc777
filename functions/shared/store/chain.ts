import { GENESIS_HASH, sealEntry, type AuditEntry } from '../../../domain/process/audit.ts';
import { config } from '../config/config.ts';
import { keys } from './keys.ts';
import type { TransactItem } from './table.ts';

/** A unit's chain head as read: the last entry's number and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The next entry of a unit's hash-chained history, sealed after the head read, and the two writes
 * that append it inside the caller's transaction: the head moves only from where it was read (a
 * concurrent append makes the transaction retry), the entry is written once.
 */
export function appendToChain(fields: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>, head: ChainHead | undefined): { entry: AuditEntry; items: TransactItem[] } {
  const entry = sealEntry({ ...fields, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH });
  return {
    entry,
    items: [
      {
        Put: {
          TableName: config.tableName,
          Item: { ...keys.chainHead(entry.unitId), unitId: entry.unitId, seq: entry.seq, hash: entry.hash },
          ConditionExpression: head ? 'seq = :seq' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: head ? { ':seq': head.seq } : undefined,
        },
      },
      { Put: { TableName: config.tableName, Item: { ...keys.auditEntry(entry.unitId, entry.seq), ...entry }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
  };
}
