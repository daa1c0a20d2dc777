import { requireRole } from '../../domain/access.ts';
import { ForbiddenError, ValidationError } from '../../domain/errors.ts';
import { evidenceRequestSchema, type EvidenceRequest } from '../../domain/evidence.ts';
import type { Identity } from '../../domain/identity.ts';
import { requireVisitable, requireVisitingCadre } from '../../domain/visits/access.ts';
import { VISIT_PHOTO_ROUTE, VISIT_PHOTOS_FIELD, VISIT_REPORT_FORM_ID } from '../../domain/visits/visit.ts';
import { getUnit } from '../shared/store/units.ts';
import { programmeOf } from '../shared/store/visits.ts';
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
  if (event.routeKey === VISIT_PHOTO_ROUTE) return requestVisitPhoto(identity, request);
  if (request.formId === VISIT_REPORT_FORM_ID) throw new ValidationError('Ảnh chuyến đi cơ sở được gửi từ trang đi cơ sở.', [{ field: 'formId', message: 'Biểu mẫu không nhận minh chứng ở đây.' }]);
  if (request.unitId && request.unitId !== identity.unitId) throw new ForbiddenError('Minh chứng của biểu mẫu thuộc đơn vị của bạn.');
  // A unit's secretary attaches to the unit's forms; an appraiser, photos to their findings.
  requireRole(identity, request.formId === APPRAISAL_FORM_ID ? 'appraiser' : 'secretary');
  const fields: readonly string[] = request.formId === APPRAISAL_FORM_ID ? APPRAISAL_EVIDENCE_FIELDS : ((FORMS[request.formId] as FormDefinition).evidenceFields ?? []);
  if (!fields.includes(request.field)) {
    throw new ValidationError('Mục này không nhận minh chứng.', [{ field: 'field', message: 'Mục này không nhận minh chứng.' }]);
  }
  await requireCycleOfUnit(identity, request.cycleId);
  return grantUpload(request, identity);
}

/** A cadre's photo of a visit: under the unit visited (below them), for their programme of the year. */
async function requestVisitPhoto(identity: Identity, request: EvidenceRequest) {
  const cadreUnit = await getUnit(identity.unitId);
  requireVisitingCadre(identity, cadreUnit);
  const unit = await getUnit(request.unitId ?? identity.unitId);
  requireVisitable(identity, unit);
  const year = Number(/^visits-(\d{4})-/.exec(request.cycleId)?.[1]);
  if (request.formId !== VISIT_REPORT_FORM_ID || request.field !== VISIT_PHOTOS_FIELD || !year || (await programmeOf(cadreUnit, year)).programmeId !== request.cycleId) {
    throw new ValidationError('Ảnh chuyến đi thuộc chương trình đi cơ sở của năm.', [{ field: 'cycleId', message: 'Chương trình đi cơ sở không hợp lệ.' }]);
  }
  return grantUpload(request, identity);
}

/** The record stored first, then the signed form to upload with (none once the file is in). */
async function grantUpload(request: EvidenceRequest, identity: Identity) {
  const evidence = await createEvidence(request, identity, new Date());
  const upload = evidence.status === 'pending' ? await uploadForm(evidence) : undefined;
  return json(200, { evidence: evidenceView(evidence), upload });
}

export const handler = httpHandler(requestEvidenceUpload);
