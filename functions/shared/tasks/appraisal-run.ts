import { assignWidened } from '../../../domain/appraisal/assign.ts';
import { unitsToWiden, type Assignment } from '../../../domain/appraisal/records.ts';
import { addDays, calendarDate } from '../../../domain/dates.ts';
import type { ProcessEvent } from '../../../domain/process/transitions.ts';
import {
  getAppraisal,
  getAssignment,
  listAssignments,
  getAssignments,
  markAppraisalRecorded,
  markAppraised,
  putAssignments,
  queueNotices,
  recordResult,
  requireDraw,
  widenSample,
} from '../store/appraisals.ts';
import { getCycle } from '../store/cycles.ts';
import { assignmentNotices, teamOf } from './draw-run.ts';
import { noticeBatches } from '../dispatch/notices.ts';
import { applyEvent } from '../store/process.ts';
import { getUnit, getUnits } from '../store/units.ts';

/**
 * Task RecordAppraisal: carries out a stored appraisal, once. The finding goes on the chi đoàn's
 * standing and audit chain, the assignment and the commune's sample record it, and a failure
 * widens the commune's sample (new assignments, one email per appraiser). Each write is keyed
 * so a re-run repeats nothing; the appraisal is marked recorded last.
 */
export async function recordAppraisalResult(appraisalId: string, now: Date): Promise<{ noticeBatches: { noticeIds: string[] }[] }> {
  const appraisal = await getAppraisal(appraisalId);
  if (appraisal.status === 'recorded') return { noticeBatches: noticeBatches(appraisal.noticeIds ?? []) };
  const [unit, cycle, assignment] = await Promise.all([getUnit(appraisal.unitId), getCycle(appraisal.cycleId), getAssignment(appraisal.cycleId, appraisal.unitId)]);
  if (!assignment) throw new Error(`No assignment for ${appraisal.unitId}`);

  const failedCriteria = appraisal.data.findings.flatMap((finding, index) => (finding.finding === 'verified' ? [] : [cycle.criteria[index]?.number ?? index + 1]));
  const event: ProcessEvent = { type: 'appraisal', eventId: appraisalId, outcome: appraisal.outcome, failedCriteria };
  const actor = { userId: appraisal.appraiser.userId, name: appraisal.appraiser.name, roles: ['appraiser' as const], unitId: assignment.upperUnitId };
  await applyEvent(event, unit, { templateId: cycle.templateId, cycleId: cycle.cycleId, now, actor }, { notices: () => Promise.resolve([]) });
  const sample = await recordResult(assignment, appraisal.unitId, appraisal.outcome);

  let noticeIds: string[] = [];
  const draw = await requireDraw(appraisal.cycleId, assignment.upperUnitId);
  const toWiden = appraisal.outcome === 'failed' ? unitsToWiden(sample, draw.rule) : [];
  if (toWiden.length > 0) {
    const units = await getUnits(toWiden);
    await widenSample(sample, toWiden.flatMap((unitId) => (units.has(unitId) ? [units.get(unitId)!] : [])));
    const [team, upper, assignedHere] = await Promise.all([
      teamOf(assignment.upperUnitId),
      getUnit(assignment.upperUnitId),
      getAssignments(appraisal.cycleId, sample.sampled),
    ]);
    // Loads matter only when nobody eligible appraises there already (the team changed): count them then.
    const stillThere = assignedHere.some((other) => team.some((member) => member.userId === other.appraiserId && member.homeUnitId !== sample.communeId));
    const loads = new Map(stillThere ? [] : await Promise.all(team.map(async (member) => [member.userId, (await listAssignments(appraisal.cycleId, member.userId)).length] as const)));
    const chosen = assignWidened(
      toWiden.map((unitId) => ({ unitId, communeId: sample.communeId })),
      assignedHere.map((other) => other.appraiserId),
      team,
      loads,
    );
    const dueDate = addDays(calendarDate(now), draw.rule.appraisalDays);
    const names = new Map(team.map((member) => [member.userId, member.name]));
    const added: Assignment[] = toWiden.map((unitId) => ({
      cycleId: appraisal.cycleId,
      upperUnitId: assignment.upperUnitId,
      unitId,
      unitName: units.get(unitId)?.name ?? unitId,
      communeId: sample.communeId,
      communeName: sample.communeName,
      appraiserId: chosen.get(unitId)!,
      appraiserName: names.get(chosen.get(unitId)!) ?? '',
      round: 2,
      assignedAt: now.toISOString(),
      dueDate,
      status: 'assigned',
    }));
    await putAssignments(added);
    noticeIds = await queueNotices(
      assignmentNotices(added, team, {
        cycleTitle: cycle.title,
        upperUnitName: upper.name,
        dueDate,
        noticePrefix: `widen:${appraisal.cycleId}:${sample.communeId}`,
        widening: { communeName: sample.communeName, failedUnitName: assignment.unitName },
      }),
      now,
    );
  }
  // Last: an assignment shown appraised has its consequences (the widening) already in place.
  await markAppraised(assignment, appraisalId, appraisal.outcome);
  await markAppraisalRecorded(appraisalId, noticeIds);
  return { noticeBatches: noticeBatches(noticeIds) };
}
