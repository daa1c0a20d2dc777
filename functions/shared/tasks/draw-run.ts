import { assignAppraisers, type Appraiser } from '../../../domain/appraisal/assign.ts';
import { commitmentOf, drawSample, inputDigestOf, type ReportedUnit } from '../../../domain/appraisal/draw.ts';
import type { Assignment, CommuneSample, DrawRecord } from '../../../domain/appraisal/records.ts';
import { addDays, calendarDate } from '../../../domain/dates.ts';
import { assignmentMessage, type AssignedUnit } from '../../../domain/notices/appraisal-notices.ts';
import type { Unit } from '../../../domain/organisation.ts';
import { closeDraw, completeDraw, getSealedSeed, listReported, putAssignments, putSamples, queueNotices, requireDraw } from '../store/appraisals.ts';
import { config } from '../config/config.ts';
import { openSeed } from '../secrets/draw-seed.ts';
import { noticeBatches } from '../dispatch/notices.ts';
import { startStored, type WorkflowStart } from '../dispatch/outbox.ts';
import { getCycle } from '../store/cycles.ts';
import { getUnit, getUnits } from '../store/units.ts';
import { listUsersOfUnit } from '../store/users.ts';

/** Closes an upper level's intake (once) and starts its draw, named after it so it runs once. */
export async function closeIntakeAndDraw(cycleId: string, upperUnitId: string, by: string, now: Date): Promise<DrawRecord> {
  const start: WorkflowStart = { workflow: 'appraisal-draw', name: `draw-${cycleId}-${upperUnitId}`, input: { cycleId, upperUnitId } };
  const draw = await closeDraw(cycleId, upperUnitId, by, now, start);
  // Also on a retry, or closing again after a failed draw: this is what (re)starts it.
  if (draw.status === 'drawing') await startStored(start);
  return draw;
}

/** The team: the upper level's people holding the appraiser role (one index query). */
export async function teamOf(upperUnitId: string): Promise<(Appraiser & { email: string })[]> {
  const users = await listUsersOfUnit(upperUnitId);
  return users.filter((user) => user.roles.includes('appraiser')).map((user) => ({ userId: user.userId, name: user.name, email: user.email, homeUnitId: user.homeUnitId }));
}

/**
 * Task DrawSample: the draw and the assignments, once. Reads the chi đoàn reported to the upper
 * level (its queue), draws with the committed seed, assigns, stores every commune's sample and
 * every assignment, queues one email per appraiser, then marks the draw done and reveals the
 * seed. Every write is the same on a re-run (the draw is deterministic), so a retry is harmless.
 */
export async function runDraw(cycleId: string, upperUnitId: string, now: Date): Promise<{ noticeBatches: { noticeIds: string[] }[] }> {
  const draw = await requireDraw(cycleId, upperUnitId);
  if (draw.status === 'drawn') return { noticeBatches: noticeBatches(draw.noticeIds ?? []) };
  if (draw.status !== 'drawing') throw new Error(`Draw ${cycleId}/${upperUnitId} is ${draw.status}, not closing`);

  const [cycle, upper, sealedSeed, standings, team] = await Promise.all([getCycle(cycleId), getUnit(upperUnitId), getSealedSeed(cycleId, upperUnitId), listReported(cycleId, upperUnitId), teamOf(upperUnitId)]);
  const seed = await openSeed(sealedSeed, { cycleId, upperUnitId });
  // The seed drawn with is the one committed to when intake opened, or nothing is drawn.
  if (commitmentOf(seed) !== draw.commitment) throw new Error(`Draw ${cycleId}/${upperUnitId}: the opened seed does not match its published commitment`);
  // Standings written before they carried their commune are the only ones whose unit is read here.
  const unplaced = await getUnits(standings.filter((standing) => !standing.parentId).map((standing) => standing.unitId));
  const reported: ReportedUnit[] = standings.flatMap((standing) => {
    const communeId = standing.parentId ?? unplaced.get(standing.unitId)?.ancestors.at(-1);
    return communeId ? [{ unitId: standing.unitId, communeId }] : [];
  });
  const draws = drawSample({ seed, cycleId, reported, rule: draw.rule });
  const communes = await getUnits(draws.map((commune) => commune.communeId));
  const sampled = draws.flatMap((commune) => commune.sampled.map((unitId) => ({ unitId, communeId: commune.communeId })));
  const assigned = assignAppraisers(sampled, team);
  // Names only for what the emails and the inbox show: the sampled chi đoàn.
  const sampledUnits = await getUnits(sampled.map((unit) => unit.unitId));

  const dueDate = addDays(calendarDate(now), draw.rule.appraisalDays);
  const nameOf = (unitId: string, units: Map<string, Unit>) => units.get(unitId)?.name ?? unitId;
  const samples: CommuneSample[] = draws.map((commune) => ({ cycleId, upperUnitId, communeId: commune.communeId, communeName: nameOf(commune.communeId, communes), reported: commune.reported, sampled: commune.sampled, results: {} }));
  const membersById = new Map(team.map((member) => [member.userId, member]));
  const assignments: Assignment[] = sampled.map((unit) => {
    const appraiser = membersById.get(assigned.get(unit.unitId)!)!;
    return {
      cycleId,
      upperUnitId,
      unitId: unit.unitId,
      unitName: nameOf(unit.unitId, sampledUnits),
      communeId: unit.communeId,
      communeName: nameOf(unit.communeId, communes),
      appraiserId: appraiser.userId,
      appraiserName: appraiser.name,
      round: 1,
      assignedAt: now.toISOString(),
      dueDate,
      status: 'assigned',
    };
  });
  await putSamples(samples, sampledUnits);
  await putAssignments(assignments);
  const noticeIds = await queueNotices(assignmentNotices(assignments, team, { cycleTitle: cycle.title, upperUnitName: upper.name, dueDate, noticePrefix: `draw:${cycleId}:${upperUnitId}` }), now);

  const result: Required<Pick<DrawRecord, 'seed' | 'reportedCount' | 'sampledCount' | 'inputDigest' | 'noticeIds' | 'drawnAt'>> = {
    seed,
    reportedCount: reported.length,
    sampledCount: sampled.length,
    inputDigest: inputDigestOf(draws),
    noticeIds,
    drawnAt: now.toISOString(),
  };
  await completeDraw(cycleId, upperUnitId, result);
  return { noticeBatches: noticeBatches(noticeIds) };
}

/** One email per appraiser listing all their new chi đoàn. */
export function assignmentNotices(
  assignments: Assignment[],
  team: { userId: string; name: string; email: string }[],
  context: { cycleTitle: string; upperUnitName: string; dueDate: string; noticePrefix: string; widening?: { communeName: string; failedUnitName: string } },
) {
  const byAppraiser = new Map<string, AssignedUnit[]>();
  for (const assignment of assignments) {
    byAppraiser.set(assignment.appraiserId, [...(byAppraiser.get(assignment.appraiserId) ?? []), { unitName: assignment.unitName, communeName: assignment.communeName }]);
  }
  const cycleId = assignments[0]?.cycleId ?? '';
  return team
    .filter((member) => byAppraiser.has(member.userId))
    .map((member) => ({
      noticeId: `${context.noticePrefix}:${member.userId}`,
      message: assignmentMessage([member.email], byAppraiser.get(member.userId)!, {
        ...context,
        appraiserName: member.name,
        inboxUrl: `${config.appUrl}/appraisals?cycle=${encodeURIComponent(cycleId)}`,
      }),
    }));
}
