import { describe, expect, it } from 'vitest';
import { formatReference, placeInitials, referencePlace, REFERENCE_PATTERN } from '../../domain/submission-reference.ts';
import { dossierStatus } from '../../domain/submission.ts';

describe('a dossier reference people can read out', () => {
  it('takes the initials of the place, unmarked, after the body that names it', () => {
    // Act + Assess
    expect(placeInitials('Thành Đoàn Sa Đéc')).toBe('SD');
    expect(placeInitials('Tỉnh Đoàn Đồng Tháp')).toBe('DT');
    expect(placeInitials('Huyện Đoàn Châu Thành')).toBe('CT');
    expect(formatReference('SD', 2027, 412)).toBe('SD-2027-000412');
    expect(REFERENCE_PATTERN.test(formatReference('SD', 2027, 1_234_567))).toBe(true);
  });

  it('numbers in the nearest district above the unit, else its province', () => {
    // Prepare
    const province = { unitId: 'dong-thap', kind: 'province' as const, name: 'Tỉnh Đoàn Đồng Tháp' };
    const district = { unitId: 'sadec', kind: 'district' as const, name: 'Thành Đoàn Sa Đéc' };
    const commune = { unitId: 'sadec-tan-phu-dong', kind: 'commune' as const, name: 'Đoàn xã Tân Phú Đông' };

    // Act + Assess
    expect(referencePlace({ unitId: 'ap', kind: 'branch' }, [province, district, commune])?.unitId).toBe('sadec');
    expect(referencePlace({ unitId: 'xa', kind: 'commune' }, [province])?.unitId).toBe('dong-thap');
  });
});

describe('the status a dossier shows', () => {
  const submission = { submissionId: 's1', status: 'acknowledged' as const };

  it('says "Bị trả lại" with the reason when the commune returned this very dossier', () => {
    // Act + Assess
    expect(dossierStatus(submission, { state: 'returned', dossierSubmissionId: 's1', reason: 'Thiếu biên bản.' })).toEqual({ status: 'returned', label: 'Bị trả lại', reason: 'Thiếu biên bản.' });
    expect(dossierStatus(submission, { state: 'criteria-failed', dossierSubmissionId: 's1' }).label).toBe('Chưa đạt tiêu chí, cần bổ sung');
  });

  it('keeps its own status for another dossier, a later state, or a withdrawn one', () => {
    // Act + Assess
    expect(dossierStatus(submission, { state: 'returned', dossierSubmissionId: 's2' }).label).toBe('Đã tiếp nhận');
    expect(dossierStatus(submission, { state: 'confirmed', dossierSubmissionId: 's1' }).label).toBe('Đã tiếp nhận');
    expect(dossierStatus({ submissionId: 's1', status: 'withdrawn' }, { state: 'returned', dossierSubmissionId: 's1' }).label).toBe('Đã rút');
  });
});
