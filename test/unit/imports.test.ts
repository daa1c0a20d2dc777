import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, planImport, type ImportContext, type Sheet } from '../../domain/imports.ts';

const UNIT_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Mã đơn vị cấp trên', 'Chi đoàn địa bàn dân cư'];
const USER_HEADER = ['Tên đăng nhập', 'Họ và tên', 'Email', 'Vai trò', 'Mã đơn vị'];

const context = (overrides: Partial<ImportContext> = {}): ImportContext => ({
  scopeUnitId: 'sadec',
  mayGrantAdmin: false,
  existingUnits: new Map([['sadec', { unitId: 'sadec', ancestors: ['dong-thap'] }], ['dong-thap', { unitId: 'dong-thap', ancestors: [] }]]),
  takenUnitIds: new Set(['sadec', 'dong-thap']),
  takenUserIds: new Set(['bithu-sadec']),
  ...overrides,
});

describe('planImport', () => {
  it('places a commune and its chi đoàn under an existing unit, reading Vietnamese cells', () => {
    // Prepare
    const sheets: Sheet[] = [
      { name: 'Đơn vị', rows: [UNIT_HEADER, ['sadec-tkd', 'Đoàn xã Tân Khánh Đông', 'Xã', 'sadec', ''], ['sadec-tkd-ap-1', 'Chi đoàn ấp Tân Hòa', 'chi đoàn', 'sadec-tkd', 'Có']] },
      { name: 'Tài khoản', rows: [USER_HEADER, ['bithu-tkd', 'Phạm Thị Lan', 'lan@example.vn', 'Bí thư cơ sở, lãnh đạo (bí thư / phó bí thư)', 'sadec-tkd']] },
    ];

    // Act
    const plan = planImport(sheets, context());

    // Assess
    expect(plan.issues).toEqual([]);
    expect(plan.units.map((unit) => [unit.unitId, unit.kind, unit.residential, unit.ancestors])).toEqual([
      ['sadec-tkd', 'commune', false, ['dong-thap', 'sadec']],
      ['sadec-tkd-ap-1', 'branch', true, ['dong-thap', 'sadec', 'sadec-tkd']],
    ]);
    expect(plan.users[0]?.roles).toEqual(['secretary', 'leader']);
  });

  it('reads an appraiser’s home commune when the column is there, and refuses one that does not exist', () => {
    // Prepare: the optional column; the file above (without it) still imports
    const header = [...USER_HEADER, 'Mã xã của thẩm định viên'];
    const sheets: Sheet[] = [
      { name: 'Đơn vị', rows: [UNIT_HEADER, ['sadec-tkd', 'Đoàn xã Tân Khánh Đông', 'Xã', 'sadec', '']] },
      {
        name: 'Tài khoản',
        rows: [header, ['thamdinh-a', 'Ngô Văn An', 'an@example.vn', 'Thành viên Tổ thẩm định', 'sadec', 'sadec-tkd'], ['thamdinh-b', 'Lý Thị Bé', 'be@example.vn', 'appraiser', 'sadec', 'sadec-khong-co'], ['thamdinh-c', 'Mai Văn Cường', 'cuong@example.vn', 'appraiser', 'sadec', '']],
      },
    ];

    // Act
    const plan = planImport(sheets, context());

    // Assess
    expect(plan.users.map((user) => [user.userId, user.homeUnitId])).toEqual([
      ['thamdinh-a', 'sadec-tkd'],
      ['thamdinh-b', 'sadec-khong-co'],
      ['thamdinh-c', undefined],
    ]);
    expect(plan.issues).toEqual([{ sheet: 'Tài khoản', row: 3, column: 'Mã xã của thẩm định viên', message: 'Đơn vị "sadec-khong-co" không tồn tại.' }]);
  });

  it('reports every wrong row with its row number and column, in Vietnamese', () => {
    // Prepare
    const sheets: Sheet[] = [
      {
        name: 'Đơn vị',
        rows: [
          UNIT_HEADER,
          ['sadec', 'Thành Đoàn Sa Đéc', 'Huyện', 'dong-thap', ''],
          ['Xã Mới', 'Đoàn xã Mới', 'Xã', 'sadec', ''],
          ['sadec-x', 'Đoàn xã X', 'Làng', 'sadec', ''],
          ['sadec-y', 'Đoàn xã Y', 'Xã', 'khong-co', ''],
          ['lai-vung', 'Huyện Đoàn Lai Vung', 'Huyện', 'dong-thap', ''],
        ],
      },
      {
        name: 'Tài khoản',
        rows: [USER_HEADER, ['bithu-sadec', 'Lê Văn A', 'a@example.vn', 'Bí thư cơ sở', 'sadec'], ['moi', 'Lê Văn B', 'khong-phai-email', 'Quản trị hệ thống', 'sadec']],
      },
    ];

    // Act
    const { issues } = planImport(sheets, context());

    // Assess
    expect(issues).toEqual([
      { sheet: 'Đơn vị', row: 2, column: 'Mã đơn vị', message: 'Mã đơn vị "sadec" đã có trong hệ thống.' },
      { sheet: 'Đơn vị', row: 3, column: 'Mã đơn vị', message: 'Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu gạch ngang (2–63 ký tự).' },
      { sheet: 'Đơn vị', row: 4, column: 'Cấp', message: 'Loại đơn vị không hợp lệ.' },
      { sheet: 'Đơn vị', row: 5, column: 'Mã đơn vị cấp trên', message: 'Đơn vị cấp trên "khong-co" không tồn tại.' },
      { sheet: 'Đơn vị', row: 6, column: 'Mã đơn vị cấp trên', message: 'Đơn vị phải thuộc phạm vi đơn vị của bạn.' },
      { sheet: 'Tài khoản', row: 2, column: 'Tên đăng nhập', message: 'Tên đăng nhập "bithu-sadec" đã có trong hệ thống.' },
      { sheet: 'Tài khoản', row: 3, column: 'Email', message: 'Email không hợp lệ.' },
    ]);
  });

  it('plans a province in one file (20,000 rows), counts only filled rows, and refuses one row more', () => {
    // Prepare: 400 communes of 48 chi đoàn and their 400 secretaries, blank rows between.
    const units = Array.from({ length: 400 }, (_, commune) => [
      [`sadec-xa-${commune}`, `Đoàn xã ${commune}`, 'Xã', 'sadec', ''],
      ...Array.from({ length: 48 }, (__, branch) => [`sadec-xa-${commune}-ap-${branch}`, `Chi đoàn ấp ${branch}`, 'Chi đoàn', `sadec-xa-${commune}`, 'Có']),
    ]).flat();
    const users = units.filter((row) => row[2] === 'Xã').map((row) => [`bithu-${row[0]}`, 'Lê Văn A', `${row[0]}@example.vn`, 'Bí thư cơ sở', row[0]!]);
    const sheets = (extra: string[][]): Sheet[] => [
      { name: 'Đơn vị', rows: [UNIT_HEADER, ...units, ['', '', '', '', ''], []] },
      { name: 'Tài khoản', rows: [USER_HEADER, ...users, ...extra] },
    ];

    // Act
    const fits = planImport(sheets([]), context());
    const over = planImport(sheets([['bithu-thua', 'Lê Văn B', 'b@example.vn', 'Bí thư cơ sở', 'sadec']]), context());

    // Assess
    expect(units.length + users.length).toBe(MAX_IMPORT_ROWS);
    expect([fits.issues, fits.units.length, fits.users.length]).toEqual([[], 400 + 400 * 48, 400]);
    expect(over.issues).toEqual([{ sheet: 'Đơn vị', row: 1, message: 'Tệp có 20.001 dòng; mỗi lần nhập tối đa 20.000 dòng. Hãy chia thành nhiều tệp.' }]);
  });

  it('refuses a header that matches neither template, and a user granted admin by a non-admin', () => {
    // Prepare
    const wrongHeader: Sheet = { name: 'Sheet1', rows: [['Tên', 'Địa chỉ'], ['a', 'b']] };
    const admin: Sheet = { name: 'Tài khoản', rows: [USER_HEADER, ['qt-moi', 'Lê Văn C', 'c@example.vn', 'admin', 'sadec']] };

    // Act
    const header = planImport([wrongHeader], context()).issues;
    const byOrganiser = planImport([admin], context()).issues;
    const byAdmin = planImport([admin], context({ mayGrantAdmin: true })).issues;

    // Assess
    expect(header[0]?.message).toMatch(/^Dòng tiêu đề không đúng mẫu/);
    expect(byOrganiser).toEqual([{ sheet: 'Tài khoản', row: 2, column: 'Vai trò', message: 'Chỉ quản trị hệ thống mới tạo được tài khoản quản trị.' }]);
    expect(byAdmin).toEqual([]);
  });
});
