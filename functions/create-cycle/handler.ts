import { requireCanSee, requireRole } from '../../domain/access.ts';
import { createCycle, cycleRequestSchema } from '../../domain/recognition/cycles.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/auth.ts';
import { storeCycle } from '../shared/cycles.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/http.ts';
import { getUnit } from '../shared/units.ts';

/** POST /api/cycles: an admin opens a cycle for their province (or a unit below it) from a template. */
export async function createCycleFromTemplate(event: HttpEvent) {
  const identity = identityOf(event);
  requireRole(identity, 'admin');
  const request = parseOrThrow(cycleRequestSchema, jsonBody(event));
  requireCanSee(identity, await getUnit(request.scopeUnitId));
  const { cycle, created } = await storeCycle(createCycle(request, identity.userId, new Date()), request);
  return json(created ? 201 : 200, cycle);
}

export const handler = httpHandler(createCycleFromTemplate);
