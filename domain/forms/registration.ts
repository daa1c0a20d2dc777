import * as z from 'zod';
import type { FieldIssue } from '../errors.ts';
import { unitIdSchema, type Unit } from '../organisation.ts';
import { calendarDate } from './fields.ts';

/**
 * Model A, step 2 (Đăng ký): the commune lists the chi đoàn that aim for the standard this year.
 * The choices are the commune's own residential chi đoàn, known only at run time, so the form
 * is completed with them (web) and checked against them (server).
 */
export const registrationSchema = z.object({
  branchIds: z
    .array(unitIdSchema, { error: 'Vui lòng chọn các chi đoàn đăng ký.' })
    .min(1, { error: 'Chọn ít nhất 1 chi đoàn đăng ký.' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Mỗi chi đoàn chỉ đăng ký một lần.' })
    .meta({ title: 'Chi đoàn đăng ký xây dựng đạt chuẩn' }),
  // Seed 002, IV.2: the commune registers its list with the Party committee of its level too.
  partyCommitteeRegisteredOn: calendarDate('Ngày đăng ký với cấp ủy Đảng cùng cấp')
    .optional()
    .meta({ title: 'Ngày đăng ký với cấp ủy Đảng cùng cấp', description: 'Kế hoạch yêu cầu đăng ký với Đảng ủy xã, phường (cấp ủy cùng cấp); để trống nếu chưa đăng ký.' }),
  note: z.string().trim().max(1000, { error: 'Ghi chú dài tối đa 1000 ký tự.' }).optional().meta({ title: 'Ghi chú (nếu có)' }),
});
export type Registration = z.infer<typeof registrationSchema>;

export const registrationSample: Registration = { branchIds: ['sadec-tan-phu-dong-ap-phu-thuan'], partyCommitteeRegisteredOn: '2027-01-20' };

/** The units a commune may register: its residential chi đoàn. */
export function registrableBranches(children: Unit[]): Unit[] {
  return children.filter((unit) => unit.kind === 'branch' && unit.residential);
}

export function checkRegistration(registration: Registration, children: Unit[]): FieldIssue[] {
  const allowed = new Set(registrableBranches(children).map((unit) => unit.unitId));
  return registration.branchIds
    .map((id, index) => ({ id, index }))
    .filter(({ id }) => !allowed.has(id))
    .map(({ id, index }) => ({ field: `data.branchIds.${index}`, message: `"${id}" không phải chi đoàn trên địa bàn dân cư của đơn vị.` }));
}

export interface RegistrationShare {
  registered: number;
  total: number;
  share: number;
  target: number;
  meetsTarget: boolean;
  /** "Đã đăng ký 4/5 chi đoàn (80%) — chỉ tiêu ít nhất 90%: còn thiếu 1 chi đoàn." */
  summary: string;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`.replace('.', ',');

export function registrationShare(registered: number, total: number, target: number): RegistrationShare {
  const share = total === 0 ? 0 : registered / total;
  const needed = Math.max(0, Math.ceil(target * total - 1e-9) - registered);
  const meetsTarget = total > 0 && needed === 0;
  const head = `Đã đăng ký ${registered}/${total} chi đoàn (${percent(share)}) — chỉ tiêu ít nhất ${percent(target)}`;
  const tail = meetsTarget ? ': đạt chỉ tiêu.' : `: còn thiếu ${needed} chi đoàn.`;
  return { registered, total, share, target, meetsTarget, summary: head + tail };
}
