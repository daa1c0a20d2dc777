import * as z from 'zod';
import { vi } from 'zod/locales';
import { ValidationError } from './errors.ts';

// Zod's own Vietnamese messages cover anything a schema does not word itself. Only this locale
// is imported: the z.locales namespace would put every language in the web bundle.
z.config(vi());

/** Parses with the schema or throws a ValidationError naming every wrong field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, fieldPrefix = ''): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  const fields = issues.map((issue) => issue.field || '(toàn bộ)').join(', ');
  throw new ValidationError(`Dữ liệu chưa hợp lệ ở: ${fields}.`, issues);
}
