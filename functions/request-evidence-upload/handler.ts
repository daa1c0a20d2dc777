import { requireRole } from '../../domain/access.ts';
import { ValidationError } from '../../domain/errors.ts';
import { evidenceRequestSchema } from '../../domain/evidence.ts';
import { FORMS, type FormDefinition } from '../../domain/forms/index.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/auth.ts';
import { requireCycleOfUnit } from '../shared/cycle-access.ts';
import { createEvidence } from '../shared/evidence.ts';
import { uploadForm } from '../shared/evidence-store.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/http.ts';
import { evidenceView } from '../shared/views.ts';

/**
 * POST /api/evidence: records the file the unit is about to attach, then hands back the signed
 * form to upload it with. The file never passes through a function.
 */
export async function requestEvidenceUpload(event: HttpEvent) {
  const identity = identityOf(event);
  requireRole(identity, 'secretary');
  const request = parseOrThrow(evidenceRequestSchema, jsonBody(event));
  const form: FormDefinition = FORMS[request.formId];
  if (!form.evidenceFields?.includes(request.field)) {
    throw new ValidationError('Mục này không nhận minh chứng.', [{ field: 'field', message: 'Mục này không nhận minh chứng.' }]);
  }
  await requireCycleOfUnit(identity, request.cycleId);
  const evidence = await createEvidence(request, identity, new Date());
  const upload = evidence.status === 'pending' ? await uploadForm(evidence) : undefined;
  return json(200, { evidence: evidenceView(evidence), upload });
}

export const handler = httpHandler(requestEvidenceUpload);
