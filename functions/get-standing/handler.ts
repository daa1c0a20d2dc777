import { requireCanSee } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { verifyChain } from '../../domain/process/audit.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { requireCycleVisible } from '../shared/access/cycle-access.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { getStanding, listAudit } from '../shared/store/process.ts';
import { historyView, standingView } from '../shared/views/standing-views.ts';
import { getUnit } from '../shared/store/units.ts';
import { listVisitsToUnit } from '../shared/store/visits.ts';
import { isMade } from '../../domain/visits/visit.ts';
import { visitView } from '../shared/views/visit-views.ts';
import { addDays, calendarDate } from '../../domain/dates.ts';

/**
 * GET /api/standings/{cycleId}/{unitId}: where a unit stands in a cycle, what is next and by
 * when, and its whole history with the chain checked. For the unit and every level above it.
 */
export async function getStandingOfUnit(event: HttpEvent) {
  const identity = await identityOf(event);
  const { cycleId, unitId } = event.pathParameters ?? {};
  if (!cycleId || !unitId) throw new NotFoundError('Không tìm thấy hồ sơ công nhận.');
  const unit = await getUnit(unitId);
  requireCanSee(identity, unit);
  const cycle = await getCycle(cycleId);
  await requireCycleVisible(identity, cycle.scopeUnitId);
  // Cadres' visits of the last twelve months, made (logged as attended): the upper level's support (seed 002 III.2, step 3).
  const since = addDays(calendarDate(new Date()), -365);
  const [standing, audit, visits] = await Promise.all([getStanding(cycleId, unitId), listAudit(unitId), listVisitsToUnit(unitId, since)]);
  return json(200, {
    unit: { unitId: unit.unitId, name: unit.name, kind: unit.kind },
    cycle: { cycleId: cycle.cycleId, title: cycle.title, templateId: cycle.templateId, steps: cycle.steps },
    standing: standing ? standingView(standing) : undefined,
    history: audit.filter((entry) => entry.cycleId === cycleId || entry.visitId !== undefined).map(historyView),
    visits: visits.filter(isMade).map(visitView),
    chain: verifyChain(audit),
  });
}

export const handler = httpHandler(getStandingOfUnit);
