import { requireRole } from '../../domain/access.ts';
import { ValidationError } from '../../domain/errors.ts';
import { evidenceRequestSchema } from '../../domain/evidence.ts';
import { APPRAISAL_EVIDENCE_FIELDS, APPRAISAL_FORM_ID } from '../../domain/appraisal/appraisal-form.ts';
import { FORMS, type FormDefinition } from '../../domain/forms/index.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { requireCycleOfUnit } from '../shared/access/cycle-access.ts';
import { createEvidence } from '../shared/store/evidence.ts';
import { uploadForm } from '../shared/store/evidence-objects.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { evidenceView } from '../shared/views/submission-views.ts';

/**
 * POST /api/evidence: records the file the unit is about to attach, then hands back the signed
 * form to upload it with. The file never passes through a function.
 */
export async function requestEvidenceUpload(event: HttpEvent) {
  const identity = await identityOf(event);
  const request = parseOrThrow(evidenceRequestSchema, jsonBody(event));
  // A unit's secretary attaches to the unit's forms; an appraiser, photos to their findings.
  requireRole(identity, request.formId === APPRAISAL_FORM_ID ? 'appraiser' : 'secretary');
  const fields: readonly string[] = request.formId === APPRAISAL_FORM_ID ? APPRAISAL_EVIDENCE_FIELDS : ((FORMS[request.formId] as FormDefinition).evidenceFields ?? []);
  if (!fields.includes(request.field)) {
    throw new ValidationError('Mục này không nhận minh chứng.', [{ field: 'field', message: 'Mục này không nhận minh chứng.' }]);
  }
  await requireCycleOfUnit(identity, request.cycleId);
  const evidence = await createEvidence(request, identity, new Date());
  const upload = evidence.status === 'pending' ? await uploadForm(evidence) : undefined;
  return json(200, { evidence: evidenceView(evidence), upload });
}

export const handler = httpHandler(requestEvidenceUpload);
