import { createHash } from 'node:crypto';
import { requireRole } from '../../domain/access.ts';
import { hasRole } from '../../domain/identity.ts';
import { importRequestSchema } from '../../domain/import-request.ts';
import { planImport, referencedIds } from '../../domain/imports.ts';
import type { Unit } from '../../domain/organisation.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { batchGetItems } from '../shared/store/table.ts';
import { findImport, writeImport } from '../shared/store/directory-imports.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { idempotentId } from '../shared/store/ids.ts';
import { keys, recordOf } from '../shared/store/keys.ts';
import { readSheets } from '../shared/edge/spreadsheets.ts';
import { startAccountsOfImport, storeAccountPages } from '../shared/tasks/accounts.ts';

/**
 * POST /api/imports: units and users from an .xlsx or .csv file. Every row is checked first; one
 * wrong row and nothing is imported, and the answer lists each wrong row. A retried request
 * returns the first one's result.
 */
export async function importDirectory(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'admin', 'organiser');
  const request = parseOrThrow(importRequestSchema, jsonBody(event));
  const bytes = Buffer.from(request.content, 'base64');
  const importId = idempotentId(identity.unitId, `import:${request.idempotencyKey}`);
  const fingerprint = createHash('sha256').update(bytes).digest('hex');
  const earlier = await findImport(importId);
  if (earlier?.status === 'done' && earlier.fingerprint === fingerprint) {
    // A retry: the first attempt may have died before its accounts workflow started.
    await startAccountsOfImport(importId, earlier.users);
    return json(200, earlier);
  }

  const sheets = await readSheets(request.fileName, bytes);
  const { unitIds, userIds } = referencedIds(sheets);
  const found = await batchGetItems([...unitIds.map((id) => keys.unit(id)), ...userIds.map((id) => keys.user(id))]);
  // Items this same import wrote on an interrupted attempt are its own, not taken.
  const stored = [...found.values()].filter((item) => item.importId !== importId);
  const storedUnits = stored.filter((item) => item.sk === 'UNIT').map((item) => recordOf<Unit>(item));
  const plan = planImport(sheets, {
    scopeUnitId: identity.unitId,
    mayGrantAdmin: hasRole(identity, 'admin'),
    existingUnits: new Map(storedUnits.map((unit) => [unit.unitId, unit])),
    takenUnitIds: new Set(storedUnits.map((unit) => unit.unitId)),
    takenUserIds: new Set(stored.filter((item) => item.sk === 'USER').map((item) => item.userId as string)),
  });
  if (plan.issues.length > 0) {
    return json(400, {
      error: 'ImportRejected',
      message: `Tệp có ${plan.issues.length} lỗi nên chưa nhập dòng nào. Sửa các dòng dưới đây rồi nhập lại.`,
      rows: plan.issues,
    });
  }

  // The accounts' pages first: once the record says done, a retry relies on them.
  await storeAccountPages(importId, plan.users.map((user) => user.userId));
  const record = await writeImport(
    {
      importId,
      fileName: request.fileName,
      fingerprint,
      status: 'writing',
      units: plan.units.length,
      users: plan.users.length,
      importedBy: identity.userId,
      importedAt: new Date().toISOString(),
    },
    plan.units,
    plan.users,
  );
  // Sign-in accounts are made by a workflow: Cognito takes tens a second, a file holds thousands.
  await startAccountsOfImport(importId, record.users);
  return json(201, record);
}

export const handler = httpHandler(importDirectory);
