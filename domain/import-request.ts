import * as z from 'zod';

/** A spreadsheet as the browser sends it: small enough for one request (about 20,000 rows). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export const importRequestSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }),
  fileName: z.string({ error: 'Thiếu tên tệp.' }).trim().min(1, { error: 'Thiếu tên tệp.' }).max(200, { error: 'Tên tệp dài tối đa 200 ký tự.' }),
  content: z
    .base64({ error: 'Nội dung tệp không hợp lệ.' })
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { error: `Tệp quá lớn: tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Hãy chia thành nhiều tệp.` }),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const templateQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv'], { error: 'Định dạng mẫu là xlsx hoặc csv.' }).default('xlsx'),
  sheet: z.enum(['units', 'users'], { error: 'Trang mẫu là units hoặc users.' }).default('units'),
});
