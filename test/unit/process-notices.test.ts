import { describe, expect, it } from 'vitest';
import { noticesFor } from '../../domain/notices/process-notices.ts';
import type { Standing } from '../../domain/process/states.ts';
import type { Change } from '../../domain/process/transitions.ts';

const standing = (state: Standing['state'], extra: Partial<Standing> = {}): Standing => ({
  cycleId: 'chi-doan-dat-chuan-2027-dong-thap',
  unitId: 'ap-a',
  templateId: 'chi-doan-dat-chuan',
  state,
  version: 2,
  updatedAt: '',
  appliedEvents: [],
  ...extra,
});
const context = { eventId: 'e1', unitName: 'Chi đoàn <ấp A>', ancestors: ['tinh', 'thanh-pho', 'xa'], cycleTitle: 'Chi đoàn đạt chuẩn 2027', appUrl: 'https://app.example' };

describe('the emails a change of standing sends', () => {
  it('asks the commune to confirm a dossier that met the criteria, linking to its inbox', () => {
    // Act
    const [notice, ...others] = noticesFor({ unitId: 'ap-a', before: standing('registered'), after: standing('awaiting-confirmation'), summary: '' }, context);

    // Assess
    expect(others).toEqual([]);
    expect(notice?.audience).toEqual({ unitId: 'xa', roles: ['secretary', 'leader'] });
    const message = notice!.message(['bt@xa.vn']);
    expect(message.subject).toBe('Chờ Đoàn cấp xã xác nhận: Chi đoàn <ấp A>');
    expect(message.text).toContain('https://app.example/inbox?cycle=chi-doan-dat-chuan-2027-dong-thap');
    expect(message.html).toContain('Chi đoàn &lt;ấp A&gt;');
    expect(message.html).not.toContain('<ấp A>');
  });

  it('tells the chi đoàn why it was returned, escaped in HTML', () => {
    // Prepare
    const change: Change = { unitId: 'ap-a', before: standing('awaiting-confirmation'), after: standing('returned', { reason: 'Thiếu <biên bản> tháng 3' }), summary: '' };

    // Act
    const [notice] = noticesFor(change, context);
    const message = notice!.message(['bt@ap.vn']);

    // Assess
    expect(notice?.audience.unitId).toBe('ap-a');
    expect(message.text).toContain('Lý do: Thiếu <biên bản> tháng 3');
    expect(message.html).toContain('Lý do: Thiếu &lt;biên bản&gt; tháng 3');
  });

  it('mails the level above the commune when a chi đoàn is reported, and nobody when nothing changed', () => {
    const reported = noticesFor({ unitId: 'ap-a', before: standing('confirmed'), after: standing('reported'), summary: '' }, context);
    const unchanged = noticesFor({ unitId: 'ap-a', before: standing('recognised'), after: standing('recognised'), summary: '' }, context);
    expect(reported.map((notice) => notice.audience)).toEqual([{ unitId: 'thanh-pho', roles: ['organiser', 'leader'] }]);
    expect(unchanged).toEqual([]);
  });
});
