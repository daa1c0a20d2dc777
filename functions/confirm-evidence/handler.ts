import { fileTypeFromBuffer } from 'file-type';
import { isAppraiserOnly, requireRole } from '../../domain/access.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { contentRefusal } from '../../domain/evidence.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { getEvidence, recordCheck } from '../shared/store/evidence.ts';
import { inspectUpload, removeUpload } from '../shared/store/evidence-objects.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { evidenceView } from '../shared/views/submission-views.ts';

/**
 * POST /api/evidence/{evidenceId}/confirm, after the upload: the file's first bytes say what it
 * really is. A file that is not what it claimed is deleted and the record says why.
 */
export async function confirmEvidence(event: HttpEvent) {
  const identity = await identityOf(event);
  // The one who attached it: a unit's secretary, or an appraiser for their findings' photos.
  requireRole(identity, 'secretary', 'appraiser');
  const evidenceId = event.pathParameters?.evidenceId;
  if (!evidenceId) throw new NotFoundError('Không tìm thấy minh chứng.');
  let evidence = await getEvidence(evidenceId);
  if (evidence.unitId !== identity.unitId) throw new ForbiddenError('Minh chứng này không thuộc đơn vị của bạn.');
  if (isAppraiserOnly(identity) && evidence.uploadedBy !== identity.userId) throw new ForbiddenError('Minh chứng này không phải của bạn.');

  if (evidence.status === 'pending') {
    const upload = await inspectUpload(evidence);
    if (!upload) throw new ValidationError('Chưa nhận được tệp. Vui lòng tải lên lại.', [{ field: 'file', message: 'Chưa nhận được tệp.' }]);
    const detected = (await fileTypeFromBuffer(upload.head))?.mime;
    const rejection = contentRefusal(evidence.contentType, detected, upload.size);
    if (rejection) await removeUpload(evidence);
    evidence = await recordCheck(evidence, rejection ? { status: 'rejected', rejection } : { status: 'ready' }, new Date());
  }
  if (evidence.status === 'rejected') {
    const reason = evidence.rejection ?? 'Tệp không hợp lệ.';
    throw new ValidationError(reason, [{ field: 'file', message: reason }]);
  }
  return json(200, evidenceView(evidence));
}

export const handler = httpHandler(confirmEvidence);
