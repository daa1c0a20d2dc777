import * as z from 'zod';
import { FORM_IDS } from './forms/index.ts';

/** Drafts are unfinished by nature: only their shape and size are checked, not their content. */
export const MAX_DRAFT_BYTES = 64 * 1024;

export const draftPathSchema = z.object({
  cycleId: z.string().regex(/^[a-z0-9-]{3,100}$/, { error: 'Mã đợt công nhận không hợp lệ.' }),
  formId: z.enum(FORM_IDS, { error: 'Biểu mẫu không tồn tại.' }),
});

export const draftBodySchema = z.object({
  data: z
    .record(z.string(), z.unknown(), { error: 'Bản nháp phải là một biểu mẫu.' })
    .refine((data) => JSON.stringify(data).length <= MAX_DRAFT_BYTES, { error: 'Bản nháp quá lớn (tối đa 64 KB).' }),
  /** When the browser last changed it; the newer of server and browser copies wins. */
  savedAt: z.iso.datetime({ error: 'Thời điểm lưu không hợp lệ.' }),
});

export interface Draft {
  unitId: string;
  cycleId: string;
  formId: string;
  data: Record<string, unknown>;
  savedAt: string;
  savedBy: string;
}
