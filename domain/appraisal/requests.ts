import * as z from 'zod';
import { unitIdSchema } from '../organisation.ts';
import { samplingRuleSchema } from './draw.ts';

/** The upper level opens intake (committing the seed) or closes it (the draw runs). */
export const drawRequestSchema = z.object({
  cycleId: z.string({ error: 'Thiếu đợt công nhận.' }).min(1).max(120),
  unitId: unitIdSchema,
  action: z.enum(['open', 'close'], { error: 'Thao tác phải là mở hoặc đóng nhận báo cáo.' }),
  rule: samplingRuleSchema.partial().optional(),
  /** Intake closes (and the draw runs) by itself the morning after this date; default: the results report's deadline. */
  closesOn: z.iso.date({ error: 'Ngày đóng nhận báo cáo không hợp lệ.' }).optional(),
});
export type DrawRequest = z.infer<typeof drawRequestSchema>;
