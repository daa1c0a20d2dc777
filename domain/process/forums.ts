import * as z from 'zod';
import { unitIdSchema } from '../organisation.ts';
import type { Actor } from './transitions.ts';

/**
 * Seed 002, "3 chủ động", note to the steps: the Ban Thường vụ "chọn cử Đoàn cơ sở tham gia các
 * diễn đàn nhằm chia sẻ kinh nghiệm". A leader of the deciding level names the forum, its date and
 * the Đoàn cơ sở it sends; the choice is kept on the level's desk beside its tờ trình and decisions.
 */
export const forumRequestSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }),
  cycleId: z.string({ error: 'Thiếu đợt công nhận.' }).regex(/^[a-z0-9-]{3,64}$/, { error: 'Mã đợt công nhận không hợp lệ.' }),
  title: z.string({ error: 'Vui lòng nhập tên diễn đàn.' }).trim().min(5, { error: 'Vui lòng nhập tên diễn đàn.' }).max(200, { error: 'Tên diễn đàn dài tối đa 200 ký tự.' }),
  date: z.iso.date({ error: 'Ngày tổ chức không hợp lệ (ngày/tháng/năm).' }),
  place: z.string().trim().max(200, { error: 'Địa điểm dài tối đa 200 ký tự.' }).optional(),
  unitIds: z
    .array(unitIdSchema, { error: 'Vui lòng chọn Đoàn cơ sở.' })
    .min(1, { error: 'Vui lòng chọn ít nhất một Đoàn cơ sở.' })
    .max(40, { error: 'Mỗi lần cử tối đa 40 Đoàn cơ sở.' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Mỗi Đoàn cơ sở chỉ ghi một lần.' }),
});
export type ForumRequest = z.infer<typeof forumRequestSchema>;

/** The Đoàn cơ sở a Ban Thường vụ sends to one forum. */
export interface ForumChoice {
  forumId: string;
  cycleId: string;
  upperUnitId: string;
  title: string;
  /** yyyy-mm-dd. */
  date: string;
  place?: string;
  units: { unitId: string; name: string }[];
  chosenBy: Actor;
  chosenAt: string;
}
