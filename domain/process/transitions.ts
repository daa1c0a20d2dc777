import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import type { FormId } from '../forms/index.ts';
import type { Identity } from '../identity.ts';
import type { Unit } from '../organisation.ts';
import type { CriterionResult } from '../recognition/criteria.ts';
import type { TemplateId } from '../recognition/templates.ts';
import type { Role } from '../roles.ts';
import { STATE_LABELS, type Standing, type StandingState } from './states.ts';
import { calendarDate, formatCalendarDate } from '../dates.ts';
import { COMMENDATIONS, type Commendation } from './commendations.ts';

/**
 * The recognition process as data: which event moves a unit from which state to which, and who
 * may cause it. Seed 002 III: Model A (a chi đoàn: registered by its commune → self-assessment →
 * criteria check → commune confirms or returns → commune reports → the upper level recognises or
 * not → maintenance, revocation) and Model B (a đoàn cơ sở: plan and registration → the upper
 * level assigns a cadre → yearly self-evaluation → the upper level's standing committee decides).
 * Nothing here touches storage: the caller loads the standings, applies the changes atomically.
 */
export const DECISION_ACTIONS = ['confirm', 'return', 'report', 'recognise', 'reject', 'maintain', 'revoke', 'assign-cadre'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export const ACTION_LABELS: Record<DecisionAction, string> = {
  confirm: 'Xác nhận hồ sơ',
  return: 'Trả lại hồ sơ',
  report: 'Báo cáo cấp trên',
  recognise: 'Công nhận',
  reject: 'Không công nhận',
  maintain: 'Xác nhận duy trì chuẩn',
  revoke: 'Thu hồi công nhận',
  'assign-cadre': 'Phân công cán bộ theo dõi',
};

/** Each action as a noun phrase, for sentences ("Không thể quyết định không công nhận: …"), never its button label. */
export const ACTION_NOUNS: Record<DecisionAction, string> = {
  confirm: 'xác nhận hồ sơ',
  return: 'trả lại hồ sơ',
  report: 'báo cáo cấp trên',
  recognise: 'công nhận',
  reject: 'quyết định không công nhận',
  maintain: 'xác nhận duy trì chuẩn',
  revoke: 'thu hồi công nhận',
  'assign-cadre': 'phân công cán bộ theo dõi',
};

/** The numbered decision of the Ban Thường vụ a recognition, refusal or revocation carries out. */
export interface BoardReference {
  decisionId: string;
  number: string;
  /** yyyy-mm-dd */
  date: string;
  commendation?: Commendation;
}

export type ProcessEvent =
  | { type: 'submission'; eventId: string; formId: FormId; submissionId: string; criteria?: CriterionResult[]; branchIds?: string[] }
  | { type: 'decision'; eventId: string; action: DecisionAction; reason?: string; commendation?: boolean; cadre?: string; year?: number; board?: BoardReference }
  /** The appraisal team's finding on a sampled chi đoàn: recorded on its standing, the state unchanged. */
  | { type: 'appraisal'; eventId: string; outcome: 'verified' | 'failed'; failedCriteria: number[] };

export type Actor = Pick<Identity, 'userId' | 'name' | 'roles' | 'unitId'>;

export interface ProcessContext {
  templateId: TemplateId;
  cycleId: string;
  now: Date;
  actor: Actor;
  /** Why the upper level cannot recognise this chi đoàn yet (its appraisal), if it cannot. */
  recognitionBlocker?: string;
}

/** One unit's standing before and after an event (before is undefined for its first). */
export interface Change {
  unitId: string;
  before?: Standing;
  after: Standing;
  /** What happened, in Vietnamese, for the timeline and the audit. */
  summary: string;
}

type UnitRef = Pick<Unit, 'unitId' | 'ancestors' | 'name'>;

const DOSSIER_OPEN: StandingState[] = ['registered', 'criteria-failed', 'returned', 'awaiting-confirmation'];

/** Who acts on a unit's decisions: its direct upper level (1) or the level above that (2). */
const DECIDERS: Record<DecisionAction, { levelsUp: 1 | 2; roles: Role[]; from: StandingState[]; to: StandingState | 'same'; model: TemplateId }[]> = {
  confirm: [{ levelsUp: 1, roles: ['secretary', 'leader'], from: ['awaiting-confirmation'], to: 'confirmed', model: 'chi-doan-dat-chuan' }],
  return: [{ levelsUp: 1, roles: ['secretary', 'leader'], from: ['awaiting-confirmation', 'confirmed'], to: 'returned', model: 'chi-doan-dat-chuan' }],
  report: [{ levelsUp: 1, roles: ['secretary', 'leader'], from: ['confirmed'], to: 'reported', model: 'chi-doan-dat-chuan' }],
  maintain: [{ levelsUp: 1, roles: ['secretary', 'leader'], from: ['recognised'], to: 'same', model: 'chi-doan-dat-chuan' }],
  // The Ban Thường vụ decides, through a numbered decision its Bí thư or a Phó Bí thư signs (board-decisions.ts).
  recognise: [
    { levelsUp: 2, roles: ['leader'], from: ['reported'], to: 'recognised', model: 'chi-doan-dat-chuan' },
    { levelsUp: 1, roles: ['leader'], from: ['evaluated'], to: 'recognised', model: 'doan-co-so-3-chu-dong' },
  ],
  reject: [
    { levelsUp: 2, roles: ['leader'], from: ['reported'], to: 'not-recognised', model: 'chi-doan-dat-chuan' },
    { levelsUp: 1, roles: ['leader'], from: ['evaluated'], to: 'not-recognised', model: 'doan-co-so-3-chu-dong' },
  ],
  revoke: [{ levelsUp: 2, roles: ['leader'], from: ['recognised'], to: 'revoked', model: 'chi-doan-dat-chuan' }],
  'assign-cadre': [{ levelsUp: 1, roles: ['organiser', 'leader'], from: ['planned'], to: 'cadre-assigned', model: 'doan-co-so-3-chu-dong' }],
};

/** Decisions only the Ban Thường vụ takes, by a numbered decision. */
const BOARD_DECIDED: DecisionAction[] = ['recognise', 'reject', 'revoke'];

/** Decisions that must say why. */
export const NEEDS_REASON: DecisionAction[] = ['return', 'reject', 'revoke'];

function refuse(current: Standing | undefined, what: string): never {
  const where = current ? `hồ sơ đang ở trạng thái "${STATE_LABELS[current.state]}"` : 'đơn vị chưa bắt đầu quy trình này';
  throw new ConflictError(`Không thể ${what}: ${where}.`);
}

function next(current: Standing | undefined, unitId: string, state: StandingState, event: ProcessEvent, context: ProcessContext, extra: Partial<Standing> = {}): Standing {
  return {
    cycleId: context.cycleId,
    unitId,
    templateId: context.templateId,
    ...current,
    ...extra,
    state,
    version: (current?.version ?? 0) + 1,
    updatedAt: context.now.toISOString(),
    appliedEvents: [...(current?.appliedEvents ?? []), event.eventId].slice(-20),
  };
}

/** A change, or nothing when this event was already applied to this unit (a retried task). */
function change(unitId: string, before: Standing | undefined, after: () => Standing, summary: string, eventId: string): Change[] {
  if (before?.appliedEvents.includes(eventId)) return [];
  return [{ unitId, before, after: after(), summary }];
}

function submissionChanges(
  event: Extract<ProcessEvent, { type: 'submission' }>,
  unit: UnitRef,
  standings: ReadonlyMap<string, Standing | undefined>,
  context: ProcessContext,
): Change[] {
  const current = standings.get(unit.unitId);
  const id = event.eventId;
  switch (event.formId) {
    case 'implementation-plan': {
      const state = current && current.state !== 'plan-submitted' ? current.state : 'plan-submitted';
      return change(unit.unitId, current, () => next(current, unit.unitId, state, event, context), 'Gửi kế hoạch triển khai', id);
    }
    case 'registration': {
      if (!current) refuse(current, 'đăng ký khi chưa gửi kế hoạch triển khai (bước 1)');
      const commune = change(unit.unitId, current, () => next(current, unit.unitId, 'registration-submitted', event, context), 'Gửi đăng ký chi đoàn xây dựng đạt chuẩn', id);
      // Each named chi đoàn becomes registered; one already further on is left where it is.
      const branches = (event.branchIds ?? []).flatMap((branchId) => {
        const branch = standings.get(branchId);
        if (branch) return [];
        return change(branchId, branch, () => next(branch, branchId, 'registered', event, context), `Được ${unit.name} đăng ký xây dựng đạt chuẩn`, id);
      });
      return [...commune, ...branches];
    }
    case 'progress-report': {
      if (!current || !DOSSIER_OPEN.includes(current.state)) refuse(current, 'gửi báo cáo tiến độ');
      return change(unit.unitId, current, () => next(current, unit.unitId, current.state, event, context), 'Gửi báo cáo tiến độ', id);
    }
    case 'self-assessment': {
      if (!current) refuse(current, 'gửi hồ sơ tự đánh giá khi chi đoàn chưa được Đoàn cấp xã đăng ký (bước 2)');
      if (!DOSSIER_OPEN.includes(current.state)) refuse(current, 'gửi lại hồ sơ tự đánh giá');
      const criteria = event.criteria ?? [];
      const passed = criteria.length > 0 && criteria.every((result) => result.pass);
      const failed = criteria.filter((result) => !result.pass).map((result) => result.reason);
      const summary = passed ? 'Gửi hồ sơ tự đánh giá: đạt cả 7 tiêu chí' : `Gửi hồ sơ tự đánh giá: ${failed.join('; ')}`;
      return change(
        unit.unitId,
        current,
        () =>
          next(current, unit.unitId, passed ? 'awaiting-confirmation' : 'criteria-failed', event, context, {
            dossierSubmissionId: event.submissionId,
            criteria,
            reason: undefined,
          }),
        summary,
        id,
      );
    }
    case 'three-proactive-plan': {
      if (current && !['planned', 'cadre-assigned'].includes(current.state)) refuse(current, 'gửi lại kế hoạch "3 chủ động"');
      return change(unit.unitId, current, () => next(current, unit.unitId, current?.state ?? 'planned', event, context), 'Gửi kế hoạch và đăng ký "3 chủ động"', id);
    }
    case 'three-proactive-evaluation': {
      if (current?.state === 'planned') refuse(current, 'gửi tự đánh giá trước khi cấp trên phân công cán bộ theo dõi (bước 2)');
      if (!current || !['cadre-assigned', 'evaluated'].includes(current.state)) refuse(current, 'gửi tự đánh giá "3 chủ động"');
      return change(
        unit.unitId,
        current,
        () => next(current, unit.unitId, 'evaluated', event, context, { dossierSubmissionId: event.submissionId }),
        'Gửi tự đánh giá và đề nghị công nhận "3 chủ động"',
        id,
      );
    }
  }
}

/** Who decides an action on a unit, in this model: the rule, and the unit whose people decide. */
export function deciderOf(action: DecisionAction, unit: Pick<Unit, 'ancestors'>, templateId: TemplateId): { levelsUp: 1 | 2; unitId?: string } | undefined {
  const rule = DECIDERS[action].find((candidate) => candidate.model === templateId);
  return rule && { levelsUp: rule.levelsUp, unitId: unit.ancestors.at(-rule.levelsUp) };
}

function decisionChanges(event: Extract<ProcessEvent, { type: 'decision' }>, unit: UnitRef, current: Standing | undefined, context: ProcessContext): Change[] {
  const noun = ACTION_NOUNS[event.action];
  const rule = DECIDERS[event.action].find((candidate) => candidate.model === context.templateId);
  if (!rule) throw new ValidationError(`Quy trình này không có bước ${noun}.`, [{ field: 'action', message: 'Thao tác không hợp lệ.' }]);
  const deciderUnit = unit.ancestors.at(-rule.levelsUp);
  const board = BOARD_DECIDED.includes(event.action);
  if (context.actor.unitId !== deciderUnit) throw new ForbiddenError(`Chỉ ${rule.levelsUp === 1 ? 'cấp trên trực tiếp' : 'cấp trên của Đoàn cấp xã'} mới được ${noun}.`);
  if (board && (!event.board || !context.actor.roles.includes('leader'))) {
    throw new ForbiddenError(`Việc ${noun} do Ban Thường vụ quyết định: bộ phận Xây dựng Đoàn lập tờ trình, đồng chí Bí thư hoặc Phó Bí thư duyệt và ký quyết định.`);
  }
  if (!context.actor.roles.some((role) => rule.roles.includes(role))) throw new ForbiddenError(`Tài khoản của bạn không được ${noun}.`);
  if (NEEDS_REASON.includes(event.action) && !event.reason?.trim()) {
    throw new ValidationError(`Vui lòng nêu lý do ${noun}.`, [{ field: 'reason', message: 'Vui lòng nêu lý do.' }]);
  }
  if (event.action === 'assign-cadre' && !event.cadre?.trim()) {
    throw new ValidationError('Vui lòng nhập cán bộ được phân công.', [{ field: 'cadre', message: 'Vui lòng nhập cán bộ được phân công.' }]);
  }
  if (current?.appliedEvents.includes(event.eventId)) return [];
  if (!current || !rule.from.includes(current.state)) refuse(current, noun);
  if (event.action === 'recognise' && context.templateId === 'chi-doan-dat-chuan' && context.recognitionBlocker) {
    throw new ConflictError(`Chưa thể công nhận: ${context.recognitionBlocker}`);
  }

  const decision = {
    by: { userId: context.actor.userId, name: context.actor.name },
    at: context.now.toISOString(),
    reason: event.reason?.trim(),
    ...(event.board ? { number: event.board.number, decisionId: event.board.decisionId, date: event.board.date } : {}),
  };
  const extra: Partial<Standing> = { decision, reason: decision.reason };
  if (event.action === 'recognise') {
    const form = event.board?.commendation;
    extra.commendation = !!form;
    extra.commendationForm = form;
  }
  if (event.action === 'assign-cadre') extra.cadre = event.cadre!.trim();
  if (event.action === 'maintain') extra.maintainedIn = [...(current.maintainedIn ?? []), event.year ?? Number(calendarDate(context.now).slice(0, 4))];
  const state = rule.to === 'same' ? current.state : rule.to;
  const detail = [
    event.board && `Quyết định số ${event.board.number} ngày ${formatCalendarDate(event.board.date)}`,
    decision.reason && `lý do: ${decision.reason}`,
    extra.commendationForm && `khen thưởng: ${COMMENDATIONS[extra.commendationForm]}`,
    extra.cadre && `cán bộ: ${extra.cadre}`,
  ]
    .filter(Boolean)
    .join('; ');
  return change(unit.unitId, current, () => next(current, unit.unitId, state, event, context, extra), `${ACTION_LABELS[event.action]}${detail ? ` (${detail})` : ''}`, event.eventId);
}

/**
 * What an event changes: every affected unit's standing before and after. Refuses, with the
 * reason in Vietnamese, an event from the wrong person, out of order, or skipping a step. An event
 * already applied (its id is remembered) changes nothing, so a retried task is harmless.
 */
export function changesFor(event: ProcessEvent, unit: UnitRef, standings: ReadonlyMap<string, Standing | undefined>, context: ProcessContext): Change[] {
  if (event.type === 'submission') return submissionChanges(event, unit, standings, context);
  if (event.type === 'appraisal') return appraisalChanges(event, unit, standings.get(unit.unitId), context);
  return decisionChanges(event, unit, standings.get(unit.unitId), context);
}

function appraisalChanges(event: Extract<ProcessEvent, { type: 'appraisal' }>, unit: UnitRef, current: Standing | undefined, context: ProcessContext): Change[] {
  if (current?.appliedEvents.includes(event.eventId)) return [];
  if (!current || current.state !== 'reported') refuse(current, 'ghi kết quả thẩm định');
  const appraisal = { outcome: event.outcome, appraisalId: event.eventId, by: context.actor.name, at: context.now.toISOString() };
  const summary =
    event.outcome === 'verified'
      ? 'Tổ thẩm định: đúng như hồ sơ ở mọi tiêu chí'
      : `Tổ thẩm định: không đúng như hồ sơ ở tiêu chí ${event.failedCriteria.join(', ')}`;
  return change(unit.unitId, current, () => next(current, unit.unitId, current.state, event, context, { appraisal }), summary, event.eventId);
}

/** The units whose standings an event reads: the unit, and for a registration its named chi đoàn. */
export function unitsReadBy(event: ProcessEvent, unitId: string): string[] {
  return event.type === 'submission' && event.branchIds ? [unitId, ...event.branchIds] : [unitId];
}

/** The decisions open on a standing in this state, for whoever acts on it next. */
export function actionsFor(state: StandingState, templateId: TemplateId): DecisionAction[] {
  return DECISION_ACTIONS.filter((action) => DECIDERS[action].some((rule) => rule.model === templateId && rule.from.includes(state)));
}

/** The step of the process a decision belongs to: where its run of the state machine enters. */
export function stepOfAction(action: DecisionAction, templateId: TemplateId): string {
  if (templateId === 'doan-co-so-3-chu-dong') return action === 'assign-cadre' ? 'assign-cadre' : 'self-evaluate';
  return action === 'maintain' || action === 'revoke' ? 'maintain' : 'dossier';
}
