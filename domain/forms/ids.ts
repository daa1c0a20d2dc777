/**
 * The forms' ids alone, without their schemas: the web app's first screen routes on them without
 * loading zod and every form (domain/forms/index.ts has the forms; a test keeps the two equal).
 */
export const FORM_IDS = ['implementation-plan', 'registration', 'progress-report', 'self-assessment', 'three-proactive-plan', 'three-proactive-evaluation'] as const;
export type FormIdName = (typeof FORM_IDS)[number];
export const isFormId = (id: string): id is FormIdName => (FORM_IDS as readonly string[]).includes(id);
