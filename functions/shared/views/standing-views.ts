import { COMMENDATIONS } from '../../../domain/process/board-decisions.ts';
import type { AuditEntry } from '../../../domain/process/audit.ts';
import { NEXT_STEP, STATE_LABELS, STATE_STEP, type Standing } from '../../../domain/process/states.ts';
import { actionsFor } from '../../../domain/process/transitions.ts';

/** A standing as the API shows it: labels in Vietnamese, what comes next, what may be decided. */
export function standingView(standing: Standing) {
  return {
    cycleId: standing.cycleId,
    unitId: standing.unitId,
    state: standing.state,
    stateLabel: STATE_LABELS[standing.state],
    step: STATE_STEP[standing.state],
    nextStep: NEXT_STEP[standing.state],
    actions: actionsFor(standing.state, standing.templateId),
    version: standing.version,
    updatedAt: standing.updatedAt,
    dossierSubmissionId: standing.dossierSubmissionId,
    criteria: standing.criteria,
    reason: standing.reason,
    decision: standing.decision,
    commendation: standing.commendation,
    commendationForm: standing.commendationForm && COMMENDATIONS[standing.commendationForm],
    // The Ban Thường vụ's numbered decision, when one decided it.
    boardDecision: standing.decision?.number ? { decisionId: standing.decision.decisionId, number: standing.decision.number, date: standing.decision.date } : undefined,
    cadre: standing.cadre,
    maintainedIn: standing.maintainedIn,
  };
}

export function historyView(entry: AuditEntry) {
  return {
    seq: entry.seq,
    at: entry.at,
    by: entry.actor.name,
    summary: entry.summary,
    from: entry.before && STATE_LABELS[entry.before.state],
    to: entry.after && STATE_LABELS[entry.after.state],
    cycleId: entry.cycleId,
    hash: entry.hash,
  };
}
