import * as z from 'zod';
import { addDays, zonedInstant } from '../dates.ts';
import { ValidationError } from '../errors.ts';
import { unitIdSchema } from '../organisation.ts';
import { criterionSchema, type Criterion } from './criteria.ts';
import { DEFAULT_REMINDERS, reminderRuleSchema, type ReminderRule } from '../deadlines/obligations.ts';
import { PROCESS_TEMPLATES, TEMPLATE_IDS, type AreaTemplate, type RelativeDate, type StepTemplate } from './templates.ts';
import type { Targets } from './targets.ts';

const isoDate = z.iso.date({ error: 'Ngày không hợp lệ.' });
const share = z.number({ error: 'Tỷ lệ phải là số từ 0 đến 1.' }).min(0).max(1);

/** What an admin asks for: a template, a year, a scope (province), and any changes to its defaults. */
export const cycleRequestSchema = z.object({
  templateId: z.enum(TEMPLATE_IDS, { error: 'Mẫu quy trình không tồn tại.' }),
  year: z.int({ error: 'Năm phải là số nguyên.' }).min(2018, { error: 'Năm phải từ 2018.' }).max(2100),
  scopeUnitId: unitIdSchema,
  title: z.string().trim().min(5).max(120).optional(),
  deadlines: z.record(z.string(), isoDate.nullable()).optional(),
  upperDeadlines: z.record(z.string(), isoDate.nullable()).optional(),
  targets: z
    .object({
      registrationShare: share.optional(),
      recognitionShare: share.optional(),
      pilotShare: share.optional(),
      phases: z.array(z.object({ until: isoDate, recognitionShare: share }), { error: 'Chỉ tiêu theo giai đoạn là danh sách ngày và tỷ lệ.' }).max(10).optional(),
    })
    .optional(),
  criteria: z.array(criterionSchema).min(1).max(30).optional(),
  reminders: reminderRuleSchema.optional(),
});
export type CycleRequest = z.infer<typeof cycleRequestSchema>;

export interface CycleStep {
  id: string;
  number: number;
  title: string;
  description: string;
  /** yyyy-mm-dd: due by the end of that day, Vietnam time. */
  deadline?: string;
  upperDeadline?: string;
}

export interface Cycle {
  cycleId: string;
  templateId: CycleRequest['templateId'];
  title: string;
  year: number;
  scopeUnitId: string;
  participants: 'residential-branches' | 'grassroots';
  steps: CycleStep[];
  reports: CycleStep[];
  criteria: Criterion[];
  areas: AreaTemplate[];
  targets: Targets;
  /** When the daily sweep reminds and escalates; cycles stored before it existed use the defaults. */
  reminders?: ReminderRule;
  createdAt: string;
  createdBy: string;
}

export class CycleError extends ValidationError {
  override name: string = 'CycleError';
}

/** One cycle per template, year and scope: the id says which, so a repeated request finds it. */
export function cycleIdFor(request: Pick<CycleRequest, 'templateId' | 'year' | 'scopeUnitId'>): string {
  return `${request.templateId}-${request.year}-${request.scopeUnitId}`;
}

function dateIn(year: number, relative: RelativeDate | undefined): string | undefined {
  if (!relative) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year + relative.yearOffset}-${pad(relative.month)}-${pad(relative.day)}`;
}

function stepsFor(
  year: number,
  steps: StepTemplate[],
  deadlines: Record<string, string | null> = {},
  upperDeadlines: Record<string, string | null> = {},
): CycleStep[] {
  const known = new Set(steps.map((step) => step.id));
  const unknown = [...Object.keys(deadlines), ...Object.keys(upperDeadlines)].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new CycleError(`Không có bước "${unknown.join('", "')}" trong mẫu quy trình.`);
  // An explicit null clears a default deadline; an absent key keeps it.
  const pick = (overrides: Record<string, string | null>, id: string, fallback: string | undefined) =>
    id in overrides ? (overrides[id] ?? undefined) : fallback;
  return steps.map(({ deadline, upperDeadline, ...step }) => ({
    ...step,
    deadline: pick(deadlines, step.id, dateIn(year, deadline)),
    upperDeadline: pick(upperDeadlines, step.id, dateIn(year, upperDeadline)),
  }));
}

/** Builds a cycle from its template, the request's changes applied over the seed's defaults. */
export function createCycle(request: CycleRequest, createdBy: string, now: Date): Cycle {
  const template = PROCESS_TEMPLATES[request.templateId];
  const reportIds = new Set(template.reports.map((report) => report.id));
  const stepDeadlines = Object.fromEntries(Object.entries(request.deadlines ?? {}).filter(([id]) => !reportIds.has(id)));
  const reportDeadlines = Object.fromEntries(Object.entries(request.deadlines ?? {}).filter(([id]) => reportIds.has(id)));
  return {
    cycleId: cycleIdFor(request),
    templateId: template.id,
    title: request.title ?? `${template.title} ${request.year}`,
    year: request.year,
    scopeUnitId: request.scopeUnitId,
    participants: template.participants,
    steps: stepsFor(request.year, template.steps, stepDeadlines, request.upperDeadlines),
    reports: stepsFor(request.year, template.reports, reportDeadlines),
    criteria: request.criteria ?? template.criteria,
    areas: template.areas,
    targets: { ...template.targets, ...request.targets },
    reminders: request.reminders ?? DEFAULT_REMINDERS,
    createdAt: now.toISOString(),
    createdBy,
  };
}

/** The first instant past a deadline date: midnight after it, Vietnam time. */
export function deadlinePassesAt(deadline: string): Date {
  return zonedInstant(addDays(deadline, 1), 0, 0);
}
