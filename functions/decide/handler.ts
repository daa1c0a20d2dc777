import { requireCanSee, requireRole } from '../../domain/access.ts';
import { ConflictError, DomainError } from '../../domain/errors.ts';
import { decisionRequestSchema, type DecisionRecord } from '../../domain/process/decisions.ts';
import { changesFor, stepOfAction, type ProcessEvent } from '../../domain/process/transitions.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { recognitionBlockerFor } from '../shared/store/appraisals.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { requireCycleVisible } from '../shared/access/cycle-access.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { storeDecision } from '../shared/store/decisions.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { idempotentId } from '../shared/store/ids.ts';
import { getStandings } from '../shared/store/process.ts';
import { getUnit } from '../shared/store/units.ts';
import { startStored, type WorkflowStart } from '../shared/dispatch/outbox.ts';

/**
 * POST /api/decisions: a commune confirms, returns or reports; the upper level recognises,
 * refuses, revokes or assigns a cadre. Checked now against what is stored, so a wrong or late
 * action is refused at once with the reason; then each unit's decision is stored and its
 * workflow started. 202: the workflow carries it out within moments.
 */
export async function decide(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'secretary', 'leader', 'organiser');
  const request = parseOrThrow(decisionRequestSchema, jsonBody(event));
  const cycle = await getCycle(request.cycleId);
  await requireCycleVisible(identity, cycle.scopeUnitId);
  const units = await Promise.all(request.unitIds.map((unitId) => getUnit(unitId)));
  for (const unit of units) requireCanSee(identity, unit);
  const standings = await getStandings(cycle.cycleId, request.unitIds);
  const now = new Date();
  const actor = { userId: identity.userId, name: identity.name, roles: identity.roles, unitId: identity.unitId };

  const decisions: DecisionRecord[] = [];
  const refusals: string[] = [];
  for (const unit of units) {
    const decisionId = idempotentId(identity.unitId, `decision:${request.idempotencyKey}:${unit.unitId}`);
    const processEvent: ProcessEvent = { type: 'decision', eventId: decisionId, ...request };
    try {
      const recognitionBlocker = request.action === 'recognise' ? await recognitionBlockerFor(cycle.cycleId, unit) : undefined;
      changesFor(processEvent, unit, standings, { templateId: cycle.templateId, cycleId: cycle.cycleId, now, actor, recognitionBlocker });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (units.length === 1) throw error;
      refusals.push(`${unit.name}: ${error.message}`);
      continue;
    }
    const { idempotencyKey: _key, unitIds: _units, ...details } = request;
    decisions.push({ ...details, decisionId, unitId: unit.unitId, decidedBy: actor, decidedAt: now.toISOString(), status: 'pending' });
  }
  if (refusals.length > 0) throw new ConflictError(`Chưa thực hiện được: ${refusals.join(' ')}`);

  const step = stepOfAction(request.action, cycle.templateId);
  const startOf = (decisionId: string): WorkflowStart => ({ workflow: cycle.templateId, name: decisionId, input: { kind: 'decision', id: decisionId, step } });
  const stored = await Promise.all(decisions.map((decision) => storeDecision(decision, startOf(decision.decisionId), now)));
  // Also on a retry: if the first attempt died after storing, this is what starts the workflow.
  await Promise.all(stored.map((decision) => startStored(startOf(decision.decisionId))));
  return json(202, { decisions: stored.map(({ decisionId, unitId, action, status }) => ({ decisionId, unitId, action, status })) });
}

export const handler = httpHandler(decide);
