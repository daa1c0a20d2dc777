import type * as z from 'zod';
import { implementationPlanSample, implementationPlanSchema, implementationPlanUi } from './implementation-plan.ts';
import { selfAssessmentSample, selfAssessmentSchema, selfAssessmentUi, type SelfAssessment } from './self-assessment.ts';

export interface FormDefinition {
  id: string;
  /** Bumped when the schema changes; every stored version records the one it was made with. */
  version: number;
  title: string;
  schema: z.ZodType;
  /** The uiSchema for the data as it stands: fields can appear or hide as the user answers. */
  ui: (data: unknown) => Record<string, unknown>;
  /** Which units fill it in. */
  filledBy: 'commune' | 'branch';
  sample: unknown;
}

export const FORMS = {
  'implementation-plan': {
    id: 'implementation-plan',
    version: 1,
    title: 'Kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn',
    schema: implementationPlanSchema,
    ui: () => implementationPlanUi,
    filledBy: 'commune',
    sample: implementationPlanSample,
  },
  'self-assessment': {
    id: 'self-assessment',
    version: 1,
    title: 'Tự đánh giá Chi đoàn đạt chuẩn theo 7 tiêu chí',
    schema: selfAssessmentSchema,
    ui: (data) => selfAssessmentUi(data as Partial<SelfAssessment> | undefined),
    filledBy: 'branch',
    sample: selfAssessmentSample,
  },
} satisfies Record<string, FormDefinition>;

export type FormId = keyof typeof FORMS;
export const FORM_IDS = Object.keys(FORMS) as [FormId, ...FormId[]];
