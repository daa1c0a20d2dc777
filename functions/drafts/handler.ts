import { requireRole } from '../../domain/access.ts';
import { draftBodySchema, draftIssues, draftPathSchema } from '../../domain/drafts.ts';
import { FORMS } from '../../domain/forms/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { requireCycleOfUnit } from '../shared/access/cycle-access.ts';
import { deleteDraft, getDraft, saveDraft } from '../shared/store/drafts.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';

/**
 * GET / PUT / DELETE /api/drafts/{cycleId}/{formId}: the unit's one draft of a form in a cycle.
 * One function for the three verbs: they share the key and the rules.
 */
export async function drafts(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'secretary');
  const { cycleId, formId } = parseOrThrow(draftPathSchema, event.pathParameters ?? {});
  // A draft belongs to a cycle that exists and applies to the unit.
  await requireCycleOfUnit(identity, cycleId);
  switch (event.requestContext.http.method) {
    case 'GET':
      return json(200, await getDraft(identity.unitId, cycleId, formId));
    case 'PUT': {
      const body = parseOrThrow(draftBodySchema, jsonBody(event));
      const issues = draftIssues(FORMS[formId].schema, body.data);
      if (issues.length > 0) throw new ValidationError(`Bản nháp có ${issues.length} mục chưa đúng kiểu hoặc quá dài. Mục đầu tiên: ${issues[0]!.message}`, issues);
      const draft = { unitId: identity.unitId, cycleId, formId, ...body, savedBy: identity.userId };
      const { saved } = await saveDraft(draft);
      return json(200, { saved, savedAt: body.savedAt });
    }
    case 'DELETE':
      await deleteDraft(identity.unitId, cycleId, formId);
      return { statusCode: 204 };
    default:
      throw new ValidationError('Phương thức không được hỗ trợ.');
  }
}

export const handler = httpHandler(drafts);
