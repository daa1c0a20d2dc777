import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { FORM_IDS, FORMS } from '../../domain/forms/index.ts';
import { matchesSchema, zodValidator } from '../../web/src/zod-validator.ts';
import { jsonSchemaOf } from '../../web/src/forms.ts';

describe('matchesSchema (how rjsf picks between schema alternatives)', () => {
  const schema: RJSFSchema = {
    type: 'object',
    required: ['way'],
    properties: { way: { enum: ['model', 'jobs'] }, count: { type: 'integer', minimum: 0 } },
  };

  it.each([
    [{ way: 'jobs', count: 3 }, true],
    [{ way: 'other' }, false],
    [{ count: 3 }, false],
    [{ way: 'model', count: -1 }, false],
    [{ way: 'model', count: 1.5 }, false],
  ])('%o → %s', (data, expected) => {
    expect(matchesSchema(schema, data)).toBe(expected);
  });

  it('handles oneOf, anyOf and const', () => {
    const choice: RJSFSchema = { oneOf: [{ const: 'a' }, { const: 'b' }] };
    expect([matchesSchema(choice, 'a'), matchesSchema(choice, 'c')]).toEqual([true, false]);
    expect(matchesSchema({ anyOf: [{ type: 'string' }, { type: 'null' }] }, null)).toBe(true);
  });

  it('accepts every form sample against the JSON Schema generated for it', () => {
    for (const formId of FORM_IDS) expect(matchesSchema(jsonSchemaOf(formId), FORMS[formId].sample), formId).toBe(true);
  });
});

describe('zodValidator', () => {
  it("reports zod's own messages under each field, as rjsf shows them", () => {
    // Prepare
    const validator = zodValidator(z.object({ plan: z.object({ count: z.int({ error: 'Nhập số nguyên.' }) }) }));

    // Act
    const { errorSchema, errors } = validator.validateFormData({ plan: { count: 1.5 } }, {});

    // Assess
    expect(errorSchema).toEqual({ plan: { count: { __errors: ['Nhập số nguyên.'] } } });
    expect(errors.map((error) => error.property)).toEqual(['.plan.count']);
  });
});
