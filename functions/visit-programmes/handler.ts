import { requireCanSee, requireRole } from '../../domain/access.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { programmeFrom, programmeRequestSchema } from '../../domain/visits/programme.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { getUnit } from '../shared/store/units.ts';
import { putProgramme } from '../shared/store/visits.ts';

/**
 * POST /api/visit-programmes: a province adopts its "1+2" programme for a year (target, pace,
 * half-day rule, purposes), as it opens a recognition cycle. Adopted, its cadres behind the pace
 * are reminded by the daily sweep on the first of each month; sent again, it is changed.
 */
export async function adoptProgramme(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'admin');
  const request = parseOrThrow(programmeRequestSchema, jsonBody(event));
  const scope = await getUnit(request.scopeUnitId);
  requireCanSee(identity, scope);
  if (scope.kind !== 'province' && scope.kind !== 'central') {
    throw new ValidationError('Chương trình đi cơ sở "1+2" là của cấp tỉnh hoặc Trung ương.', [{ field: 'scopeUnitId', message: 'Chọn Tỉnh Đoàn (hoặc Trung ương Đoàn).' }]);
  }
  const programme = programmeFrom(request, scope.name);
  await putProgramme(programme);
  return json(200, programme);
}

export const handler = httpHandler(adoptProgramme);
