import type * as z from 'zod';
import { implementationPlanSample, implementationPlanSchema, implementationPlanUi } from './implementation-plan.ts';

export interface FormDefinition {
  id: string;
  /** Bumped when the schema changes; every stored version records the one it was made with. */
  version: number;
  title: string;
  schema: z.ZodType;
  uiSchema: Record<string, unknown>;
  sample: unknown;
}

export const FORMS = {
  'implementation-plan': {
    id: 'implementation-plan',
    version: 1,
    title: 'Kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn',
    schema: implementationPlanSchema,
    uiSchema: implementationPlanUi,
    sample: implementationPlanSample,
  },
} satisfies Record<string, FormDefinition>;

export type FormId = keyof typeof FORMS;
export const FORM_IDS = Object.keys(FORMS) as [FormId, ...FormId[]];
