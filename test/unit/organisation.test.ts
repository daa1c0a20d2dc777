import { describe, expect, it } from 'vitest';
import { directUpperLevel, isSameOrBelow, placeUnits, type Unit, unitSchema } from '../../domain/organisation.ts';

const unit = (unitId: string, kind: Unit['kind'], parentId?: string) =>
  unitSchema.parse({ unitId, name: `Đơn vị ${unitId}`, kind, parentId });

describe('placeUnits', () => {
  it('places the 2018 layout: province → district → commune → chi đoàn', () => {
    // Act
    const { units, problems } = placeUnits(
      [
        unit('ap-phu-thuan', 'branch', 'tan-phu-dong'), // before its parent: order does not matter
        unit('dong-thap', 'province'),
        unit('sadec', 'district', 'dong-thap'),
        unit('tan-phu-dong', 'commune', 'sadec'),
      ],
      new Map(),
    );

    // Assess
    expect(problems).toEqual([]);
    const branch = units.find((u) => u.unitId === 'ap-phu-thuan')!;
    expect(branch.ancestors).toEqual(['dong-thap', 'sadec', 'tan-phu-dong']);
    expect(directUpperLevel(branch)).toBe('tan-phu-dong');
  });

  it('places the 2025 layout under already stored units: province → commune → chi đoàn', () => {
    // Prepare
    const existing = new Map([['dong-thap', { unitId: 'dong-thap', ancestors: [] }]]);

    // Act
    const { units, problems } = placeUnits([unit('tan-phu-dong', 'commune', 'dong-thap'), unit('ap-phu-thuan', 'branch', 'tan-phu-dong')], existing);

    // Assess
    expect(problems).toEqual([]);
    expect(directUpperLevel(units.find((u) => u.unitId === 'tan-phu-dong')!)).toBe('dong-thap');
  });

  it('names each row whose parent is unknown, duplicated or part of a cycle', () => {
    // Act
    const { problems } = placeUnits(
      [unit('xa-a', 'commune', 'nowhere'), unit('chi-b', 'branch', 'chi-c'), unit('chi-c', 'branch', 'chi-b'), unit('tinh-d', 'province'), unit('tinh-d', 'province')],
      new Map(),
    );

    // Assess
    expect(problems).toEqual([
      { index: 4, message: 'Mã đơn vị "tinh-d" bị trùng trong tệp.' },
      { index: 0, message: 'Đơn vị cấp trên "nowhere" không tồn tại.' },
      { index: 1, message: 'Đơn vị cấp trên "chi-c" tạo thành vòng lặp hoặc không hợp lệ.' },
      { index: 2, message: 'Đơn vị cấp trên "chi-b" tạo thành vòng lặp hoặc không hợp lệ.' },
    ]);
  });
});

describe('isSameOrBelow', () => {
  const branch = { unitId: 'ap-phu-thuan', ancestors: ['dong-thap', 'sadec', 'tan-phu-dong'] };

  it('lets a unit and every level above it see the unit, and no sibling', () => {
    expect(['ap-phu-thuan', 'tan-phu-dong', 'sadec', 'dong-thap'].map((viewer) => isSameOrBelow(branch, viewer))).toEqual([true, true, true, true]);
    expect(isSameOrBelow(branch, 'phuong-3')).toBe(false);
    expect(isSameOrBelow(branch, 'ap-phu')).toBe(false);
  });
});
