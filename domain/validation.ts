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
  const fields = issues.map((issue) => issue.field || 'nội dung gửi lên').join(', ');
  throw new ValidationError(`Dữ liệu chưa hợp lệ ở: ${fields}.`, issues);
}
