import { randomUUID } from 'node:crypto';
import { implementationPlanSample } from '../../domain/forms/implementation-plan.ts';

export function planSubmission(overrides: Record<string, unknown> = {}) {
  return {
    formId: 'implementation-plan',
    cycleId: 'chi-doan-dat-chuan-2027-dong-thap',
    idempotencyKey: randomUUID(),
    data: { ...implementationPlanSample, ...overrides },
  };
}
