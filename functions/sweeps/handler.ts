import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { requireRole } from '../../domain/access.ts';
import { zonedInstant } from '../../domain/dates.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { config, dynamo } from '../shared/config/config.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { keys, recordOf } from '../shared/store/keys.ts';
import { startWorkflowOnce } from '../shared/dispatch/workflows.ts';
import { requireTopOfTree } from '../shared/access/top-access.ts';

const isoDate = z.iso.date({ error: 'Ngày quét không hợp lệ (yyyy-mm-dd).' });

/**
 * The admin's sweep control, the simulated clock of demos and rehearsals.
 * POST /api/sweeps {asOf}: runs the daily sweep as of any date: the same state machine the
 * schedule starts, with that date's 07:00 as its input. Running a date again sends nothing already sent.
 * GET /api/sweeps/{asOf}: that date's run: obligations looked at, digests planned, emails queued.
 */
export async function sweeps(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'admin');
  await requireTopOfTree(identity, 'Lượt quét nhắc hạn chạy cho toàn hệ thống nên chỉ quản trị cấp cao nhất được chạy tay; hằng ngày hệ thống tự quét lúc 07:00.');
  if (event.requestContext.http.method === 'GET') {
    const asOf = parseOrThrow(isoDate, event.pathParameters?.asOf, 'asOf');
    const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.sweepRun(asOf), ConsistentRead: true }));
    return json(200, { asOf, run: Item ? recordOf(Item) : undefined });
  }
  const { asOf } = parseOrThrow(z.object({ asOf: isoDate }), jsonBody(event));
  const name = `sweep-${asOf}-manual-${randomUUID().slice(0, 8)}`;
  await startWorkflowOnce(config.workflowArn('daily-sweep'), name, { scheduledTime: zonedInstant(asOf, 7, 0).toISOString() });
  return json(202, { asOf, execution: name });
}

export const handler = httpHandler(sweeps);
