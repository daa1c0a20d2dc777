/**
 * Table definitions as plain data: the CDK stack and the local stack both build their tables from
 * this, so DynamoDB Local always has the keys and indexes production has.
 */
export interface TableDefinition {
  id: string;
  partitionKey: string;
  sortKey: string;
  globalIndexes: { name: string; partitionKey: string; sortKey: string }[];
  timeToLiveAttribute?: string;
}

/** Single-table design: every access pattern is a key lookup or a query on gsi1. */
export const APP_TABLE: TableDefinition = {
  id: 'RecognitionTable',
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    // Sparse: open obligations under their deadline date (the daily sweep), and records not yet
    // carried out under the day they were stored (the outbox the repairer reads).
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  timeToLiveAttribute: 'expiresAt',
};
