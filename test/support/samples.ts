import { randomUUID } from 'node:crypto';
import { FORMS, type FormId } from '../../domain/forms/index.ts';
import { implementationPlanSample } from '../../domain/forms/implementation-plan.ts';

export const CYCLES = {
  'chi-doan-dat-chuan': 'chi-doan-dat-chuan-2027-dong-thap',
  'doan-co-so-3-chu-dong': 'doan-co-so-3-chu-dong-2027-dong-thap',
} as const;

/** A demo user of the kind of unit that fills each form. */
export const FILLER_OF: Record<FormId, string> = {
  'implementation-plan': 'bithu-tanphudong',
  registration: 'bithu-tanphudong',
  'self-assessment': 'bithu-apphuthuan',
  'progress-report': 'bithu-apphuthuan',
  'three-proactive-plan': 'bithu-tanphudong',
  'three-proactive-evaluation': 'bithu-tanphudong',
};

/** A submission request of a form's own sample to its model's demo cycle, with a fresh key. */
export function submissionOf<T = unknown>(formId: FormId, data: T = FORMS[formId].sample as T) {
  return { formId, cycleId: CYCLES[FORMS[formId].templateId], idempotencyKey: randomUUID(), data };
}

export function planSubmission(overrides: Record<string, unknown> = {}) {
  return submissionOf('implementation-plan', { ...implementationPlanSample, ...overrides });
}

/** Every leaf of a sample (string, number, boolean) with its dotted path. */
export function leavesOf(value: unknown, path: string[] = []): { path: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leavesOf(item, [...path, String(index)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leavesOf(child, [...path, key]));
  return [{ path: path.join('.'), value }];
}

/** A deep copy with the value at `path` replaced. */
export function withValueAt(sample: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(sample) as Record<string, unknown>;
  const parts = path.split('.');
  let node = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
  return copy;
}

/** A yearly results report as a commune secretary sends it, with a fresh key. */
export function reportRequest(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    cycleId: CYCLES['chi-doan-dat-chuan'],
    reportId: 'results-report',
    number: '12-BC/ĐTN',
    place: 'Tân Phú Đông',
    signer: { name: 'Nguyễn Thị Thu Hà', title: 'Bí thư' },
    narrative: { achievements: 'Ba ấp sinh hoạt đều đặn.', shortcomings: 'Ấp Phú Hòa thiếu người trẻ.', proposals: 'Đề nghị Thành Đoàn hỗ trợ tập huấn.' },
    ...overrides,
  };
}
