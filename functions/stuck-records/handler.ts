import { requireRole } from '../../domain/access.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { listStuck } from '../shared/tasks/repair.ts';
import { listSuppressed } from '../shared/store/suppressions.ts';
import { requireTopOfTree } from '../shared/access/top-access.ts';

/**
 * GET /api/stuck-records: for admins, every record stored and not yet carried out, with when it
 * was stored and what the repairer last did (started again, or left for a person and why). On a
 * healthy day it is empty but for records a few seconds old. With them, the e-mail addresses
 * that bounced for good or complained, which get no more mail until the directory is fixed.
 */
export async function listStuckRecords(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'admin');
  await requireTopOfTree(identity, 'Danh sách hồ sơ chưa xử lý xong là của toàn hệ thống nên chỉ quản trị cấp cao nhất được xem.');
  // Beside them, the addresses SES said to stop mailing: fixed by importing the right e-mail.
  const [records, suppressed] = await Promise.all([listStuck(new Date()), listSuppressed()]);
  return json(200, { records, suppressed });
}

export const handler = httpHandler(listStuckRecords);
