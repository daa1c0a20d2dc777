import * as z from 'zod';
import { calendarDate, planNumber } from './fields.ts';

/**
 * Model A, step 1 (Triển khai): the commune union turns the upper level's plan into its own
 * implementation plan (seed 002, III.2, Bước 1).
 */
const branchCountError = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'Vui lòng nhập số chi đoàn.' : 'Số chi đoàn phải là số nguyên.';

export const implementationPlanSchema = z
  .object({
    planNumber: planNumber(),
    issuedOn: calendarDate('Ngày ban hành'),
    residentialBranchCount: z
      .int({ error: branchCountError })
      .min(1, { error: 'Đơn vị phải có ít nhất 1 chi đoàn trên địa bàn dân cư.' })
      .max(1000, { error: 'Số chi đoàn tối đa là 1000.' })
      .meta({ title: 'Số chi đoàn trên địa bàn dân cư' }),
    targetBranchCount: z
      .int({ error: branchCountError })
      .min(0, { error: 'Số chi đoàn không thể âm.' })
      .max(1000, { error: 'Số chi đoàn tối đa là 1000.' })
      .meta({ title: 'Số chi đoàn phấn đấu đạt chuẩn trong năm' }),
    summary: z
      .string({ error: 'Vui lòng nêu nội dung, giải pháp chính của kế hoạch.' })
      .trim()
      .min(20, { error: 'Nội dung kế hoạch cần ít nhất 20 ký tự.' })
      .max(4000, { error: 'Nội dung kế hoạch dài tối đa 4000 ký tự.' })
      .meta({ title: 'Nội dung, giải pháp chính' }),
  })
  .refine((plan) => plan.targetBranchCount <= plan.residentialBranchCount, {
    path: ['targetBranchCount'],
    error: 'Số chi đoàn phấn đấu đạt chuẩn không thể lớn hơn tổng số chi đoàn.',
  });

export type ImplementationPlan = z.infer<typeof implementationPlanSchema>;

export const implementationPlanUi = {
  summary: { 'ui:widget': 'textarea', 'ui:options': { rows: 5 } },
  residentialBranchCount: { 'ui:inputMode': 'numeric' },
  targetBranchCount: { 'ui:inputMode': 'numeric' },
};

export const implementationPlanSample: ImplementationPlan = {
  planNumber: '12-KH/ĐTN',
  issuedOn: '2027-07-15',
  residentialBranchCount: 8,
  targetBranchCount: 6,
  summary: 'Rà soát 8 chi đoàn ấp, phân công cán bộ phụ trách từng chi đoàn, tổ chức sinh hoạt định kỳ hằng tháng.',
};
