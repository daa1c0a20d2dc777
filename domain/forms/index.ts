import type * as z from 'zod';
import type { FieldIssue } from '../errors.ts';
import type { Unit, UnitKind } from '../organisation.ts';
import type { Cycle } from '../recognition/cycles.ts';
import type { TemplateId } from '../recognition/templates.ts';
import { progressReportSample, progressReportSchema, progressReportUi, type ProgressReport } from './progress-report.ts';
import {
  blankAreas,
  checkAreas,
  threeProactiveEvaluationSample,
  threeProactiveEvaluationSchema,
  threeProactiveEvaluationUi,
  threeProactivePlanSample,
  threeProactivePlanSchema,
  threeProactivePlanUi,
  type ThreeProactiveEvaluation,
  type ThreeProactivePlan,
} from './three-proactive.ts';
import { checkRegistration, registrationSample, registrationSchema } from './registration.ts';
import { implementationPlanSample, implementationPlanSchema, implementationPlanUi } from './implementation-plan.ts';
import { checkUpperLevelMeetings, SELF_ASSESSMENT_EVIDENCE_FIELDS, selfAssessmentSample, selfAssessmentSchema, selfAssessmentUi, type SelfAssessment } from './self-assessment.ts';

export interface FormDefinition {
  id: string;
  /** Bumped when the schema changes; every stored version records the one it was made with. */
  version: number;
  title: string;
  schema: z.ZodType;
  /** The recognition model whose cycles it belongs to. */
  templateId: TemplateId;
  /**
   * The uiSchema for the data as it stands: fields can appear or hide as the user answers.
   * Forms built on the cycle's areas also read the cycle.
   */
  ui: (data: unknown, cycle?: Pick<Cycle, 'areas'>) => Record<string, unknown>;
  /** Which units fill it in: a commune union, any đoàn cơ sở, or a chi đoàn. */
  filledBy: 'commune' | 'grassroots' | 'branch';
  /** The cycle step it belongs to: that step's deadline closes withdrawing and amending. */
  step: string;
  /** Checks that need the submitting unit's own chi đoàn (a registration names them). */
  checkAgainstChildren?: (data: never, children: Unit[]) => FieldIssue[];
  /** Checks against the cycle's own data (its areas and sub-items). */
  checkAgainstCycle?: (data: never, cycle: Cycle) => FieldIssue[];
  /** Checks against the meetings cadres of the levels above logged at the unit ("1+2" visits). */
  checkAgainstVisits?: (data: never, loggedMeetings: string[]) => FieldIssue[];
  /** What a new form starts from, where the cycle shapes it. */
  initialData?: (cycle: Pick<Cycle, 'areas'>) => unknown;
  /** Fields that take evidence files (each holds an `evidence` list). */
  evidenceFields?: readonly string[];
  sample: unknown;
}

export const FORMS = {
  'implementation-plan': {
    id: 'implementation-plan',
    version: 1,
    title: 'Kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn',
    templateId: 'chi-doan-dat-chuan',
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
    templateId: 'chi-doan-dat-chuan',
    schema: registrationSchema,
    ui: () => ({ branchIds: { 'ui:widget': 'checkboxes' }, note: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } } }),
    filledBy: 'commune',
    step: 'register',
    checkAgainstChildren: checkRegistration,
    sample: registrationSample,
  },
  'self-assessment': {
    id: 'self-assessment',
    // 2: evidence lists under each criterion; 3: criterion 5 may cite the upper level's meetings.
    version: 3,
    title: 'Tự đánh giá Chi đoàn đạt chuẩn theo 7 tiêu chí',
    templateId: 'chi-doan-dat-chuan',
    schema: selfAssessmentSchema,
    ui: (data) => selfAssessmentUi(data as Partial<SelfAssessment> | undefined),
    filledBy: 'branch',
    step: 'dossier',
    evidenceFields: SELF_ASSESSMENT_EVIDENCE_FIELDS,
    checkAgainstVisits: checkUpperLevelMeetings,
    sample: selfAssessmentSample,
  },
  'progress-report': {
    id: 'progress-report',
    version: 1,
    title: 'Báo cáo tiến độ xây dựng Chi đoàn đạt chuẩn',
    templateId: 'chi-doan-dat-chuan',
    schema: progressReportSchema,
    ui: (data) => progressReportUi(data as Partial<ProgressReport> | undefined),
    filledBy: 'branch',
    step: 'implement',
    sample: progressReportSample,
  },
  'three-proactive-plan': {
    id: 'three-proactive-plan',
    version: 1,
    title: 'Kế hoạch và đăng ký xây dựng Đoàn cơ sở "3 chủ động"',
    templateId: 'doan-co-so-3-chu-dong',
    schema: threeProactivePlanSchema,
    ui: (_data, cycle) => threeProactivePlanUi(cycle?.areas ?? []),
    filledBy: 'grassroots',
    step: 'plan-register',
    checkAgainstCycle: (data: ThreeProactivePlan, cycle) => checkAreas(data.areas, cycle.areas, false),
    initialData: (cycle) => ({ areas: blankAreas(cycle.areas, false) }),
    sample: threeProactivePlanSample,
  },
  'three-proactive-evaluation': {
    id: 'three-proactive-evaluation',
    version: 1,
    title: 'Tự đánh giá Đoàn cơ sở "3 chủ động" hằng năm',
    templateId: 'doan-co-so-3-chu-dong',
    schema: threeProactiveEvaluationSchema,
    ui: (_data, cycle) => threeProactiveEvaluationUi(cycle?.areas ?? []),
    filledBy: 'grassroots',
    step: 'self-evaluate',
    checkAgainstCycle: (data: ThreeProactiveEvaluation, cycle) => checkAreas(data.areas, cycle.areas, true),
    initialData: (cycle) => ({ areas: blankAreas(cycle.areas, true) }),
    evidenceFields: ['areas'],
    sample: threeProactiveEvaluationSample,
  },
} satisfies Record<string, FormDefinition>;

export type FormId = keyof typeof FORMS;
export const FORM_IDS = Object.keys(FORMS) as [FormId, ...FormId[]];

/** Which unit kinds fill a form: any đoàn cơ sở fills Model B's, only a commune union Model A's. */
export function canFill(form: Pick<FormDefinition, 'filledBy'>, kind: UnitKind): boolean {
  if (form.filledBy === 'branch') return kind === 'branch';
  if (form.filledBy === 'commune') return kind === 'commune';
  return kind === 'commune' || kind === 'grassroots';
}
