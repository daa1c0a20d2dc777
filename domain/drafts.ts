import * as z from 'zod';
import { FORM_IDS } from './forms/index.ts';
import { storableIssues } from './storable.ts';

/** Drafts are unfinished by nature: only their shape and size are checked, not their content. */
export const MAX_DRAFT_BYTES = 64 * 1024;

export const draftPathSchema = z.object({
  cycleId: z.string().regex(/^[a-z0-9-]{3,100}$/, { error: 'Mã đợt công nhận không hợp lệ.' }),
  formId: z.enum(FORM_IDS, { error: 'Biểu mẫu không tồn tại.' }),
});

/** A browser's clock may run a little ahead; a savedAt further ahead would block every later autosave. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const draftBodySchema = z.object({
  data: z
    .record(z.string(), z.unknown(), { error: 'Bản nháp phải là một biểu mẫu.' })
    .refine((data) => JSON.stringify(data).length <= MAX_DRAFT_BYTES, { error: 'Bản nháp quá lớn (tối đa 64 KB).' })
    .superRefine((data, context) => {
      for (const issue of storableIssues(data, 'data')) context.addIssue({ code: 'custom', message: issue.message, path: issue.field.split('.').slice(1) });
    }),
  /** When the browser last changed it; the newer of server and browser copies wins. */
  savedAt: z.iso
    .datetime({ error: 'Thời điểm lưu không hợp lệ.' })
    .refine((savedAt) => !(Date.parse(savedAt) > Date.now() + CLOCK_SKEW_MS), { error: 'Thời điểm lưu ở tương lai: kiểm tra đồng hồ của máy.' }),
});

export interface Draft {
  unitId: string;
  cycleId: string;
  formId: string;
  data: Record<string, unknown>;
  savedAt: string;
  savedBy: string;
}
