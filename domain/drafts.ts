import * as z from 'zod';
import { FORM_IDS } from './forms/index.ts';
import type { FieldIssue } from './errors.ts';
import { storableIssues } from './storable.ts';

/** Drafts are unfinished by nature: what is filled must have the right type and size, the rest may be missing. */
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

/** What an unfinished form may still lack: missing or empty answers, formats half typed, rules across fields. */
function isUnfinished(issue: z.core.$ZodIssue): boolean {
  const input = (issue as { input?: unknown }).input;
  const blank = input === undefined || input === null || input === '' || input === false;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return blank;
  return issue.code !== 'too_big';
}

/**
 * The form's own schema, leniently: a number where the form has a number, no answer longer than
 * the form allows, a choice among the form's choices; anything not yet answered passes.
 */
export function draftIssues(formSchema: z.ZodType, data: Record<string, unknown>): FieldIssue[] {
  const result = formSchema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.filter((issue) => !isUnfinished(issue)).map((issue) => ({ field: ['data', ...issue.path.map(String)].join('.'), message: issue.message }));
}
