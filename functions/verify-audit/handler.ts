import { requireCanSee } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { verifyChain } from '../../domain/process/audit.ts';
import { identityOf } from '../shared/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/http.ts';
import { listAudit } from '../shared/process.ts';
import { getUnit } from '../shared/units.ts';

/** GET /api/units/{unitId}/audit: the unit's whole history chain, and whether every link holds. */
export async function verifyAudit(event: HttpEvent) {
  const identity = identityOf(event);
  const unitId = event.pathParameters?.unitId;
  if (!unitId) throw new NotFoundError('Không tìm thấy đơn vị.');
  requireCanSee(identity, await getUnit(unitId));
  const entries = await listAudit(unitId);
  return json(200, { unitId, verdict: verifyChain(entries), entries });
}

export const handler = httpHandler(verifyAudit);
