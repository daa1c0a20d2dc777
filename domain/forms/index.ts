import type * as z from 'zod';
import type { FieldIssue } from '../errors.ts';
import type { Unit } from '../organisation.ts';
import { checkRegistration, registrationSample, registrationSchema } from './registration.ts';
import { implementationPlanSample, implementationPlanSchema, implementationPlanUi } from './implementation-plan.ts';
import { SELF_ASSESSMENT_EVIDENCE_FIELDS, selfAssessmentSample, selfAssessmentSchema, selfAssessmentUi, type SelfAssessment } from './self-assessment.ts';

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
  /** The cycle step it belongs to: that step's deadline closes withdrawing and amending. */
  step: string;
  /** Checks that need the submitting unit's own chi đoàn (a registration names them). */
  checkAgainstChildren?: (data: never, children: Unit[]) => FieldIssue[];
  /** Fields that take evidence files (each holds an `evidence` list). */
  evidenceFields?: readonly string[];
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
    step: 'deploy',
    sample: implementationPlanSample,
  },
  registration: {
    id: 'registration',
    version: 1,
    title: 'Đăng ký xây dựng Chi đoàn đạt chuẩn',
    schema: registrationSchema,
    ui: () => ({ branchIds: { 'ui:widget': 'checkboxes' }, note: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } } }),
    filledBy: 'commune',
    step: 'register',
    checkAgainstChildren: checkRegistration,
    sample: registrationSample,
  },
  'self-assessment': {
    id: 'self-assessment',
    // 2: evidence lists under each criterion.
    version: 2,
    title: 'Tự đánh giá Chi đoàn đạt chuẩn theo 7 tiêu chí',
    schema: selfAssessmentSchema,
    ui: (data) => selfAssessmentUi(data as Partial<SelfAssessment> | undefined),
    filledBy: 'branch',
    step: 'dossier',
    evidenceFields: SELF_ASSESSMENT_EVIDENCE_FIELDS,
    sample: selfAssessmentSample,
  },
} satisfies Record<string, FormDefinition>;

export type FormId = keyof typeof FORMS;
export const FORM_IDS = Object.keys(FORMS) as [FormId, ...FormId[]];
