import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../../domain/errors.ts';
import type { SentReport } from '../../../domain/reports/reports.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, recordOf } from './keys.ts';

export async function getReport(cycleId: string, unitId: string, reportId: string): Promise<SentReport | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.report(cycleId, unitId, reportId), ConsistentRead: true }));
  return Item ? recordOf<SentReport>(Item) : undefined;
}

/**
 * Keeps a sent report, over the version it replaces (a concurrent send is refused, not lost). The
 * first version also marks it on the upper level's counts and closes the obligation, in the same
 * write, so the upper level's dashboard shows who has reported and the sweep stops reminding.
 */
export async function storeReport(report: SentReport, previous: SentReport | undefined, upperUnitId: string | undefined): Promise<void> {
  const put = {
    Put: {
      TableName: config.tableName,
      Item: { ...keys.report(report.cycleId, report.unitId, report.reportId), ...report },
      ConditionExpression: previous ? 'version = :version' : 'attribute_not_exists(pk)',
      ExpressionAttributeValues: previous ? { ':version': previous.version } : undefined,
    },
  };
  const mark = upperUnitId && !previous
    ? [{ Update: { TableName: config.tableName, Key: keys.counts(report.cycleId, upperUnitId), UpdateExpression: 'ADD #sent :one', ExpressionAttributeNames: { '#sent': `r:${report.unitId}:${report.reportId}` }, ExpressionAttributeValues: { ':one': 1 } } }]
    : [];
  // Sent: no longer owed, so no more reminders (the same write, so never one without the other).
  const fulfilled = previous ? [] : [{ Delete: { TableName: config.tableName, Key: keys.reportObligation(report.cycleId, report.unitId, report.reportId) } }];
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [put, ...mark, ...fulfilled] }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new ConflictError('Báo cáo vừa được gửi từ nơi khác. Hãy tải lại trang để xem bản mới nhất.');
    throw error;
  }
}
