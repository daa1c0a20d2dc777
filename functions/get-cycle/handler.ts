import { NotFoundError } from '../../domain/errors.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { requireCycleVisible } from '../shared/access/cycle-access.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';

/** GET /api/cycles/{cycleId} */
export async function getCycleById(event: HttpEvent) {
  const identity = await identityOf(event);
  const cycleId = event.pathParameters?.cycleId;
  if (!cycleId) throw new NotFoundError('Không tìm thấy đợt công nhận.');
  const { requestFingerprint: _internal, ...cycle } = await getCycle(cycleId);
  await requireCycleVisible(identity, cycle.scopeUnitId);
  return json(200, cycle);
}

export const handler = httpHandler(getCycleById);
