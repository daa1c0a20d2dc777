import { requireRole } from '../../domain/access.ts';
import { templateQuerySchema } from '../../domain/import-request.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { attachment, httpHandler, type HttpEvent, type HttpResult } from '../shared/edge/http.ts';
import { templateCsv, templateXlsx, XLSX_TYPE } from '../shared/edge/spreadsheets.ts';

/** GET /api/imports/template?format=xlsx|csv&sheet=units|users: the file to fill in. */
export async function importTemplate(event: HttpEvent): Promise<HttpResult> {
  requireRole(await identityOf(event), 'admin', 'organiser');
  const { format, sheet } = parseOrThrow(templateQuerySchema, event.queryStringParameters ?? {});
  const [body, type, name] =
    format === 'xlsx'
      ? [await templateXlsx(), XLSX_TYPE, 'mau-nhap-don-vi-tai-khoan.xlsx']
      : [templateCsv(sheet), 'text/csv; charset=utf-8', `mau-nhap-${sheet === 'units' ? 'don-vi' : 'tai-khoan'}.csv`];
  return attachment(body, type, name);
}

export const handler = httpHandler(importTemplate);
