import * as z from 'zod';
import { unitIdSchema } from '../organisation.ts';
import type { Actor } from './transitions.ts';
import { DECISION_ACTIONS, type BoardReference, type DecisionAction } from './transitions.ts';

/** A person's decision on one or more units (a commune reports its whole confirmed list at once). */
export const decisionRequestSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }),
  cycleId: z.string({ error: 'Thiếu đợt công nhận.' }).regex(/^[a-z0-9-]{3,64}$/, { error: 'Mã đợt công nhận không hợp lệ.' }),
  unitIds: z
    .array(unitIdSchema, { error: 'Vui lòng chọn đơn vị.' })
    .min(1, { error: 'Vui lòng chọn ít nhất một đơn vị.' })
    .max(50, { error: 'Tối đa 50 đơn vị mỗi lần.' }),
  action: z.enum(DECISION_ACTIONS, { error: 'Thao tác không hợp lệ.' }),
  reason: z.string().trim().max(1000, { error: 'Lý do dài tối đa 1000 ký tự.' }).optional(),
  commendation: z.boolean().optional(),
  cadre: z.string().trim().max(200, { error: 'Tên cán bộ dài tối đa 200 ký tự.' }).optional(),
  year: z.int().min(2018).max(2100).optional(),
});
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;

export interface DecisionRecord {
  decisionId: string;
  cycleId: string;
  unitId: string;
  action: DecisionAction;
  reason?: string;
  commendation?: boolean;
  cadre?: string;
  year?: number;
  /** The Ban Thường vụ's numbered decision this carries out (recognise, reject, revoke). */
  board?: BoardReference;
  decidedBy: Actor;
  decidedAt: string;
  status: 'pending' | 'applied' | 'refused';
  refusal?: string;
  noticeIds?: string[];
}
