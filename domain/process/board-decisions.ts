import * as z from 'zod';
import { unitIdSchema, type Unit } from '../organisation.ts';
import type { Actor, DecisionAction } from './transitions.ts';
import { SIGNER_TITLES } from '../reports/definitions.ts';
import { COMMENDATIONS, commendationsOf, type Commendation } from './commendations.ts';

export { COMMENDATIONS, commendationsOf, type Commendation };

/**
 * Seed 002: recognition, non-recognition, commendation and revocation are decided by the upper
 * level's Ban Thường vụ, signed "TM. BAN THƯỜNG VỤ" by the Bí thư or a Phó Bí thư. The
 * organising department (bộ phận Xây dựng Đoàn) prepares the list, a tờ trình; a leader approves
 * it, and one numbered decision covers every unit on it.
 */
export const BOARD_ACTIONS = ['recognise', 'reject', 'revoke'] as const satisfies readonly DecisionAction[];
export type BoardAction = (typeof BOARD_ACTIONS)[number];
export const isBoardAction = (action: DecisionAction): action is BoardAction => (BOARD_ACTIONS as readonly string[]).includes(action);

const COMMENDATION_IDS = Object.keys(COMMENDATIONS) as [Commendation, ...Commendation[]];

/** Who signs for the Ban Thường vụ: the same as for a report. */
export { SIGNER_TITLES };

export const proposalRequestSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }),
  cycleId: z.string({ error: 'Thiếu đợt công nhận.' }).regex(/^[a-z0-9-]{3,64}$/, { error: 'Mã đợt công nhận không hợp lệ.' }),
  action: z.enum(BOARD_ACTIONS, { error: 'Tờ trình đề nghị công nhận, không công nhận hoặc thu hồi công nhận.' }),
  units: z
    .array(z.object({ unitId: unitIdSchema, commendation: z.enum(COMMENDATION_IDS, { error: 'Hình thức khen thưởng là Giấy khen, Bằng khen hoặc Tuyên dương.' }).optional() }), {
      error: 'Vui lòng chọn đơn vị.',
    })
    .min(1, { error: 'Vui lòng chọn ít nhất một đơn vị.' })
    // Each unit's change, its decision record and the numbering fit one 100-item transaction.
    .max(45, { error: 'Một tờ trình tối đa 45 đơn vị; hãy lập thêm tờ trình.' }),
  reason: z.string().trim().max(1000, { error: 'Lý do dài tối đa 1000 ký tự.' }).optional(),
});
export type ProposalRequest = z.infer<typeof proposalRequestSchema>;

export const approvalRequestSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }),
  place: z.string({ error: 'Vui lòng nhập địa danh ghi trên quyết định.' }).trim().min(1, { error: 'Vui lòng nhập địa danh ghi trên quyết định.' }).max(60),
  signer: z.object({
    name: z.string({ error: 'Vui lòng nhập họ tên người ký.' }).trim().min(2, { error: 'Vui lòng nhập họ tên người ký.' }).max(100),
    title: z.enum(SIGNER_TITLES, { error: 'Người ký là Bí thư hoặc Phó Bí thư.' }),
  }),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

export interface ProposedUnit {
  unitId: string;
  name: string;
  /** Its commune (a chi đoàn) or nothing (a đoàn cơ sở): the decision's table groups by it. */
  parentName?: string;
  commendation?: Commendation;
}

/** A tờ trình: what the organising department proposes to the Ban Thường vụ. */
export interface Proposal {
  proposalId: string;
  cycleId: string;
  cycleTitle: string;
  /** The level whose Ban Thường vụ decides. */
  upperUnitId: string;
  action: BoardAction;
  units: ProposedUnit[];
  reason?: string;
  proposedBy: Actor;
  proposedAt: string;
  status: 'proposed' | 'approved';
  /** The decision that approved it. */
  decisionId?: string;
  number?: string;
}

/** A numbered decision of the Ban Thường vụ, kept as signed. */
export interface BoardDecision {
  decisionId: string;
  /** "12-QĐ/TĐTN": the issuer's yearly sequence and its document abbreviation. */
  number: string;
  sequence: number;
  year: number;
  /** yyyy-mm-dd, Vietnam time. */
  date: string;
  place: string;
  cycleId: string;
  cycleTitle: string;
  templateId: string;
  /** The cycle's year: what the title speaks of ("đạt chuẩn năm 2027"), whatever year it is signed. */
  cycleYear: number;
  issuer: { unitId: string; name: string; parentName?: string };
  action: BoardAction;
  units: ProposedUnit[];
  reason?: string;
  signer: ApprovalRequest['signer'];
  proposalId: string;
  proposedBy: Actor;
  approvedBy: Actor;
  approvedAt: string;
}

/**
 * The document abbreviation after "QĐ/": the Ban Thường vụ of a Tỉnh Đoàn or Thành Đoàn signs
 * "TĐTN", of a Huyện Đoàn "HĐTN", of a Đoàn cơ sở "ĐTN", the Central Committee "TWĐTN".
 */
export function issuerAbbreviation(issuer: Pick<Unit, 'kind' | 'name'>): string {
  if (issuer.kind === 'central') return 'TWĐTN';
  if (issuer.kind === 'province') return 'TĐTN';
  if (issuer.kind === 'district') return /^(Thành|Thị) Đoàn/i.test(issuer.name) ? 'TĐTN' : 'HĐTN';
  return 'ĐTN';
}

export const decisionNumber = (sequence: number, issuer: Pick<Unit, 'kind' | 'name'>) => `${sequence}-QĐ/${issuerAbbreviation(issuer)}`;

/** The decision's title, as its heading prints it. */
export function decisionTitle(action: BoardAction, templateId: string, year: number): string {
  const what = templateId === 'chi-doan-dat-chuan' ? `chi đoàn đạt chuẩn trên địa bàn dân cư năm ${year}` : `Đoàn cơ sở "3 chủ động" năm ${year}`;
  if (action === 'recognise') return `Về việc công nhận ${what}`;
  if (action === 'reject') return `Về việc không công nhận ${what}`;
  return `Về việc thu hồi quyết định công nhận ${what}`;
}

/** Why a proposal cannot be made as asked; the reason is required to refuse or revoke. */
export function proposalIssues(request: ProposalRequest, templateId: string): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const allowed = commendationsOf(templateId);
  if (request.units.some((unit) => unit.commendation && !allowed.includes(unit.commendation))) {
    issues.push({ field: 'units', message: 'Tuyên dương dành cho Đoàn cơ sở "3 chủ động"; chi đoàn đạt chuẩn được xét Giấy khen hoặc Bằng khen.' });
  }
  if (request.action !== 'recognise' && !request.reason?.trim()) issues.push({ field: 'reason', message: 'Vui lòng nêu lý do.' });
  if (request.action !== 'recognise' && request.units.some((unit) => unit.commendation)) {
    issues.push({ field: 'units', message: 'Chỉ xét khen thưởng cho đơn vị được công nhận.' });
  }
  const ids = request.units.map((unit) => unit.unitId);
  if (new Set(ids).size !== ids.length) issues.push({ field: 'units', message: 'Mỗi đơn vị chỉ ghi một lần trong tờ trình.' });
  return issues;
}
