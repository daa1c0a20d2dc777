import { requireCanSee, requireRole } from '../../domain/access.ts';
import { unitIdSchema } from '../../domain/organisation.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { listDigestsSentTo } from '../shared/store/notice-log.ts';
import { getUnit, listChildren } from '../shared/store/units.ts';

/**
 * GET /api/notices?unit=: the deadline digests sent to a unit and to the units directly under it,
 * newest first: to whom, when, what they listed. For the unit's leaders and the levels above.
 */
export async function listNotices(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'secretary', 'organiser', 'leader', 'admin');
  const unitId = parseOrThrow(unitIdSchema, event.queryStringParameters?.unit ?? identity.unitId, 'unit');
  const unit = await getUnit(unitId);
  requireCanSee(identity, unit);
  const children = unit.kind === 'branch' ? [] : await listChildren(unitId);
  const logs = await Promise.all([unit, ...children].map((recipient) => listDigestsSentTo(recipient.unitId)));
  const notices = logs.flat().sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : a.recipientName.localeCompare(b.recipientName, 'vi')));
  return json(200, { unit: { unitId, name: unit.name }, notices });
}

export const handler = httpHandler(listNotices);
