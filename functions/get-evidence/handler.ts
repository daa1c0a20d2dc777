import { isAppraiserOnly, requireCanSee } from '../../domain/access.ts';
import { requireOwnAssignment } from '../shared/access/assignment-access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { getEvidence } from '../shared/store/evidence.ts';
import { downloadUrl } from '../shared/store/evidence-objects.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { getUnit } from '../shared/store/units.ts';
import { evidenceView } from '../shared/views/submission-views.ts';

/** GET /api/evidence/{evidenceId}: the file's details and, once checked, a short-lived download link. */
export async function getEvidenceById(event: HttpEvent) {
  const identity = await identityOf(event);
  const evidenceId = event.pathParameters?.evidenceId;
  if (!evidenceId) throw new NotFoundError('Không tìm thấy minh chứng.');
  const evidence = await getEvidence(evidenceId);
  // The unit and the levels above; an appraiser, the chi đoàn assigned to them.
  if (isAppraiserOnly(identity)) {
    if (evidence.unitId !== identity.unitId) await requireOwnAssignment(identity, evidence.cycleId, evidence.unitId);
  } else requireCanSee(identity, await getUnit(evidence.unitId));
  const { objectKey } = evidence;
  const url = evidence.status === 'ready' && objectKey ? await downloadUrl({ ...evidence, objectKey }) : undefined;
  return json(200, { ...evidenceView(evidence), downloadUrl: url });
}

export const handler = httpHandler(getEvidenceById);
