import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import * as z from 'zod';
import { FORMS, type FormId } from '../../domain/forms/index.ts';

/** Each form's JSON Schema is generated from the domain's zod schema: one contract, defined once. */
export function jsonSchemaOf(formId: FormId): RJSFSchema {
  return jsonSchemaFrom(FORMS[formId].schema);
}

/** Any domain schema as the JSON Schema rjsf renders (draft 7: what its ajv8 validator accepts). */
export function jsonSchemaFrom(schema: z.ZodType): RJSFSchema {
  return z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as RJSFSchema;
}

/** Field issues ({field: "data.a.b", message}) as the error tree rjsf shows under each field. */
export function errorSchemaOf(issues: { field: string; message: string }[], prefix = ''): ErrorSchema {
  const tree: Record<string, unknown> = {};
  for (const issue of issues) {
    const path = issue.field.startsWith(prefix) ? issue.field.slice(prefix.length) : issue.field;
    let node = tree;
    for (const part of path.split('.').filter(Boolean)) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(issue.message);
  }
  return tree as ErrorSchema;
}
