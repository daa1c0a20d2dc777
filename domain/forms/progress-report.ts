import * as z from 'zod';
import { calendarDate, countOf, MODEL_A_CRITERION_TITLES, optionalText } from './fields.ts';
import { lowerFirst } from '../text.ts';

/**
 * Model A, step 3 (Thực hiện các giải pháp): a chi đoàn tells the commune how far it is on each
 * criterion, so the commune and the city can help in time (seed 002 III.2, Bước 3: "kịp thời
 * tháo gỡ khó khăn"). A criterion marked as struggling must say what is in the way.
 */
export const PROGRESS_STATUSES = ['met', 'on-track', 'at-risk'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  met: 'Đã đạt',
  'on-track': 'Đang thực hiện, dự kiến đạt',
  'at-risk': 'Có khó khăn, cần hỗ trợ',
};

const CRITERIA = Object.keys(MODEL_A_CRITERION_TITLES) as (keyof typeof MODEL_A_CRITERION_TITLES)[];

const status = (title: string) =>
  z.enum(PROGRESS_STATUSES, { error: `Vui lòng chọn tiến độ của ${lowerFirst(title.split(':')[0]!)}.` }).meta({ title });

export const progressReportSchema = z
  .object({
    asOf: calendarDate('Số liệu tính đến ngày'),
    criteria: z
      .object(Object.fromEntries(CRITERIA.map((id) => [id, status(MODEL_A_CRITERION_TITLES[id])])) as Record<(typeof CRITERIA)[number], ReturnType<typeof status>>)
      .meta({ title: 'Tiến độ theo từng tiêu chí' }),
    meetingsHeld: countOf('Số lần sinh hoạt chi đoàn từ đầu năm', 366),
    newMembersAdmitted: countOf('Số đoàn viên mới kết nạp từ đầu năm'),
    upperLevelVisits: countOf('Số lần cán bộ Đoàn cấp trên dự sinh hoạt', 366),
    difficulties: optionalText('Khó khăn, vướng mắc', 2000),
    supportRequested: optionalText('Đề xuất hỗ trợ', 2000),
  })
  .superRefine((report, context) => {
    const struggling = CRITERIA.filter((id) => report.criteria[id] === 'at-risk');
    if (struggling.length > 0 && !report.difficulties) {
      const which = struggling.map((id) => MODEL_A_CRITERION_TITLES[id].split(':')[0]).join(', ');
      context.addIssue({ code: 'custom', path: ['difficulties'], message: `Vui lòng nêu khó khăn của ${lowerFirst(which)}.` });
    }
  });

export type ProgressReport = z.infer<typeof progressReportSchema>;

/** Difficulties and requests are asked for only once a criterion is marked as struggling. */
export function progressReportUi(report: Partial<ProgressReport> | undefined): Record<string, unknown> {
  const struggling = Object.values(report?.criteria ?? {}).includes('at-risk');
  const choice = { 'ui:widget': 'radio', 'ui:enumNames': PROGRESS_STATUSES.map((id) => PROGRESS_STATUS_LABELS[id]) };
  const longText = { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } };
  return {
    criteria: Object.fromEntries(CRITERIA.map((id) => [id, choice])),
    meetingsHeld: { 'ui:inputMode': 'numeric' },
    newMembersAdmitted: { 'ui:inputMode': 'numeric' },
    upperLevelVisits: { 'ui:inputMode': 'numeric' },
    difficulties: struggling ? longText : { 'ui:widget': 'hidden' },
    supportRequested: struggling ? longText : { 'ui:widget': 'hidden' },
  };
}

export const progressReportSample: ProgressReport = {
  asOf: '2027-06-30',
  criteria: {
    criterion1: 'met',
    criterion2: 'on-track',
    criterion3: 'met',
    criterion4: 'at-risk',
    criterion5: 'on-track',
    criterion6: 'met',
    criterion7: 'met',
  },
  meetingsHeld: 5,
  newMembersAdmitted: 2,
  upperLevelVisits: 1,
  difficulties: 'Thanh niên đi làm ăn xa nhiều, khó vận động kết nạp đủ 05 đoàn viên mới.',
  supportRequested: 'Đề nghị Đoàn xã hỗ trợ tổ chức ngày hội kết nạp đoàn viên.',
};
