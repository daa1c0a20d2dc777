import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { requireRole } from '../../domain/access.ts';
import { zonedInstant } from '../../domain/dates.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/auth.ts';
import { config } from '../shared/config.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/http.ts';
import { startWorkflowOnce } from '../shared/workflows.ts';

const sweepRequestSchema = z.object({ asOf: z.iso.date({ error: 'Ngày quét không hợp lệ (yyyy-mm-dd).' }) });

/**
 * POST /api/sweeps: an admin runs the daily sweep as of any date (the simulated clock of demos and
 * rehearsals): the same state machine the schedule starts, with that date's 07:00 as its input.
 * Running a date again sends nothing already sent.
 */
export async function startSweep(event: HttpEvent) {
  const identity = identityOf(event);
  requireRole(identity, 'admin');
  const { asOf } = parseOrThrow(sweepRequestSchema, jsonBody(event));
  const name = `sweep-${asOf}-manual-${randomUUID().slice(0, 8)}`;
  await startWorkflowOnce(config.workflowArn('daily-sweep'), name, { scheduledTime: zonedInstant(asOf, 7, 0).toISOString() });
  return json(202, { asOf, execution: name });
}

export const handler = httpHandler(startSweep);
