import {
  createErrorHandler,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import type * as z from 'zod';

type Json = unknown;

/**
 * Checks data against the JSON Schema subset zod generates (types, enums, const, bounds,
 * required, nested objects and arrays, any/one/allOf). rjsf calls this only to choose between
 * schema alternatives; the form's real validation is the zod schema below.
 */
export function matchesSchema(schema: RJSFSchema | boolean | undefined, data: Json): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(data)) return false;
  if (schema.enum && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(data))) return false;
  if (schema.allOf && !schema.allOf.every((part) => matchesSchema(part as RJSFSchema, data))) return false;
  if (schema.anyOf && !schema.anyOf.some((part) => matchesSchema(part, data))) return false;
  if (schema.oneOf && schema.oneOf.filter((part) => matchesSchema(part as RJSFSchema, data)).length !== 1) return false;
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 0 && !types.some((type) => hasType(type, data))) return false;
  if (typeof data === 'number') {
    if (schema.minimum !== undefined && data < schema.minimum) return false;
    if (schema.maximum !== undefined && data > schema.maximum) return false;
  }
  if (typeof data === 'string') {
    if (schema.minLength !== undefined && data.length < schema.minLength) return false;
    if (schema.maxLength !== undefined && data.length > schema.maxLength) return false;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(data)) return false;
  }
  if (Array.isArray(data)) {
    if (schema.minItems !== undefined && data.length < schema.minItems) return false;
    if (schema.maxItems !== undefined && data.length > schema.maxItems) return false;
    if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
      if (!data.every((item) => matchesSchema(schema.items as RJSFSchema, item))) return false;
    }
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, Json>;
    if (schema.required && !schema.required.every((name) => record[name] !== undefined)) return false;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (record[name] !== undefined && !matchesSchema(property, record[name])) return false;
    }
  }
  return true;
}

function hasType(type: string, data: Json): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(data);
    case 'number':
      return typeof data === 'number';
    case 'array':
      return Array.isArray(data);
    case 'object':
      return data !== null && typeof data === 'object' && !Array.isArray(data);
    case 'null':
      return data === null;
    default:
      return typeof data === type;
  }
}

/**
 * An rjsf validator backed by the form's zod schema, the same one the server uses: the user
 * sees exactly the server's Vietnamese messages, and the page ships no JSON Schema compiler.
 */
export function zodValidator<T = Record<string, unknown>>(schema: z.ZodType): ValidatorType<T> {
  return {
    validateFormData(
      formData: T | undefined,
      _jsonSchema: RJSFSchema,
      customValidate?: CustomValidator<T>,
      _transformErrors?: unknown,
      uiSchema?: UiSchema<T>,
    ): ValidationData<T> {
      const result = schema.safeParse(formData ?? {});
      const errors: RJSFValidationError[] = result.success
        ? []
        : result.error.issues.map((issue) => {
            const property = issue.path.map((part) => `.${String(part)}`).join('');
            return { name: issue.code, property, message: issue.message, stack: `${property} ${issue.message}`.trim() };
          });
      const validation = { errors, errorSchema: toErrorSchema<T>(errors) };
      if (!customValidate) return validation;
      const handler = customValidate(formData, createErrorHandler<T>(formData as T), uiSchema);
      return validationDataMerge(validation, unwrapErrorHandler<T>(handler));
    },
    isValid(jsonSchema: RJSFSchema, formData: T | undefined): boolean {
      return matchesSchema(jsonSchema, formData);
    },
    rawValidation(jsonSchema: RJSFSchema, formData?: T) {
      return matchesSchema(jsonSchema, formData) ? {} : { validationError: new Error('Dữ liệu không khớp biểu mẫu.') };
    },
  };
}
