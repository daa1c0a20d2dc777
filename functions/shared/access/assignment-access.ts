import { ForbiddenError } from '../../../domain/errors.ts';
import type { Identity } from '../../../domain/identity.ts';
import type { Assignment } from '../../../domain/appraisal/records.ts';
import { getAssignment } from '../store/appraisals.ts';

/** An appraiser sees a chi đoàn only through their own assignment to it. */
export async function requireOwnAssignment(identity: Identity, cycleId: string, unitId: string): Promise<Assignment> {
  const assignment = await getAssignment(cycleId, unitId);
  if (!assignment || assignment.appraiserId !== identity.userId) throw new ForbiddenError('Chi đoàn này không có trong danh sách được phân công thẩm định của bạn.');
  return assignment;
}
