import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealEntry, verifyChain, type AuditEntry } from '../../domain/process/audit.ts';
import type { Standing, StandingState } from '../../domain/process/states.ts';
import { actionsFor, changesFor, type Actor, type ProcessEvent } from '../../domain/process/transitions.ts';

const branch = { unitId: 'ap-a', name: 'Chi đoàn ấp A', ancestors: ['tinh', 'thanh-pho', 'xa'] };
const communeSecretary: Actor = { userId: 'bt-xa', name: 'Bí thư xã', roles: ['secretary'], unitId: 'xa' };
const cityOrganiser: Actor = { userId: 'xd-tp', name: 'Cán bộ thành phố', roles: ['organiser'], unitId: 'thanh-pho' };
const cityLeader: Actor = { userId: 'bt-tp', name: 'Bí thư thành phố', roles: ['leader'], unitId: 'thanh-pho' };
const board = { decisionId: 'qd-12', number: '12-QĐ/TĐTN', date: '2027-06-05' };
const context = (actor: Actor) => ({ templateId: 'chi-doan-dat-chuan' as const, cycleId: 'c', now: new Date('2027-05-01T00:00:00Z'), actor });
const standing = (state: StandingState): Standing => ({ cycleId: 'c', unitId: 'ap-a', templateId: 'chi-doan-dat-chuan', state, version: 3, updatedAt: '', appliedEvents: ['e1'] });
const decision = (action: string, extra: object = {}): ProcessEvent => ({ type: 'decision', eventId: `d-${action}`, action: action as never, ...extra });
const apply = (state: StandingState | undefined, event: ProcessEvent, actor: Actor) =>
  changesFor(event, branch, new Map([['ap-a', state && standing(state)]]), context(actor));

describe('the Model A transitions', () => {
  it.each([
    ['awaiting-confirmation', 'confirm', communeSecretary, 'confirmed'],
    ['confirmed', 'return', communeSecretary, 'returned'],
    ['confirmed', 'report', communeSecretary, 'reported'],
    ['reported', 'recognise', cityLeader, 'recognised'],
    ['reported', 'reject', cityLeader, 'not-recognised'],
    ['recognised', 'maintain', communeSecretary, 'recognised'],
    ['recognised', 'revoke', cityLeader, 'revoked'],
  ] as const)('%s --%s--> %s', (from, action, actor, to) => {
    // Act
    const [change] = apply(from, decision(action, { reason: 'lý do', board }), actor);

    // Assess
    expect(change?.after).toMatchObject({ state: to, version: 4 });
    expect(change?.after.appliedEvents).toEqual(['e1', `d-${action}`]);
  });

  it.each([
    ['registered', 'confirm', communeSecretary, 'Không thể xác nhận hồ sơ: hồ sơ đang ở trạng thái "Đã được đăng ký xây dựng đạt chuẩn".'],
    ['awaiting-confirmation', 'report', communeSecretary, 'Không thể báo cáo cấp trên: hồ sơ đang ở trạng thái "Chờ Đoàn cấp xã xác nhận".'],
    ['confirmed', 'recognise', cityLeader, 'Không thể công nhận: hồ sơ đang ở trạng thái "Đoàn cấp xã đã xác nhận".'],
    ['not-recognised', 'revoke', cityLeader, 'Không thể thu hồi công nhận: hồ sơ đang ở trạng thái "Không công nhận".'],
    ['confirmed', 'reject', cityLeader, 'Không thể quyết định không công nhận: hồ sơ đang ở trạng thái "Đoàn cấp xã đã xác nhận".'],
  ] as const)('refuses %s --%s-->, saying where it stands', (from, action, actor, message) => {
    expect(() => apply(from, decision(action, { reason: 'lý do', board }), actor)).toThrow(message);
  });

  it('leaves recognition, refusal and revocation to the Ban Thường vụ: never an organiser, never without a numbered decision', () => {
    // Act
    const byOrganiser = () => apply('reported', decision('recognise', { board }), cityOrganiser);
    const unnumbered = () => apply('reported', decision('reject', { reason: 'lý do' }), cityLeader);
    const [signed] = apply('reported', decision('recognise', { board: { ...board, commendation: 'bang-khen' } }), cityLeader);

    // Assess
    expect(byOrganiser).toThrow('Việc công nhận do Ban Thường vụ quyết định: bộ phận Xây dựng Đoàn lập tờ trình, đồng chí Bí thư hoặc Phó Bí thư duyệt và ký quyết định.');
    expect(unnumbered).toThrow('Việc quyết định không công nhận do Ban Thường vụ quyết định');
    expect(signed?.after).toMatchObject({ state: 'recognised', commendation: true, commendationForm: 'bang-khen', decision: { number: '12-QĐ/TĐTN', date: '2027-06-05' } });
    expect(signed?.summary).toBe('Công nhận (Quyết định số 12-QĐ/TĐTN ngày 05/06/2027; khen thưởng: Bằng khen)');
  });

  it('never says "không thể không": a refusal is built from the action as a noun phrase', () => {
    expect(() => apply('reported', decision('reject', { reason: 'lý do', board }), communeSecretary)).toThrow('Chỉ cấp trên của Đoàn cấp xã mới được quyết định không công nhận.');
    expect(() => apply('registered', decision('reject', { reason: 'lý do', board }), cityLeader)).toThrow(/^Không thể quyết định không công nhận: /);
  });

  it('lets only the right level decide: the commune confirms, the level above it recognises', () => {
    expect(() => apply('awaiting-confirmation', decision('confirm'), cityOrganiser)).toThrow('Chỉ cấp trên trực tiếp mới được xác nhận hồ sơ.');
    expect(() => apply('reported', decision('recognise', { board }), communeSecretary)).toThrow('Chỉ cấp trên của Đoàn cấp xã mới được công nhận.');
    expect(() => apply('awaiting-confirmation', decision('return'), communeSecretary)).toThrow('Vui lòng nêu lý do trả lại hồ sơ.');
  });

  it('changes nothing for an event already applied', () => {
    expect(apply('awaiting-confirmation', { ...decision('confirm'), eventId: 'e1' }, communeSecretary)).toEqual([]);
  });

  it('sends a dossier to the commune only when every criterion passes', () => {
    // Prepare
    const pass = { criterionId: 'x', number: 1, pass: true, reason: 'Tiêu chí 1: đạt' };
    const fail = { criterionId: 'y', number: 5, pass: false, reason: 'Tiêu chí 5: mới sinh hoạt 7/8 lần' };
    const dossier = (criteria: (typeof pass)[]): ProcessEvent => ({ type: 'submission', eventId: `s${criteria.length}`, formId: 'self-assessment', submissionId: 's', criteria });

    // Act
    const passed = apply('registered', dossier([pass, pass]), communeSecretary)[0];
    const failed = apply('registered', dossier([pass, fail, pass]), communeSecretary)[0];

    // Assess
    expect(passed?.after.state).toBe('awaiting-confirmation');
    expect(failed?.after.state).toBe('criteria-failed');
    expect(failed?.summary).toBe('Gửi hồ sơ tự đánh giá: Tiêu chí 5: mới sinh hoạt 7/8 lần');
  });

  it('offers each state the decisions that can follow it', () => {
    expect(actionsFor('awaiting-confirmation', 'chi-doan-dat-chuan')).toEqual(['confirm', 'return']);
    expect(actionsFor('recognised', 'chi-doan-dat-chuan')).toEqual(['maintain', 'revoke']);
    expect(actionsFor('evaluated', 'doan-co-so-3-chu-dong')).toEqual(['recognise', 'reject']);
    expect(actionsFor('criteria-failed', 'chi-doan-dat-chuan')).toEqual([]);
  });
});

describe('the audit chain', () => {
  const chain = (summaries: string[]): AuditEntry[] => {
    const entries: AuditEntry[] = [];
    summaries.forEach((summary, index) => {
      entries.push(
        sealEntry({
          unitId: 'ap-a',
          seq: index + 1,
          eventId: `e${index}`,
          cycleId: 'c',
          at: '2027-05-01T00:00:00.000Z',
          actor: { userId: 'u', name: 'Người làm' },
          summary,
          after: { state: 'registered', version: index + 1 },
          prevHash: entries.at(-1)?.hash ?? GENESIS_HASH,
        }),
      );
    });
    return entries;
  };

  it('holds when untouched', () => {
    expect(verifyChain(chain(['a', 'b', 'c']))).toEqual({ valid: true, entries: 3 });
  });

  it('breaks where an entry was changed, removed or moved', () => {
    // Prepare
    const entries = chain(['a', 'b', 'c', 'd']);

    // Act
    const changed = entries.map((entry) => (entry.seq === 2 ? { ...entry, actor: { userId: 'x', name: 'Người khác' } } : entry));
    const removed = entries.filter((entry) => entry.seq !== 3).map((entry, index) => ({ ...entry, seq: index + 1 }));
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!];

    // Assess
    expect(verifyChain(changed).broken).toEqual({ seq: 2, reason: 'Nội dung đã bị thay đổi.' });
    expect(verifyChain(removed).broken?.seq).toBe(3);
    expect(verifyChain(swapped).broken).toEqual({ seq: 3, reason: 'Thiếu hoặc sai thứ tự: mong đợi mục 2.' });
  });
});
