import { verifyDraw } from '../../domain/appraisal/draw.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { getDraw, listSamples } from '../shared/store/appraisals.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { getUnit } from '../shared/store/units.ts';
import { drawView } from '../shared/views/appraisal-views.ts';

/**
 * GET /api/draws/{cycleId}/{unitId}: an upper level's draw as every unit concerned sees it: the
 * commitment from the moment intake opens; after the draw, the revealed seed, each commune's
 * reported list and sample, and the server's own recomputation (the page recomputes it again in
 * the browser). For the upper level, every unit below it and every level above it.
 */
export async function getDrawOfUnit(event: HttpEvent) {
  const identity = await identityOf(event);
  const { cycleId, unitId } = event.pathParameters ?? {};
  if (!cycleId || !unitId) throw new NotFoundError('Không tìm thấy đợt rút mẫu.');
  const [upper, viewer] = await Promise.all([getUnit(unitId), getUnit(identity.unitId)]);
  const concerned = viewer.unitId === upper.unitId || viewer.ancestors.includes(upper.unitId) || upper.ancestors.includes(viewer.unitId);
  if (!concerned) throw new ForbiddenError('Bạn không có quyền xem đợt rút mẫu này.');
  const [cycle, draw] = await Promise.all([getCycle(cycleId), getDraw(cycleId, unitId)]);
  if (!draw) return json(200, { cycle: { cycleId, title: cycle.title }, upper: { unitId, name: upper.name }, draw: undefined });
  const communes = draw.status === 'drawn' ? await listSamples(cycleId, unitId) : [];
  const verification = draw.seed && draw.status === 'drawn' ? verifyDraw({ seed: draw.seed, commitment: draw.commitment, cycleId, rule: draw.rule, communes }) : undefined;
  return json(200, {
    cycle: { cycleId, title: cycle.title },
    upper: { unitId, name: upper.name },
    draw: drawView(draw),
    communes: communes.map(({ communeId, communeName, reported, sampled, widened, results }) => ({ communeId, communeName, reported, sampled, widened: widened ?? [], results })),
    verification: verification && { commitmentMatches: verification.commitmentMatches, mismatches: verification.mismatches },
  });
}

export const handler = httpHandler(getDrawOfUnit);
