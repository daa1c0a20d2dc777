import * as z from 'zod';
import { unitIdSchema } from '../organisation.ts';

/**
 * The "1+2" practice (seed 004: Hướng dẫn 03-HD/TWĐTN-BTC, Kế hoạch 53-KH/TĐTN-TC-KT of Tỉnh Đoàn
 * Trà Vinh): every full-time committee member goes to the grassroots at least 60 days a year, above
 * all to attend chi đoàn meetings of ấp and khóm, and reports after each meeting. A yearly programme
 * per province holds the target, the pace and the purposes as data, as a recognition cycle holds
 * its deadlines; a province without one follows the guidance's defaults.
 */
export interface VisitPurpose {
  id: string;
  label: string;
  /** A chi đoàn meeting attended: the visit's report describes the meeting (criterion 5's evidence). */
  meeting?: boolean;
}

export interface VisitProgramme {
  /** visits-<year>-<province unit id> */
  programmeId: string;
  year: number;
  /** The province (or the central level) whose cadres it counts. */
  scopeUnitId: string;
  title: string;
  /** Days at the grassroots a year. */
  targetDays: number;
  /** Days expected by the end of each month: the pace the digest reminds a cadre behind of. */
  monthlyPaceDays: number;
  /** What a visit of half a day counts. */
  halfDayCredit: number;
  purposes: VisitPurpose[];
}

export const MEETING_PURPOSE = 'sinh-hoat-chi-doan';

export const DEFAULT_PURPOSES: VisitPurpose[] = [
  { id: MEETING_PURPOSE, label: 'Dự sinh hoạt chi đoàn', meeting: true },
  { id: 'kiem-tra-giam-sat', label: 'Kiểm tra, giám sát' },
  { id: 'ho-tro-dat-chuan', label: 'Hỗ trợ xây dựng chi đoàn đạt chuẩn' },
  { id: 'chien-dich-phong-trao', label: 'Chiến dịch, phong trào' },
  { id: 'khac', label: 'Khác' },
];

export const programmeIdOf = (year: number, scopeUnitId: string) => `visits-${year}-${scopeUnitId}`;

/** The guidance's programme for a province that has not set its own: 60 days, 5 a month. */
export function defaultProgramme(year: number, scopeUnitId: string, scopeName: string): VisitProgramme {
  return {
    programmeId: programmeIdOf(year, scopeUnitId),
    year,
    scopeUnitId,
    title: `Đi công tác cơ sở "1+2" năm ${year} — ${scopeName}`,
    targetDays: 60,
    monthlyPaceDays: 5,
    halfDayCredit: 0.5,
    purposes: DEFAULT_PURPOSES,
  };
}

export function purposeLabel(programme: Pick<VisitProgramme, 'purposes'>, purposeId: string): string {
  return programme.purposes.find((purpose) => purpose.id === purposeId)?.label ?? purposeId;
}

/** POST /api/visit-programmes: a province adopts its year's programme (the guidance's values unless set). */
export const programmeRequestSchema = z.object({
  year: z.int({ error: 'Năm không hợp lệ.' }).min(2018, { error: 'Năm không hợp lệ.' }).max(2100, { error: 'Năm không hợp lệ.' }),
  scopeUnitId: unitIdSchema,
  targetDays: z.int({ error: 'Số ngày chỉ tiêu phải là số nguyên.' }).min(1, { error: 'Số ngày chỉ tiêu ít nhất là 1.' }).max(366, { error: 'Số ngày chỉ tiêu tối đa 366.' }).default(60),
  monthlyPaceDays: z.number({ error: 'Số ngày mỗi tháng phải là số.' }).min(0.5, { error: 'Số ngày mỗi tháng ít nhất 0,5.' }).max(31, { error: 'Số ngày mỗi tháng tối đa 31.' }).default(5),
  halfDayCredit: z.number({ error: 'Giá trị nửa ngày phải là số.' }).min(0.25, { error: 'Nửa ngày tính ít nhất 0,25.' }).max(1, { error: 'Nửa ngày tính tối đa 1.' }).default(0.5),
  purposes: z
    .array(
      z.object({
        id: z.string({ error: 'Mã nội dung không hợp lệ.' }).regex(/^[a-z0-9-]{1,40}$/, { error: 'Mã nội dung chỉ gồm chữ thường không dấu, số, gạch ngang.' }),
        label: z.string({ error: 'Tên nội dung không hợp lệ.' }).trim().min(2, { error: 'Tên nội dung quá ngắn.' }).max(80, { error: 'Tên nội dung tối đa 80 ký tự.' }),
        meeting: z.boolean({ error: 'Đánh dấu sinh hoạt chi đoàn phải là đúng/sai.' }).optional(),
      }),
      { error: 'Danh sách nội dung đi cơ sở không hợp lệ.' },
    )
    .min(1, { error: 'Cần ít nhất một nội dung đi cơ sở.' })
    .max(20, { error: 'Tối đa 20 nội dung.' })
    .default(DEFAULT_PURPOSES),
});
export type ProgrammeRequest = z.infer<typeof programmeRequestSchema>;

export function programmeFrom(request: ProgrammeRequest, scopeName: string): VisitProgramme {
  return { ...defaultProgramme(request.year, request.scopeUnitId, scopeName), targetDays: request.targetDays, monthlyPaceDays: request.monthlyPaceDays, halfDayCredit: request.halfDayCredit, purposes: request.purposes };
}
