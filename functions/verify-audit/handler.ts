import { requireCanSee } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { verifyChain } from '../../domain/process/audit.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { listAudit } from '../shared/store/process.ts';
import { getUnit } from '../shared/store/units.ts';

/** GET /api/units/{unitId}/audit: the unit's whole history chain, and whether every link holds. */
export async function verifyAudit(event: HttpEvent) {
  const identity = await identityOf(event);
  const unitId = event.pathParameters?.unitId;
  if (!unitId) throw new NotFoundError('Không tìm thấy đơn vị.');
  requireCanSee(identity, await getUnit(unitId));
  const entries = await listAudit(unitId);
  return json(200, { unitId, verdict: verifyChain(entries), entries });
}

export const handler = httpHandler(verifyAudit);
