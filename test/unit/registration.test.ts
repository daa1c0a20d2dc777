import { describe, expect, it } from 'vitest';
import { checkRegistration, registrationSchema, registrationShare } from '../../domain/forms/registration.ts';
import type { Unit } from '../../domain/organisation.ts';

const branch = (unitId: string, residential = true): Unit => ({
  unitId,
  name: unitId,
  kind: 'branch',
  parentId: 'xa',
  residential,
  leaderEmails: [],
  ancestors: ['tinh', 'xa'],
});

describe('registrationShare', () => {
  it('says how far the commune is from the 90% target, in whole chi đoàn', () => {
    expect(registrationShare(4, 5, 0.9).summary).toBe('Đã đăng ký 4/5 chi đoàn (80%) — chỉ tiêu ít nhất 90%: còn thiếu 1 chi đoàn.');
    expect(registrationShare(9, 10, 0.9)).toMatchObject({ meetsTarget: true, summary: 'Đã đăng ký 9/10 chi đoàn (90%) — chỉ tiêu ít nhất 90%: đạt chỉ tiêu.' });
    expect(registrationShare(2, 3, 0.9).summary).toBe('Đã đăng ký 2/3 chi đoàn (66,7%) — chỉ tiêu ít nhất 90%: còn thiếu 1 chi đoàn.');
    expect(registrationShare(0, 0, 0.9).meetsTarget).toBe(false);
  });
});

describe('checkRegistration', () => {
  it('accepts only the commune’s own residential chi đoàn, naming each other entry', () => {
    // Prepare
    const children = [branch('ap-a'), branch('ap-b'), branch('khoa-c', false)];

    // Act
    const issues = checkRegistration({ branchIds: ['ap-a', 'khoa-c', 'ap-z'] }, children);

    // Assess
    expect(issues).toEqual([
      { field: 'data.branchIds.1', message: '"khoa-c" không phải chi đoàn trên địa bàn dân cư của đơn vị.' },
      { field: 'data.branchIds.2', message: '"ap-z" không phải chi đoàn trên địa bàn dân cư của đơn vị.' },
    ]);
  });
});

describe('registration with the Party committee of the same level (seed 002, IV.2)', () => {
  it('keeps the date the commune registered with its Đảng ủy, and refuses a date that does not exist', () => {
    // Act
    const kept = registrationSchema.safeParse({ branchIds: ['ap-1'], partyCommitteeRegisteredOn: '2027-01-20' });
    const impossible = registrationSchema.safeParse({ branchIds: ['ap-1'], partyCommitteeRegisteredOn: '2027-02-30' });

    // Assess
    expect(kept.data?.partyCommitteeRegisteredOn).toBe('2027-01-20');
    expect(impossible.error?.issues[0]).toMatchObject({ path: ['partyCommitteeRegisteredOn'], message: 'Ngày đăng ký với cấp ủy Đảng cùng cấp không hợp lệ: nhập theo dạng dd/mm/yyyy.' });
  });
});
