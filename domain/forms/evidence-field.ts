import * as z from 'zod';

/**
 * The form-side half of evidence (domain/evidence.ts has the rest): a list of evidence ids under
 * a criterion, each uploaded and checked before the form is sent. Kept apart so the forms and the
 * evidence rules can import each other's pieces without a cycle.
 */
export const MAX_EVIDENCE_PER_FIELD = 10;

export const evidenceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: 'Mã minh chứng không hợp lệ.' });

export const evidenceListSchema = z
  .array(evidenceIdSchema)
  .max(MAX_EVIDENCE_PER_FIELD, { error: `Tối đa ${MAX_EVIDENCE_PER_FIELD} tệp minh chứng cho mỗi mục.` })
  .optional()
  .meta({ title: 'Minh chứng (PDF, JPG, PNG)' });
