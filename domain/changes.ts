import { ConflictError } from './errors.ts';
import { formatCalendarDate } from './dates.ts';
import type { FormDefinition } from './forms/index.ts';
import { deadlinePassesAt, type Cycle } from './recognition/cycles.ts';
import { CHANGEABLE_STATUSES, SUBMISSION_STATUS_LABELS, type Submission } from './submission.ts';

/**
 * A submission can be withdrawn or amended while it is current and its step's deadline has not
 * passed (end of the deadline day, Vietnam time). A step without a deadline stays open.
 */
export function changeRefusal(submission: Pick<Submission, 'status'>, form: FormDefinition, cycle: Pick<Cycle, 'steps'>, now: Date): string | undefined {
  if (!CHANGEABLE_STATUSES.includes(submission.status)) {
    return `Hồ sơ ${SUBMISSION_STATUS_LABELS[submission.status].toLocaleLowerCase('vi')}, không thể rút hoặc sửa.`;
  }
  const deadline = cycle.steps.find((step) => step.id === form.step)?.deadline;
  if (deadline && now >= deadlinePassesAt(deadline)) {
    return `Đã quá hạn ${formatCalendarDate(deadline)}: không thể rút hoặc sửa hồ sơ.`;
  }
  return undefined;
}

export function requireChangeable(...args: Parameters<typeof changeRefusal>): void {
  const refusal = changeRefusal(...args);
  if (refusal) throw new ConflictError(refusal);
}
