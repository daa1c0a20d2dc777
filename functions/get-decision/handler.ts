import { NotFoundError } from '../../domain/errors.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { getDecision } from '../shared/store/decisions.ts';

/**
 * GET /api/decisions/{decisionId}: whether a decision was carried out, or refused and why. The
 * page that sent it reads this (a decision is checked again when carried out: another leader may
 * have acted first). Only the deciding unit's people see it; to anyone else it does not exist.
 */
export async function getDecisionStatus(event: HttpEvent) {
  const identity = await identityOf(event);
  const decisionId = event.pathParameters?.decisionId ?? '';
  const decision = await getDecision(decisionId).catch(() => undefined);
  if (!decision || decision.decidedBy.unitId !== identity.unitId) throw new NotFoundError('Không tìm thấy quyết định.');
  const { unitId, action, status, refusal, decidedAt } = decision;
  return json(200, { decisionId, unitId, action, status, refusal, decidedAt });
}

export const handler = httpHandler(getDecisionStatus);
