import type * as z from 'zod';
import { placeUnits, unitSchema, UNIT_KINDS, type Unit, type UnitKind } from './organisation.ts';
import { FORMER_ROLE_LABELS, ROLE_LABELS, ROLES, type Role } from './roles.ts';
import { userSchema, type User } from './users.ts';

/**
 * Bulk import of units and users from a spreadsheet (xlsx) or CSV: the columns, how a cell is
 * read, and every check, row by row. The file format is read elsewhere; here a sheet is a header
 * row and data rows of text. Either every row is right and all are imported, or nothing is.
 */
export const SHEETS = { units: 'Đơn vị', users: 'Tài khoản' } as const;
/** The template's explanation sheet, never read as data. */
export const HELP_SHEET = 'Hướng dẫn';
export type SheetId = keyof typeof SHEETS;

export const KIND_LABELS: Record<UnitKind, string> = {
  central: 'Trung ương',
  province: 'Tỉnh',
  district: 'Huyện',
  commune: 'Xã',
  grassroots: 'Cơ sở',
  branch: 'Chi đoàn',
};

interface Column {
  key: string;
  header: string;
  note: string;
  example: string;
  /** May be left out of a file altogether (files made before it existed still import). */
  optional?: boolean;
}

const HOME_UNIT_HEADER = 'Mã xã của thẩm định viên';

export const COLUMNS: Record<SheetId, Column[]> = {
  units: [
    { key: 'unitId', header: 'Mã đơn vị', note: 'Chữ thường không dấu, số, gạch ngang; duy nhất.', example: 'sadec-tan-khanh-dong' },
    { key: 'name', header: 'Tên đơn vị', note: 'Tên đầy đủ, có dấu.', example: 'Đoàn xã Tân Khánh Đông' },
    { key: 'kind', header: 'Cấp', note: Object.values(KIND_LABELS).join(' / '), example: 'Xã' },
    { key: 'parentId', header: 'Mã đơn vị cấp trên', note: 'Đơn vị đã có, hoặc một dòng phía trên trong tệp.', example: 'sadec' },
    { key: 'residential', header: 'Chi đoàn địa bàn dân cư', note: 'Có / Không (chỉ với chi đoàn ấp, khóm).', example: 'Không' },
  ],
  users: [
    { key: 'userId', header: 'Tên đăng nhập', note: 'Chữ thường không dấu, số, dấu chấm, gạch ngang.', example: 'bithu-tankhanhdong' },
    { key: 'name', header: 'Họ và tên', note: 'Có dấu.', example: 'Phạm Thị Lan' },
    { key: 'email', header: 'Email', note: 'Nhận thông báo, nhắc hạn.', example: 'bithu.tankhanhdong@sadec.doan.example' },
    { key: 'roles', header: 'Vai trò', note: `Một hoặc nhiều, cách nhau dấu phẩy: ${ROLES.map((role) => ROLE_LABELS[role]).join('; ')}.`, example: ROLE_LABELS.secretary },
    { key: 'unitId', header: 'Mã đơn vị', note: 'Đơn vị đã có, hoặc có trong trang Đơn vị.', example: 'sadec-tan-khanh-dong' },
    {
      key: 'homeUnitId',
      header: HOME_UNIT_HEADER,
      note: 'Chỉ với thành viên Tổ thẩm định: Đoàn cấp xã nơi người đó sinh sống, công tác; không bao giờ được phân công thẩm định chi đoàn của xã này. Để trống nếu không có.',
      example: '',
      optional: true,
    },
  ],
};

export interface RowIssue {
  sheet: string;
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column?: string;
  message: string;
}

export interface Sheet {
  name: string;
  rows: string[][];
}

const fold = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi');

function kindOf(cell: string): string {
  const folded = fold(cell);
  const found = UNIT_KINDS.find((kind) => fold(KIND_LABELS[kind]) === folded || kind === folded);
  return found ?? cell;
}

function rolesOf(cell: string): string[] {
  return cell
    .split(/[,;]/)
    .map((part) => fold(part))
    .filter(Boolean)
    .map((part) => ROLES.find((role) => [ROLE_LABELS[role], ...(FORMER_ROLE_LABELS[role] ?? [])].some((label) => fold(label) === part) || role === part) ?? part);
}

function yesNo(cell: string): boolean | string {
  const folded = fold(cell);
  if (folded === '' || folded === 'không' || folded === 'khong' || folded === 'no') return false;
  if (folded === 'có' || folded === 'co' || folded === 'x' || folded === 'yes') return true;
  return cell;
}

const READERS: Record<SheetId, Record<string, (cell: string) => unknown>> = {
  units: { kind: kindOf, residential: yesNo, parentId: (cell) => cell.trim() || undefined },
  users: { roles: rolesOf, homeUnitId: (cell) => cell.trim() || undefined },
};

/** Which sheet a header row belongs to, by its columns; undefined when it matches neither. */
export function sheetOfHeader(header: string[]): SheetId | undefined {
  const present = new Set(header.map(fold));
  return (Object.keys(COLUMNS) as SheetId[]).find((sheet) => COLUMNS[sheet].every((column) => column.optional || present.has(fold(column.header))));
}

interface ParsedRow<T> {
  row: number;
  value: T;
}

function readRows<T>(sheetId: SheetId, sheet: Sheet, schema: z.ZodType<T>, issues: RowIssue[]): ParsedRow<T>[] {
  const [header = [], ...body] = sheet.rows;
  const index = new Map(header.map((cell, position) => [fold(cell), position]));
  const columns = COLUMNS[sheetId];
  const parsed: ParsedRow<T>[] = [];
  body.forEach((cells, offset) => {
    const row = offset + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const record = Object.fromEntries(
      columns.map((column) => {
        const cell = cells[index.get(fold(column.header)) ?? -1]?.trim() ?? '';
        const read = READERS[sheetId][column.key];
        return [column.key, read ? read(cell) : cell || undefined];
      }),
    );
    const result = schema.safeParse(record);
    if (result.success) parsed.push({ row, value: result.data });
    else {
      for (const issue of result.error.issues) {
        const column = columns.find((candidate) => candidate.key === issue.path[0])?.header;
        issues.push({ sheet: sheet.name, row, column, message: issue.message });
      }
    }
  });
  return parsed;
}

export interface ImportPlan {
  units: Unit[];
  users: User[];
  issues: RowIssue[];
}

export interface ImportContext {
  /** The importer's unit: everything imported must sit below it. */
  scopeUnitId: string;
  /** Admins may create admins; others may not grant more than they hold. */
  mayGrantAdmin: boolean;
  /** Stored units the file refers to (parents, users' units), by id. */
  existingUnits: ReadonlyMap<string, Pick<Unit, 'unitId' | 'ancestors'>>;
  /** Ids already taken, refused rather than overwritten. */
  takenUnitIds: ReadonlySet<string>;
  takenUserIds: ReadonlySet<string>;
}

/** The ids a file mentions, so the caller can look them up (by key) before validating. */
export function referencedIds(sheets: Sheet[]): { unitIds: string[]; userIds: string[] } {
  const unitIds = new Set<string>();
  const userIds = new Set<string>();
  for (const sheet of sheets) {
    const [header = [], ...body] = sheet.rows;
    const sheetId = sheetOfHeader(header);
    if (!sheetId) continue;
    const position = (title: string) => header.findIndex((cell) => fold(cell) === fold(title));
    const columns = sheetId === 'units' ? ['Mã đơn vị', 'Mã đơn vị cấp trên'] : ['Mã đơn vị', HOME_UNIT_HEADER];
    for (const cells of body) {
      for (const title of columns) {
        const value = cells[position(title)]?.trim();
        if (value) unitIds.add(value);
      }
      const user = sheetId === 'users' ? cells[position('Tên đăng nhập')]?.trim() : undefined;
      if (user) userIds.add(user);
    }
  }
  return { unitIds: [...unitIds], userIds: [...userIds] };
}

/**
 * Rows one file may hold. The import answers within API Gateway's 30 s (the HTTP API cuts the
 * connection then, whatever the function is still doing): checking and writing this many rows
 * takes a few seconds; a province's directory goes in a few files.
 */
export const MAX_IMPORT_ROWS = 20_000;

/** Every check, every row: the plan to write, or the issues that stop it. */
export function planImport(sheets: Sheet[], context: ImportContext): ImportPlan {
  const issues: RowIssue[] = [];
  const filled = (cells: string[]) => cells.some((cell) => cell.trim() !== '');
  const dataRows = sheets.reduce((sum, sheet) => sum + sheet.rows.slice(1).filter(filled).length, 0);
  if (dataRows > MAX_IMPORT_ROWS) {
    const limit = MAX_IMPORT_ROWS.toLocaleString('vi-VN');
    issues.push({ sheet: sheets[0]?.name ?? '', row: 1, message: `Tệp có ${dataRows.toLocaleString('vi-VN')} dòng; mỗi lần nhập tối đa ${limit} dòng. Hãy chia thành nhiều tệp.` });
    return { units: [], users: [], issues };
  }
  const bySheet = new Map<SheetId, Sheet>();
  for (const sheet of sheets) {
    if (sheet.rows.every((cells) => cells.every((cell) => cell.trim() === ''))) continue;
    const sheetId = sheetOfHeader(sheet.rows[0] ?? []);
    if (sheetId) bySheet.set(sheetId, sheet);
    else {
      const expected = Object.values(COLUMNS).map((columns) => columns.map((column) => column.header).join(', '));
      issues.push({ sheet: sheet.name, row: 1, message: `Dòng tiêu đề không đúng mẫu. Cần các cột: ${expected.join(' hoặc ')}.` });
    }
  }
  if (bySheet.size === 0 && issues.length === 0) issues.push({ sheet: '', row: 0, message: 'Tệp không có dữ liệu.' });

  const unitSheet = bySheet.get('units');
  const unitRows = unitSheet ? readRows('units', unitSheet, unitSchema, issues) : [];
  // An id already stored is refused, never overwritten: moving a unit is not an import.
  const freshRows = unitRows.filter(({ row, value }) => {
    const taken = context.takenUnitIds.has(value.unitId);
    if (taken) issues.push({ sheet: unitSheet!.name, row, column: 'Mã đơn vị', message: `Mã đơn vị "${value.unitId}" đã có trong hệ thống.` });
    return !taken;
  });
  const { units, problems } = placeUnits(
    freshRows.map(({ value }) => value),
    context.existingUnits,
  );
  for (const problem of problems) issues.push({ sheet: unitSheet!.name, row: freshRows[problem.index]!.row, column: 'Mã đơn vị cấp trên', message: problem.message });
  const rowOfUnit = new Map(freshRows.map(({ row, value }) => [value.unitId, row]));
  for (const unit of units.filter((placed) => !placed.ancestors.includes(context.scopeUnitId))) {
    issues.push({ sheet: unitSheet!.name, row: rowOfUnit.get(unit.unitId)!, column: 'Mã đơn vị cấp trên', message: 'Đơn vị phải thuộc phạm vi đơn vị của bạn.' });
  }

  const userSheet = bySheet.get('users');
  const userRows = userSheet ? readRows('users', userSheet, userSchema, issues) : [];
  const known = new Map<string, Pick<Unit, 'unitId' | 'ancestors'>>([...context.existingUnits, ...units.map((unit) => [unit.unitId, unit] as const)]);
  const seenUsers = new Set<string>();
  for (const { row, value: user } of userRows) {
    const unit = known.get(user.unitId);
    const problem = seenUsers.has(user.userId)
      ? { column: 'Tên đăng nhập', message: `Tên đăng nhập "${user.userId}" bị trùng trong tệp.` }
      : context.takenUserIds.has(user.userId)
        ? { column: 'Tên đăng nhập', message: `Tên đăng nhập "${user.userId}" đã có trong hệ thống.` }
        : !unit
          ? { column: 'Mã đơn vị', message: `Đơn vị "${user.unitId}" không tồn tại.` }
          : unit.unitId !== context.scopeUnitId && !unit.ancestors.includes(context.scopeUnitId)
            ? { column: 'Mã đơn vị', message: 'Tài khoản phải thuộc đơn vị trong phạm vi của bạn.' }
            : user.homeUnitId && !known.has(user.homeUnitId)
              ? { column: HOME_UNIT_HEADER, message: `Đơn vị "${user.homeUnitId}" không tồn tại.` }
            : user.roles.includes('admin' satisfies Role) && !context.mayGrantAdmin
              ? { column: 'Vai trò', message: 'Chỉ quản trị hệ thống mới tạo được tài khoản quản trị.' }
              : undefined;
    seenUsers.add(user.userId);
    if (problem) issues.push({ sheet: userSheet!.name, row, ...problem });
  }

  issues.sort((a, b) => a.sheet.localeCompare(b.sheet, 'vi') || a.row - b.row);
  return { units, users: userRows.map(({ value }) => value), issues };
}
