import { randomUUID } from 'node:crypto';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { MODEL_A_CRITERIA } from '../../domain/recognition/criteria.ts';
import type { TestStack } from './local-stack.ts';
import { CYCLES } from './samples.ts';

export const MODEL_A = CYCLES['chi-doan-dat-chuan'];
export const MODEL_B = CYCLES['doan-co-so-3-chu-dong'];

export interface StandingBody {
  standing?: { state: string; stateLabel: string; criteria?: { number: number; pass: boolean; reason: string }[]; reason?: string; commendation?: boolean; actions: string[]; version: number; dossierSubmissionId?: string };
  history: { seq: number; summary: string; by: string; to: string }[];
  chain: { valid: boolean; entries: number; broken?: { seq: number; reason: string } };
}

/** Adds chi đoàn secretaries through the import API, as a province admin would. */
export async function addSecretaries(local: TestStack, users: { userId: string; name: string; unitId: string }[]): Promise<void> {
  const admin = await local.signIn('quantri-dongthap');
  const csv = ['Tên đăng nhập,Họ và tên,Email,Vai trò,Mã đơn vị', ...users.map((user) => `${user.userId},${user.name},${user.userId}@sadec.doan.example,Bí thư cơ sở,${user.unitId}`)].join('\n');
  const answer = await local.api('POST', '/api/imports', admin, { idempotencyKey: randomUUID(), fileName: 'bi-thu.csv', content: Buffer.from(csv).toString('base64') });
  if (answer.status !== 201) throw new Error(`import failed: ${JSON.stringify(answer.body)}`);
  // Their sign-in accounts are made by the import's workflow.
  await local.stack.engine.idle();
}

/** The process as the people in it drive it, each step waiting for its workflow to finish. */
export class Process {
  constructor(private readonly local: TestStack) {}

  async assess(userId: string, change: Record<string, unknown> = {}, cycleId: string = MODEL_A) {
    const data = { ...selfAssessmentSample, ...change };
    const answer = await this.local.api('POST', '/api/submissions', await this.local.signIn(userId), { formId: 'self-assessment', cycleId, idempotencyKey: randomUUID(), data });
    await this.local.stack.engine.idle();
    return answer;
  }

  async submit(userId: string, formId: string, data: unknown, cycleId: string) {
    const answer = await this.local.api('POST', '/api/submissions', await this.local.signIn(userId), { formId, cycleId, idempotencyKey: randomUUID(), data });
    await this.local.stack.engine.idle();
    return answer;
  }

  async decide(userId: string, unitIds: string[], action: string, extra: Record<string, unknown> = {}, idempotencyKey: string = randomUUID()) {
    const body = { idempotencyKey, cycleId: MODEL_A, unitIds, action, ...extra };
    const answer = await this.local.api<{ decisions: { decisionId: string }[]; message?: string }>('POST', '/api/decisions', await this.local.signIn(userId), body);
    await this.local.stack.engine.idle();
    return answer;
  }

  /**
   * The Ban Thường vụ decides: the city's organising department proposes (tờ trình), its Bí thư
   * approves and signs; the decision's workflows run. Returns both answers.
   */
  async board(action: 'recognise' | 'reject' | 'revoke', units: (string | { unitId: string; commendation?: string })[], extra: { reason?: string; cycleId?: string } = {}) {
    const proposal = await this.local.api<{ proposalId: string; message?: string }>('POST', '/api/proposals', await this.local.signIn(CITY_ORGANISER), {
      idempotencyKey: randomUUID(),
      cycleId: extra.cycleId ?? MODEL_A,
      action,
      units: units.map((unit) => (typeof unit === 'string' ? { unitId: unit } : unit)),
      reason: extra.reason,
    });
    if (proposal.status !== 201) return { proposal, decision: undefined };
    const decision = await this.local.api<{ decisionId: string; number: string; message?: string }>('POST', `/api/proposals/${proposal.body.proposalId}/approve`, await this.local.signIn(CITY_LEADER), {
      idempotencyKey: randomUUID(),
      place: 'Sa Đéc',
      signer: { name: 'Võ Thanh Tùng', title: 'Bí thư' },
    });
    await this.local.stack.engine.idle();
    return { proposal, decision };
  }

  async standing(unitId: string, cycleId: string = MODEL_A, asUser = 'xaydungdoan-sadec') {
    return (await this.local.api<StandingBody>('GET', `/api/standings/${cycleId}/${unitId}`, await this.local.signIn(asUser))).body;
  }

  async state(unitId: string, cycleId: string = MODEL_A) {
    return (await this.standing(unitId, cycleId)).standing?.state;
  }
}

export const CITY_ORGANISER = 'xaydungdoan-sadec';
export const CITY_LEADER = 'bithu-sadec';
export const APPRAISER = 'thamdinh-sadec';

export interface AssignmentBody {
  unitId: string;
  unitName: string;
  communeId: string;
  appraiserId: string;
  round: number;
  status: string;
  outcome?: string;
  dueDate: string;
}

/** The appraisal round as the city and its team drive it, each step waiting for its workflow. */
export class Appraisal {
  constructor(private readonly local: TestStack) {}

  async intake(action: 'open' | 'close', rule?: Record<string, unknown>) {
    const answer = await this.local.api<Record<string, unknown>>('POST', '/api/draws', await this.local.signIn(CITY_ORGANISER), { cycleId: MODEL_A, unitId: 'sadec', action, rule });
    await this.local.stack.engine.idle();
    return answer;
  }

  async draw(asUser = CITY_ORGANISER) {
    return this.local.api<DrawBody>('GET', `/api/draws/${MODEL_A}/sadec`, await this.local.signIn(asUser));
  }

  async assignments(userId = APPRAISER) {
    return (await this.local.api<{ assignments: AssignmentBody[] }>('GET', `/api/assignments?cycle=${MODEL_A}`, await this.local.signIn(userId))).body.assignments;
  }

  /** Every criterion as found (`failing` lists the criterion numbers found not as the dossier said). */
  async appraise(unitId: string, failing: number[] = [], userId = APPRAISER) {
    const findings = MODEL_A_CRITERIA.map((criterion) =>
      failing.includes(criterion.number) ? { criterionId: criterion.id, finding: 'not-verified', notes: 'Không có sổ sách chứng minh.' } : { criterionId: criterion.id, finding: 'verified' },
    );
    const data = { visitDate: '2027-06-12', findings, minutes: [] };
    const answer = await this.local.api<Record<string, unknown>>('POST', '/api/appraisals', await this.local.signIn(userId), { idempotencyKey: randomUUID(), cycleId: MODEL_A, unitId, data });
    await this.local.stack.engine.idle();
    return answer;
  }
}

export interface DrawBody {
  draw?: { status: string; commitment: string; seed?: string; reportedCount?: number; sampledCount?: number };
  communes: { communeId: string; communeName: string; reported: string[]; sampled: string[]; widened: string[]; results: Record<string, string> }[];
  verification?: { commitmentMatches: boolean; mismatches: string[] };
}

/** Tân Phú Đông's three registered ấp (the demo registers them). */
export const TAN_PHU_DONG_BRANCHES = ['sadec-tan-phu-dong-ap-phu-hoa', 'sadec-tan-phu-dong-ap-phu-long', 'sadec-tan-phu-dong-ap-phu-thuan'];

/** The three ấp of Tân Phú Đông assessed (all seven met), confirmed and reported to the city by their commune. */
export async function reportTanPhuDong(local: TestStack, flow: Process): Promise<void> {
  await addSecretaries(local, [
    { userId: 'bithu-apphulong', name: 'Võ Thị Mai', unitId: TAN_PHU_DONG_BRANCHES[1]! },
    { userId: 'bithu-apphuhoa', name: 'Đặng Văn Tài', unitId: TAN_PHU_DONG_BRANCHES[0]! },
  ]);
  for (const userId of ['bithu-apphuthuan', 'bithu-apphulong', 'bithu-apphuhoa']) await flow.assess(userId);
  await flow.decide('bithu-tanphudong', TAN_PHU_DONG_BRANCHES, 'confirm');
  await flow.decide('bithu-tanphudong', TAN_PHU_DONG_BRANCHES, 'report');
}
