import { requireRole } from '../../domain/access.ts';
import { evidenceIdsIn } from '../../domain/evidence.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { getAppraisal } from '../shared/store/appraisals.ts';
import { requireOwnAssignment } from '../shared/access/assignment-access.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { getEvidenceBatch } from '../shared/store/evidence.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { getStanding } from '../shared/store/process.ts';
import { getSubmission } from '../shared/store/submissions.ts';
import { evidenceView, submissionView } from '../shared/views/submission-views.ts';

/**
 * GET /api/assignments/{cycleId}/{unitId}: everything the assigned appraiser needs on the spot:
 * the chi đoàn's self-assessment as submitted, its criteria results, its evidence files, the
 * cycle's criteria, and the appraisal once recorded. Only for the appraiser it is assigned to.
 */
export async function getAssignmentOfUnit(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'appraiser');
  const { cycleId, unitId } = event.pathParameters ?? {};
  if (!cycleId || !unitId) throw new NotFoundError('Không tìm thấy phân công.');
  const assignment = await requireOwnAssignment(identity, cycleId, unitId);
  const [cycle, standing] = await Promise.all([getCycle(cycleId), getStanding(cycleId, unitId)]);
  const dossier = standing?.dossierSubmissionId ? await getSubmission(standing.dossierSubmissionId) : undefined;
  const evidenceIds = dossier ? evidenceIdsIn(dossier.data).map((entry) => entry.evidenceId) : [];
  const evidence = await getEvidenceBatch(evidenceIds);
  const appraisal = assignment.appraisalId ? await getAppraisal(assignment.appraisalId) : undefined;
  return json(200, {
    assignment,
    cycle: { cycleId, title: cycle.title, criteria: cycle.criteria.map(({ id, number, wording }) => ({ id, number, wording })) },
    criteria: standing?.criteria ?? [],
    dossier: dossier && submissionView(dossier),
    evidence: [...evidence.values()].map(evidenceView),
    appraisal: appraisal && { outcome: appraisal.outcome, data: appraisal.data, submittedAt: appraisal.submittedAt, status: appraisal.status },
  });
}

export const handler = httpHandler(getAssignmentOfUnit);
