import { recognitionBlockerFor } from '../store/appraisals.ts';
import { DomainError } from '../../../domain/errors.ts';
import { submissionReceipt } from '../../../domain/notices/submission-receipt.ts';
import type { ProcessEvent } from '../../../domain/process/transitions.ts';
import type { CriterionResult } from '../../../domain/recognition/criteria.ts';
import type { Submission } from '../../../domain/submission.ts';
import { config } from '../config/config.ts';
import { getCycle } from '../store/cycles.ts';
import { getDecision, recordDecisionOutcome } from '../store/decisions.ts';
import { processNotices } from '../dispatch/notices.ts';
import { applyEvent, writeWithNotices, type PendingNotice } from '../store/process.ts';
import { getSubmission, recordSubmissionOutcome } from '../store/submissions.ts';
import { getUnit } from '../store/units.ts';
import { getUser } from '../store/users.ts';
import { decisionRefusedNotice } from '../../../domain/notices/decision-refused.ts';

/** What a submission or a decision does to the process: the work of the RecordEvent task. */

const receiptNotice = (submission: Submission, outcome: Parameters<typeof submissionReceipt>[2]): PendingNotice => ({
  noticeId: `receipt#${submission.submissionId}`,
  message: submissionReceipt(submission, config.appUrl, outcome),
});

/**
 * Task RecordSubmission: one transaction moves the unit's process (its standing, its audit chain,
 * a registration's chi đoàn), stores the criteria result on the submission, marks it recorded and
 * queues the emails: the receipt and whoever must act next. A submission that may not move the
 * process (out of order) is marked refused with the reason. Run twice, it changes nothing twice.
 */
export async function recordSubmission({ submissionId, criteria }: { submissionId: string; criteria?: CriterionResult[] }) {
  const submission = await getSubmission(submissionId);
  if (submission.status !== 'received') return { status: submission.status, noticeIds: submission.noticeIds ?? [] };
  const [unit, cycle] = await Promise.all([getUnit(submission.unitId), getCycle(submission.cycleId)]);
  const now = new Date();
  const event: ProcessEvent = {
    type: 'submission',
    eventId: submission.submissionId,
    formId: submission.formId,
    submissionId: submission.submissionId,
    criteria,
    branchIds: submission.formId === 'registration' ? (submission.data as { branchIds: string[] }).branchIds : undefined,
  };
  const { userId, name } = submission.submittedBy;
  const context = { templateId: cycle.templateId, cycleId: cycle.cycleId, now, actor: { userId, name, roles: ['secretary' as const], unitId: submission.unitId } };
  try {
    const { noticeIds } = await applyEvent(event, unit, context, {
      notices: async (changes) => [receiptNotice(submission, { criteria }), ...(await processNotices(changes, event.eventId, cycle))],
      recordUpdate: (ids) => recordSubmissionOutcome(submissionId, { status: 'acknowledged', criteria, noticeIds: ids }, now),
    });
    return { status: 'acknowledged', noticeIds };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const refusal = error.message;
    const notice = receiptNotice(submission, { refusal });
    const noticeIds = await recordRefusal(submissionId, refusal, notice, now);
    return { status: 'refused', noticeIds };
  }
}

async function recordRefusal(submissionId: string, refusal: string, notice: PendingNotice, now: Date): Promise<string[]> {
  await writeWithNotices([notice], recordSubmissionOutcome(submissionId, { status: 'refused', refusal, noticeIds: [notice.noticeId] }, now), now);
  return [notice.noticeId];
}


/**
 * Task ApplyDecision: carries out a stored decision in one transaction (standing, audit chain,
 * notices, the decision marked applied). The API checked it when it was made; checked again here
 * against what is stored now, a decision overtaken meanwhile is marked refused with the reason.
 */
export async function applyDecision({ decisionId }: { decisionId: string }) {
  const decision = await getDecision(decisionId);
  if (decision.status !== 'pending') return { status: decision.status, noticeIds: decision.noticeIds ?? [] };
  const [unit, cycle] = await Promise.all([getUnit(decision.unitId), getCycle(decision.cycleId)]);
  const now = new Date();
  const event: ProcessEvent = { type: 'decision', eventId: decisionId, action: decision.action, reason: decision.reason, commendation: decision.commendation, cadre: decision.cadre, year: decision.year, board: decision.board };
  const recognitionBlocker = decision.action === 'recognise' ? await recognitionBlockerFor(cycle.cycleId, unit) : undefined;
  const context = { templateId: cycle.templateId, cycleId: cycle.cycleId, now, actor: decision.decidedBy, recognitionBlocker };
  try {
    const { noticeIds } = await applyEvent(event, unit, context, {
      notices: (changes) => processNotices(changes, decisionId, cycle),
      recordUpdate: (ids) => recordDecisionOutcome(decisionId, { status: 'applied', noticeIds: ids }),
    });
    return { status: 'applied', noticeIds };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // The person who decided was answered 202 ("sent"): they are told it did not happen.
    const decider = await getUser(decision.decidedBy.userId).catch(() => undefined);
    const notices: PendingNotice[] = decider
      ? [{ noticeId: `decision-refused#${decisionId}`, message: decisionRefusedNotice(decision, unit.name, error.message, decider.email, config.appUrl) }]
      : [];
    const noticeIds = notices.map((notice) => notice.noticeId);
    await writeWithNotices(notices, recordDecisionOutcome(decisionId, { status: 'refused', refusal: error.message, noticeIds }), now);
    return { status: 'refused', noticeIds };
  }
}

