import * as z from 'zod';
import { unitIdSchema } from '../organisation.ts';
import { MEETING_QUALITIES, type MeetingQuality } from './qualities.ts';

/**
 * A cadre's visit to a unit below them: planned ahead (unit, date, purpose, half or whole day)
 * and logged on the day from a phone (attended, what was found and supported, follow-ups,
 * photos). After a chi đoàn meeting the log is the meeting's report (seed 004: "sau dự sinh hoạt
 * thực hiện chế độ báo cáo"): its content and quality, members present, the chi đoàn's
 * difficulties, what the cadre advised.
 */
const text = (label: string, max = 2000) =>
  z
    .string({ error: `${label}: phải là văn bản.` })
    .trim()
    .max(max, { error: `${label}: tối đa ${max} ký tự.` });

export { MEETING_QUALITIES, type MeetingQuality } from './qualities.ts';

export const meetingReportSchema = z.object({
  content: text('Nội dung buổi sinh hoạt').min(1, { error: 'Nội dung buổi sinh hoạt: hãy ghi nội dung chính.' }),
  quality: z.enum(Object.keys(MEETING_QUALITIES) as [MeetingQuality, ...MeetingQuality[]], { error: 'Chất lượng buổi sinh hoạt: chọn Tốt, Khá, Trung bình hoặc Yếu.' }),
  membersPresent: z.int({ error: 'Số đoàn viên dự: phải là số nguyên.' }).min(0, { error: 'Số đoàn viên dự không thể âm.' }).max(1000, { error: 'Số đoàn viên dự quá lớn.' }),
  difficulties: text('Khó khăn của chi đoàn').default(''),
  advice: text('Ý kiến chỉ đạo, góp ý').min(1, { error: 'Ý kiến chỉ đạo, góp ý: hãy ghi điều đã góp ý cho chi đoàn.' }),
});
export type MeetingReport = z.infer<typeof meetingReportSchema>;

export const visitReportSchema = z.object({
  attended: z.boolean({ error: 'Hãy cho biết có đến dự hay không.' }),
  found: text('Tình hình nắm được').default(''),
  supported: text('Nội dung đã hỗ trợ').default(''),
  followUps: text('Việc cần theo dõi tiếp').default(''),
  /** Photos (evidence ids, as a form's `evidence` lists: checked the same way). */
  evidence: z.array(z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, { error: 'Ảnh không hợp lệ.' })).max(10, { error: 'Tối đa 10 ảnh.' }).default([]),
  meeting: meetingReportSchema.optional(),
});
export type VisitReport = z.infer<typeof visitReportSchema>;

const visitBase = {
  unitId: unitIdSchema,
  date: z.iso.date({ error: 'Ngày đi cơ sở không hợp lệ (ngày/tháng/năm).' }),
  purpose: z.string({ error: 'Chọn nội dung đi cơ sở.' }).regex(/^[a-z0-9-]{1,40}$/, { error: 'Nội dung đi cơ sở không hợp lệ.' }),
  halfDay: z.boolean({ error: 'Chọn cả ngày hay nửa ngày.' }).default(false),
};

/** POST /api/visits: a visit planned, or logged at once (made without a plan). */
export const visitRequestSchema = z.discriminatedUnion(
  'status',
  [
    z.object({ idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }), status: z.literal('planned'), ...visitBase }),
    z.object({ idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }), status: z.literal('done'), ...visitBase, report: visitReportSchema }),
  ],
  { error: 'Chọn lên kế hoạch (planned) hoặc ghi nhận chuyến đi (done).' },
);
export type VisitRequest = z.infer<typeof visitRequestSchema>;

/** PUT /api/visits/{visitId}: a planned visit logged on the day. */
export const visitLogSchema = z.object({ halfDay: z.boolean().optional(), report: visitReportSchema });
export type VisitLog = z.infer<typeof visitLogSchema>;

/** The evidence of a visit report: its photos, uploaded by the cadre under the visited unit. */
export const VISIT_REPORT_FORM_ID = 'visit-report';
export const VISIT_PHOTOS_FIELD = 'photos';
/** A cadre's photos go through routes of their own (the form routes are the units' secretaries'). */
export const VISIT_PHOTO_ROUTE = 'POST /api/visit-photos';
export const VISIT_PHOTO_CONFIRM_ROUTE = 'POST /api/visit-photos/{evidenceId}/confirm';

export interface Visit {
  visitId: string;
  programmeId: string;
  year: number;
  cadreUserId: string;
  cadreName: string;
  cadreUnitId: string;
  unitId: string;
  unitName: string;
  date: string;
  purpose: string;
  /** The purpose as the programme named it when the visit was planned. */
  purposeLabel: string;
  halfDay: boolean;
  status: 'planned' | 'done';
  report?: VisitReport;
  plannedAt: string;
  loggedAt?: string;
}

/** A visit made: logged, and the cadre went (one logged as not made counts for nothing and shows nowhere). */
export function isMade(visit: Pick<Visit, 'status' | 'report'>): boolean {
  return visit.status === 'done' && visit.report?.attended === true;
}

/** What a log must hold besides its shape: a meeting attended is reported as a meeting. */
export function reportProblems(purposeIsMeeting: boolean, report: VisitReport): { field: string; message: string }[] {
  if (purposeIsMeeting && report.attended && !report.meeting) {
    return [{ field: 'report.meeting', message: 'Đã dự sinh hoạt chi đoàn: hãy báo cáo buổi sinh hoạt (nội dung, chất lượng, số đoàn viên dự, góp ý).' }];
  }
  return [];
}
