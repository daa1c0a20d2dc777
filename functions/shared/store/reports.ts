import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../../domain/errors.ts';
import type { SentReport } from '../../../domain/reports/reports.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, recordOf } from './keys.ts';
import { countDeltas, obligationSwap, type Delta } from '../../../domain/dashboard/tallies.ts';
import type { Due } from '../../../domain/deadlines/obligations.ts';
import type { TransactItem } from './table.ts';
import { deltaItems } from './tallies.ts';

export async function getReport(cycleId: string, unitId: string, reportId: string): Promise<SentReport | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.report(cycleId, unitId, reportId), ConsistentRead: true }));
  return Item ? recordOf<SentReport>(Item) : undefined;
}

/**
 * Keeps a sent report, over the version it replaces (a concurrent send is refused, not lost). The
 * first version also marks it on the upper level's counts and closes the obligation (counted down
 * with it), in the same write, so the upper level's dashboard shows who has reported and who is
 * late, and the sweep stops reminding.
 */
export async function storeReport(report: SentReport, previous: SentReport | undefined, upperUnitId: string | undefined): Promise<void> {
  const put: TransactItem = {
    Put: {
      TableName: config.tableName,
      Item: { ...keys.report(report.cycleId, report.unitId, report.reportId), ...report },
      ConditionExpression: previous ? 'version = :version' : 'attribute_not_exists(pk)',
      ExpressionAttributeValues: previous ? { ':version': previous.version } : undefined,
    },
  };
  const items = previous ? [put] : [put, ...(await firstSending(report, upperUnitId))];
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new ConflictError('Báo cáo vừa được gửi từ nơi khác. Hãy tải lại trang để xem bản mới nhất.');
    throw error;
  }
}

/** What the first sending also writes: the obligation closed (or checked never opened) and the counts. */
async function firstSending(report: SentReport, upperUnitId: string | undefined): Promise<TransactItem[]> {
  const obligationKey = keys.reportObligation(report.cycleId, report.unitId, report.reportId);
  const { Item: owed } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: obligationKey, ConsistentRead: true }));
  const deltas = countDeltas([], owed ? obligationSwap(owed.due as Due, undefined) : []);
  if (upperUnitId) {
    const upper: Delta = deltas.get(upperUnitId) ?? { add: {}, set: {} };
    upper.add[`r:${report.unitId}:${report.reportId}`] = 1;
    deltas.set(upperUnitId, upper);
  }
  return [
    owed
      ? { Delete: { TableName: config.tableName, Key: obligationKey, ConditionExpression: 'attribute_exists(pk)' } }
      : { ConditionCheck: { TableName: config.tableName, Key: obligationKey, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...deltaItems(deltas, (unitId) => keys.counts(report.cycleId, unitId)),
  ];
}
