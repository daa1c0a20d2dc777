import * as z from 'zod';
import type { StandingState } from '../process/states.ts';
import type { Cycle } from '../recognition/cycles.ts';
import type { Unit, UnitKind } from '../organisation.ts';
import { sendsReport } from '../reports/definitions.ts';

/**
 * What a unit owes by a deadline (seed 002: the plan by 20/7 of the year before, the registration
 * by 10/02, "3 chủ động" plans and cadres by 10/10, the dossiers before the results report of
 * 01/10). An obligation is open while the unit has not done it; it lives in the "due" index under
 * its deadline date only while open, so the daily sweep reads exactly the open ones it needs.
 */
export const DUTIES = ['implementation-plan', 'registration', 'self-assessment', 'three-proactive-plan', 'assign-cadre', 'results-report', 'youth-situation-report', 'registration-summary', 'maintain', 'three-proactive-status'] as const;
export type Duty = (typeof DUTIES)[number];

export const DUTY_LABELS: Record<Duty, string> = {
  'implementation-plan': 'Gửi kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn',
  registration: 'Đăng ký các chi đoàn xây dựng đạt chuẩn',
  'self-assessment': 'Gửi hồ sơ tự đánh giá theo 7 tiêu chí',
  'three-proactive-plan': 'Gửi kế hoạch và đăng ký "3 chủ động"',
  'assign-cadre': 'Phân công cán bộ theo dõi đơn vị đăng ký "3 chủ động"',
  'results-report': 'Gửi báo cáo kết quả xây dựng Chi đoàn đạt chuẩn',
  'youth-situation-report': 'Gửi báo cáo thực trạng tình hình thanh niên',
  'registration-summary': 'Gửi tổng hợp đăng ký xây dựng Chi đoàn đạt chuẩn lên Tỉnh Đoàn',
  maintain: 'Xác nhận chi đoàn đã công nhận duy trì chuẩn, hoặc đề nghị thu hồi',
  'three-proactive-status': 'Gửi báo cáo tình hình đăng ký, triển khai "3 chủ động"',
};

/** Where each duty is done in the app, for the email's link. */
export const DUTY_PATHS: Record<Duty, (cycleId: string) => string> = {
  'implementation-plan': (cycleId) => `/forms/implementation-plan?cycle=${encodeURIComponent(cycleId)}`,
  registration: (cycleId) => `/forms/registration?cycle=${encodeURIComponent(cycleId)}`,
  'self-assessment': (cycleId) => `/forms/self-assessment?cycle=${encodeURIComponent(cycleId)}`,
  'three-proactive-plan': (cycleId) => `/forms/three-proactive-plan?cycle=${encodeURIComponent(cycleId)}`,
  'assign-cadre': (cycleId) => `/inbox?cycle=${encodeURIComponent(cycleId)}`,
  'results-report': (cycleId) => `/reports/results-report?cycle=${encodeURIComponent(cycleId)}`,
  'youth-situation-report': (cycleId) => `/reports/youth-situation-report?cycle=${encodeURIComponent(cycleId)}`,
  'registration-summary': (cycleId) => `/reports/registration-summary?cycle=${encodeURIComponent(cycleId)}`,
  maintain: (cycleId) => `/inbox?cycle=${encodeURIComponent(cycleId)}`,
  'three-proactive-status': (cycleId) => `/reports/three-proactive-status?cycle=${encodeURIComponent(cycleId)}`,
};

export const reminderRuleSchema = z.object({
  /** Days before a deadline the unit is reminded (default 7 and 1). */
  daysBefore: z.array(z.int().min(1, { error: 'Số ngày nhắc trước phải từ 1.' }).max(60)).max(5),
  /** Days after the deadline (past the day-after notice) before escalating one more level up. */
  graceDays: z.int({ error: 'Số ngày gia hạn phải là số nguyên.' }).min(1).max(60),
});
export type ReminderRule = z.infer<typeof reminderRuleSchema>;

export const DEFAULT_REMINDERS: ReminderRule = { daysBefore: [7, 1], graceDays: 7 };

export function remindersOf(cycle: Pick<Cycle, 'reminders'>): ReminderRule {
  return cycle.reminders ?? DEFAULT_REMINDERS;
}

/** An open obligation as the due index holds it. */
export interface Due {
  cycleId: string;
  duty: Duty;
  /** yyyy-mm-dd: due by the end of that day, Vietnam time. */
  deadline: string;
  /** Who must act: the unit itself, or (a cadre to assign) its upper level. */
  ownerUnitId: string;
  ownerAncestors: string[];
  /** The unit the duty is about, and its name for the emails. */
  subjectUnitId: string;
  subjectName: string;
}

const stepDeadline = (cycle: Pick<Cycle, 'steps'>, stepId: string) => cycle.steps.find((step) => step.id === stepId)?.deadline;
const reportDeadline = (cycle: Pick<Cycle, 'reports'>, reportId: string) => cycle.reports.find((report) => report.id === reportId)?.deadline;

/**
 * The duty a unit's standing owes next, if it has a deadline: a commune that sent its plan owes its
 * registration; a registered chi đoàn (or one sent back) owes its dossier in time for the results
 * report; a "3 chủ động" unit waiting for its cadre makes the upper level owe one; a recognised chi
 * đoàn makes its commune owe the yearly confirmation that it keeps the standard (step 5), until the
 * commune confirms it in or after the deadline's year (or the upper level revokes it).
 */
export function standingDuty(state: StandingState, cycle: Pick<Cycle, 'steps' | 'reports'>, maintainedIn: number[] = []): { duty: Duty; deadline: string; ownerLevelsUp: 0 | 1 } | undefined {
  const owed = (duty: Duty, deadline: string | undefined, ownerLevelsUp: 0 | 1 = 0) => (deadline ? { duty, deadline, ownerLevelsUp } : undefined);
  switch (state) {
    case 'recognised': {
      const deadline = stepDeadline(cycle, 'maintain');
      const confirmed = !!deadline && maintainedIn.some((year) => year >= Number(deadline.slice(0, 4)));
      return confirmed ? undefined : owed('maintain', deadline, 1);
    }
    case 'plan-submitted':
      return owed('registration', stepDeadline(cycle, 'register'));
    case 'registered':
    case 'criteria-failed':
    case 'returned':
      return owed('self-assessment', reportDeadline(cycle, 'results-report'));
    case 'planned':
      return owed('assign-cadre', stepDeadline(cycle, 'assign-cadre'), 1);
    default:
      return undefined;
  }
}

/** What a unit owes before it has done anything in the cycle: its plan, if its kind sends one. */
export function openingDuty(cycle: Pick<Cycle, 'templateId' | 'steps'>, kind: UnitKind): { duty: Duty; deadline: string } | undefined {
  if (cycle.templateId === 'chi-doan-dat-chuan' && kind === 'commune') {
    const deadline = stepDeadline(cycle, 'deploy');
    return deadline ? { duty: 'implementation-plan', deadline } : undefined;
  }
  if (cycle.templateId === 'doan-co-so-3-chu-dong' && (kind === 'commune' || kind === 'grassroots')) {
    const deadline = stepDeadline(cycle, 'plan-register');
    return deadline ? { duty: 'three-proactive-plan', deadline } : undefined;
  }
  return undefined;
}

/**
 * The reports a unit owes its upper level, by each one's deadline in the cycle: the yearly ones
 * from every unit above the chi đoàn, the registration list from the cities and districts
 * ("3 chủ động" has none of its own).
 */
export function reportDuties(cycle: Pick<Cycle, 'reports'>, unit: Pick<Unit, 'kind' | 'parentId'>): { duty: Duty; deadline: string }[] {
  if (!unit.parentId) return [];
  return cycle.reports.flatMap((report) =>
    (DUTIES as readonly string[]).includes(report.id) && report.deadline && sendsReport(report.id, unit.kind) ? [{ duty: report.id as Duty, deadline: report.deadline }] : [],
  );
}
