import { requireCanSee, requireRole } from '../../domain/access.ts';
import { createCycle, cycleRequestSchema } from '../../domain/recognition/cycles.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { storeCycle } from '../shared/store/cycles.ts';
import { openObligations } from '../shared/store/obligations.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { getUnit } from '../shared/store/units.ts';

/**
 * POST /api/cycles: an admin opens a cycle for their province (or a unit below it) from a template;
 * every unit in scope that owes a plan gets its obligation, reminded by the daily sweep.
 */
export async function createCycleFromTemplate(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'admin');
  const request = parseOrThrow(cycleRequestSchema, jsonBody(event));
  requireCanSee(identity, await getUnit(request.scopeUnitId));
  const { cycle, created } = await storeCycle(createCycle(request, identity.userId, new Date()), request);
  // Also when found already stored: a first attempt may have died before opening them (idempotent).
  await openObligations(cycle);
  return json(created ? 201 : 200, cycle);
}

export const handler = httpHandler(createCycleFromTemplate);
