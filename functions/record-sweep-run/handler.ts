import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { calendarDate } from '../../domain/dates.ts';
import { config, dynamo } from '../shared/config/config.ts';
import { expiresAfter, keys, KEEP_DAYS } from '../shared/store/keys.ts';
import { taskHandler } from '../shared/edge/task.ts';

const inputSchema = z.object({ scheduledTime: z.iso.datetime({ offset: true }) });

/** Task RecordSweepRun: one run record per Vietnam calendar date; a second start finds it. */
export async function recordSweepRun(input: z.infer<typeof inputSchema>) {
  const asOfDate = calendarDate(new Date(input.scheduledTime));
  try {
    await dynamo().send(
      new PutCommand({
        TableName: config.tableName,
        Item: { ...keys.sweepRun(asOfDate), asOfDate, scheduledTime: input.scheduledTime, startedAt: new Date().toISOString(), ...expiresAfter(new Date(), KEEP_DAYS.sweep) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { asOfDate, firstRun: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return { asOfDate, firstRun: false };
  }
}

export const handler = taskHandler(inputSchema, recordSweepRun);
