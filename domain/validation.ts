import * as z from 'zod';
import { ValidationError } from './errors.ts';
import { vietnameseMessage } from './validation-messages.ts';

// Our own wording covers anything a schema does not word itself (zod's Vietnamese locale keeps
// English type names). Web and functions import this module, so both speak the same words.
z.config({ localeError: (issue) => vietnameseMessage(issue) });

/** Parses with the schema or throws a ValidationError naming every wrong field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, fieldPrefix = ''): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  // The fields are named in `issues` (the form puts each message by its field); the summary is
  // for people, so it speaks of the first problem in words, not of field keys.
  const first = issues[0]?.message ?? 'Giá trị không hợp lệ.';
  throw new ValidationError(issues.length === 1 ? `Dữ liệu chưa hợp lệ: ${first}` : `Có ${issues.length} mục chưa hợp lệ. Mục đầu tiên: ${first}`, issues);
}
