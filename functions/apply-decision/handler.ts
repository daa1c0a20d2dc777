import * as z from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { ProcessEvent } from '../../domain/process/transitions.ts';
import { getCycle } from '../shared/cycles.ts';
import { getDecision, recordDecisionOutcome } from '../shared/decisions.ts';
import { processNotices } from '../shared/notices.ts';
import { applyEvent, writeWithNotices } from '../shared/process.ts';
import { taskHandler } from '../shared/task.ts';
import { getUnit } from '../shared/units.ts';

const inputSchema = z.object({ decisionId: z.string().min(1) });

/**
 * Task ApplyDecision: carries out a stored decision in one transaction (standing, audit chain,
 * notices, the decision marked applied). The API checked it when it was made; checked again here
 * against what is stored now, a decision overtaken meanwhile is marked refused with the reason.
 */
export async function applyDecision({ decisionId }: z.infer<typeof inputSchema>) {
  const decision = await getDecision(decisionId);
  if (decision.status !== 'pending') return { status: decision.status, noticeIds: decision.noticeIds ?? [] };
  const [unit, cycle] = await Promise.all([getUnit(decision.unitId), getCycle(decision.cycleId)]);
  const now = new Date();
  const event: ProcessEvent = { type: 'decision', eventId: decisionId, action: decision.action, reason: decision.reason, commendation: decision.commendation, cadre: decision.cadre, year: decision.year };
  const context = { templateId: cycle.templateId, cycleId: cycle.cycleId, now, actor: decision.decidedBy };
  try {
    const { noticeIds } = await applyEvent(event, unit, context, {
      notices: (changes) => processNotices(changes, decisionId, cycle),
      recordUpdate: (ids) => recordDecisionOutcome(decisionId, { status: 'applied', noticeIds: ids }),
    });
    return { status: 'applied', noticeIds };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await writeWithNotices([], recordDecisionOutcome(decisionId, { status: 'refused', refusal: error.message, noticeIds: [] }), now);
    return { status: 'refused', noticeIds: [] };
  }
}

export const handler = taskHandler(inputSchema, applyDecision);
