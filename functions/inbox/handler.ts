import * as z from 'zod';
import { requireRole } from '../../domain/access.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { requireCycleVisible } from '../shared/access/cycle-access.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { listQueue } from '../shared/store/process.ts';
import { deciderOf } from '../../domain/process/transitions.ts';
import { standingView } from '../shared/views/standing-views.ts';
import { getUnit } from '../shared/store/units.ts';
import { getSample } from '../shared/store/appraisals.ts';
import { recognitionBlocker } from '../../domain/appraisal/records.ts';
import type { Unit } from '../../domain/organisation.ts';

const querySchema = z.object({ cycle: z.string({ error: 'Thiếu đợt công nhận.' }).regex(/^[a-z0-9-]{3,64}$/, { error: 'Mã đợt công nhận không hợp lệ.' }) });

/**
 * GET /api/inbox?cycle=…: what waits on the user's unit in a cycle (dossiers to confirm,
 * confirmed chi đoàn to report, reports to decide on), by one index query.
 */
export async function inbox(event: HttpEvent) {
  const identity = await identityOf(event);
  // Those who decide; an appraiser sees only assignments, never a queue by place.
  requireRole(identity, 'secretary', 'organiser', 'leader', 'admin');
  const { cycle: cycleId } = parseOrThrow(querySchema, event.queryStringParameters ?? {});
  const cycle = await getCycle(cycleId);
  await requireCycleVisible(identity, cycle.scopeUnitId);
  const standings = await listQueue(cycleId, identity.unitId);
  // One sample read per commune, for every chi đoàn of it in the queue.
  const samples = new Map<string, ReturnType<typeof getSample>>();
  const sampleOf = (unit: Unit) => {
    const [upperUnitId, communeId] = [unit.ancestors.at(-2), unit.ancestors.at(-1)];
    if (!upperUnitId || !communeId) return Promise.resolve(undefined);
    if (!samples.has(communeId)) samples.set(communeId, getSample(cycleId, upperUnitId, communeId));
    return samples.get(communeId)!;
  };
  const items = await Promise.all(
    standings.map(async (standing) => {
      const unit = await getUnit(standing.unitId);
      const view = standingView(standing);
      // Only what this unit decides: a recognised chi đoàn's commune confirms it; revoking is the Ban Thường vụ's.
      const actions = view.actions.filter((action) => deciderOf(action, unit, standing.templateId)?.unitId === identity.unitId);
      // Said before anyone taps: why it cannot be recognised yet (its appraisal, its commune's sample).
      const waitingFor = actions.includes('recognise') && standing.templateId === 'chi-doan-dat-chuan' ? recognitionBlocker(await sampleOf(unit), unit.unitId) : undefined;
      return {
        ...view,
        actions,
        waitingFor,
        appraisal: standing.appraisal && { outcome: standing.appraisal.outcome, label: standing.appraisal.outcome === 'verified' ? 'Tổ thẩm định: đúng như hồ sơ' : 'Tổ thẩm định: không đúng như hồ sơ' },
        unitName: unit.name,
        parentName: unit.ancestors.length > 0 ? (await getUnit(unit.ancestors.at(-1)!)).name : undefined,
      };
    }),
  );
  return json(200, { cycle: { cycleId, title: cycle.title, templateId: cycle.templateId }, items });
}

export const handler = httpHandler(inbox);
