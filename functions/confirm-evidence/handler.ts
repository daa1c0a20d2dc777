import { fileTypeFromBuffer } from 'file-type';
import { isAppraiserOnly, requireRole } from '../../domain/access.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { contentRefusal, type Evidence } from '../../domain/evidence.ts';
import { requireVisitingCadre } from '../../domain/visits/access.ts';
import { VISIT_PHOTO_CONFIRM_ROUTE, VISIT_REPORT_FORM_ID } from '../../domain/visits/visit.ts';
import { getUnit } from '../shared/store/units.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { getEvidence, recordCheck } from '../shared/store/evidence.ts';
import { inspectObject, removeObject, removeUpload, sealUpload } from '../shared/store/evidence-objects.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { evidenceView } from '../shared/views/submission-views.ts';

/**
 * POST /api/evidence/{evidenceId}/confirm, after the upload: the file's first bytes say what it
 * really is. A file that is not what it claimed is deleted and the record says why; a file that
 * is, is kept as a copy no upload can replace.
 */
export async function confirmEvidence(event: HttpEvent) {
  const identity = await identityOf(event);
  const evidenceId = event.pathParameters?.evidenceId;
  if (!evidenceId) throw new NotFoundError('Không tìm thấy minh chứng.');
  let evidence: Evidence;
  if (event.routeKey === VISIT_PHOTO_CONFIRM_ROUTE) {
    // A cadre's photo of a visit: theirs alone, whatever unit it was taken at.
    requireVisitingCadre(identity, await getUnit(identity.unitId));
    evidence = await getEvidence(evidenceId);
    if (evidence.formId !== VISIT_REPORT_FORM_ID || evidence.uploadedBy !== identity.userId) throw new ForbiddenError('Ảnh này không phải của bạn.');
  } else {
    // The one who attached it: a unit's secretary, or an appraiser for their findings' photos.
    requireRole(identity, 'secretary', 'appraiser');
    evidence = await getEvidence(evidenceId);
    if (evidence.unitId !== identity.unitId) throw new ForbiddenError('Minh chứng này không thuộc đơn vị của bạn.');
  }
  if (isAppraiserOnly(identity) && evidence.uploadedBy !== identity.userId) throw new ForbiddenError('Minh chứng này không phải của bạn.');

  if (evidence.status === 'pending') evidence = await checkUpload(evidence);
  if (evidence.status === 'rejected') {
    const reason = evidence.rejection ?? 'Tệp không hợp lệ.';
    throw new ValidationError(reason, [{ field: 'file', message: reason }]);
  }
  return json(200, evidenceView(evidence));
}

/**
 * Copy first, then check the copy: the browser's form may post again at any moment, but the copy
 * is what was checked and what downloads serve. Two checks at once each have their own copy; the
 * one that records the outcome keeps it, the other's is removed.
 */
async function checkUpload(evidence: Evidence): Promise<Evidence> {
  const copy = await sealUpload(evidence);
  if (!copy) throw new ValidationError('Chưa nhận được tệp. Vui lòng tải lên lại.', [{ field: 'file', message: 'Chưa nhận được tệp.' }]);
  const { head, size } = await inspectObject(copy);
  const rejection = contentRefusal(evidence.contentType, (await fileTypeFromBuffer(head))?.mime, size);
  const recorded = await recordCheck(evidence, rejection ? { status: 'rejected', rejection } : { status: 'ready', objectKey: copy }, new Date());
  if (recorded.objectKey !== copy) await removeObject(copy);
  await removeUpload(evidence);
  return recorded;
}

export const handler = httpHandler(confirmEvidence);
