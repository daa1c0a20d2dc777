import { requireCanSee } from '../../domain/access.ts';
import { unitIdSchema } from '../../domain/organisation.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { getUnit, listChildren } from '../shared/store/units.ts';

/** GET /api/units/{unitId}: a unit the user may see, with the units directly under it. */
export async function getUnitWithChildren(event: HttpEvent) {
  const identity = await identityOf(event);
  const unitId = parseOrThrow(unitIdSchema, event.pathParameters?.unitId, 'unitId');
  const unit = await getUnit(unitId);
  requireCanSee(identity, unit);
  const children = await listChildren(unitId);
  return json(200, { unit, children });
}

export const handler = httpHandler(getUnitWithChildren);
