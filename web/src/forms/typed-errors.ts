import type { ErrorSchema } from '@rjsf/utils';
import type * as z from 'zod';
import { errorSchemaOf } from '../forms.ts';

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined), data);
}

/**
 * The schema's issues with values already typed (−1 violators, 101%), not those of fields still
 * empty: a half-filled form on a phone is not a page of red.
 */
export function typedIssues(schema: z.ZodType, data: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(data ?? {});
  if (result.success) return [];
  return result.error.issues.filter((issue) => {
    const value = valueAt(data, issue.path);
    return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
  });
}

/** Those issues as the error tree rjsf shows under each field, as it is left. */
export function typedErrors(schema: z.ZodType, data: unknown): ErrorSchema | undefined {
  const issues = typedIssues(schema, data).map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
  return issues.length > 0 ? errorSchemaOf(issues) : undefined;
}

/** Two error trees as one (the server's and the typed ones), messages of a field not repeated. */
export function mergeErrors(a: ErrorSchema | undefined, b: ErrorSchema | undefined): ErrorSchema | undefined {
  if (!a) return b;
  if (!b) return a;
  const left = a as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...left };
  for (const [key, value] of Object.entries(b as Record<string, unknown>)) {
    if (key === '__errors') merged.__errors = [...new Set([...((left.__errors as string[] | undefined) ?? []), ...(value as string[])])];
    else merged[key] = mergeErrors(left[key] as ErrorSchema | undefined, value as ErrorSchema);
  }
  return merged as ErrorSchema;
}
