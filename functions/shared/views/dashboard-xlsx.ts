import ExcelJS from 'exceljs';
import { calendarDate, formatCalendarDate } from '../../../domain/dates.ts';
import type { DashboardRow } from '../../../domain/dashboard/rows.ts';
import { KIND_LABELS } from '../../../domain/imports.ts';
import { slugOf } from '../../../domain/text.ts';
import { STANDING_STATES, STATE_LABELS, type StandingState } from '../../../domain/process/states.ts';
import type { TemplateId } from '../../../domain/recognition/templates.ts';
import { DUTIES, DUTY_LABELS, type Duty } from '../../../domain/deadlines/obligations.ts';

export interface DashboardSheet {
  unitName: string;
  cycleTitle: string;
  templateId: TemplateId;
  targets: { registrationShare?: number; recognitionShare?: number };
  total: DashboardRow;
  rows: DashboardRow[];
  /** What the list was narrowed to, said above it ("Có việc quá hạn", "tìm: phu thuan"). */
  narrowedTo?: string;
  /** At a commune: its chi đoàn one by one, with their criteria (a second sheet). */
  branches?: BranchLine[];
}

/** A chi đoàn as the commune's second sheet lists it. */
export interface BranchLine {
  name: string;
  state?: StandingState;
  updatedAt?: string;
  criteria: { number: number; pass: boolean }[];
  /** What it owes and by when (yyyy-mm-dd), if anything. */
  owes?: { duty: Duty; deadline: string };
}

/** A file name people recognise: the unit, the day, no diacritics (some mail clients mangle them). */
export function dashboardFileName(unitName: string, now: Date): string {
  return `tong-quan-${slugOf(unitName)}-${formatCalendarDate(calendarDate(now)).replace(/\//g, '-')}.xlsx`;
}

/** The dashboard as a workbook of one sheet. */
export async function dashboardXlsx(sheet: DashboardSheet, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addDashboardSheet(workbook, sheet, now);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The dashboard as a sheet: Vietnamese headers, numbers as numbers, shares as percentages. */
export function addDashboardSheet(workbook: ExcelJS.Workbook, sheet: DashboardSheet, asOf: Date): void {
  const now = asOf;
  const ws = workbook.addWorksheet('Tổng quan');
  const eligible = sheet.templateId === 'chi-doan-dat-chuan' ? 'Chi đoàn địa bàn dân cư' : 'Đoàn cơ sở';
  const states = STANDING_STATES.filter((state) => [sheet.total, ...sheet.rows].some((row) => (row.byState[state] ?? 0) > 0));
  const lateDuties = DUTIES.filter((duty) => [sheet.total, ...sheet.rows].some((row) => (row.lateByDuty[duty] ?? 0) > 0));
  ws.addRow([`${sheet.cycleTitle}: ${sheet.unitName}`]).font = { bold: true, size: 13 };
  ws.addRow([`Số liệu ngày ${formatCalendarDate(calendarDate(now))}${sheet.narrowedTo ? ` — chỉ gồm: ${sheet.narrowedTo}` : ''}`]);
  ws.addRow([]);
  const header = ws.addRow([
    'Đơn vị',
    'Cấp',
    eligible,
    'Đã đăng ký',
    'Tỷ lệ đăng ký',
    'Còn thiếu để đạt chỉ tiêu đăng ký',
    'Đã công nhận',
    'Tỷ lệ công nhận',
    'Còn thiếu để đạt chỉ tiêu công nhận',
    'Chưa bắt đầu',
    ...states.map((state: StandingState) => STATE_LABELS[state]),
    'Trong mẫu thẩm định',
    'Thẩm định: đúng như hồ sơ',
    'Thẩm định: không đúng như hồ sơ',
    'Việc quá hạn',
    ...lateDuties.map((duty) => `Quá hạn: ${DUTY_LABELS[duty]}`),
  ]);
  header.font = { bold: true };
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  for (const row of [...sheet.rows, sheet.total]) {
    const added = ws.addRow([
      row === sheet.total ? `Tổng: ${row.name}` : row.name,
      KIND_LABELS[row.kind],
      row.eligible,
      row.registered,
      share(row.registered, row.eligible),
      row.registrationGap,
      row.recognised,
      share(row.recognised, row.eligible),
      row.recognitionGap,
      row.notStarted,
      ...states.map((state) => row.byState[state] ?? 0),
      row.sampled,
      row.verified,
      row.notAsClaimed,
      row.late,
      ...lateDuties.map((duty) => row.lateByDuty[duty] ?? 0),
    ]);
    if (row === sheet.total) added.font = { bold: true };
    for (const column of [5, 8]) added.getCell(column).numFmt = '0.0%';
  }
  ws.getColumn(1).width = 36;
  for (let column = 2; column <= 14 + states.length + lateDuties.length; column++) ws.getColumn(column).width = 16;
  const targets = [
    sheet.targets.registrationShare !== undefined ? `đăng ký ${Math.round(sheet.targets.registrationShare * 100)}%` : '',
    sheet.targets.recognitionShare !== undefined ? `đạt chuẩn ${Math.round(sheet.targets.recognitionShare * 100)}%` : '',
  ].filter(Boolean);
  if (targets.length > 0) ws.addRow([`Chỉ tiêu: ${targets.join(', ')} (trên tổng số ${eligible.toLowerCase()}).`]);
  if (sheet.branches) addBranchSheet(workbook, sheet.branches, calendarDate(now));
}

/** A commune's chi đoàn one by one: state, each criterion met or not, what is owed and whether late. */
function addBranchSheet(workbook: ExcelJS.Workbook, branches: BranchLine[], today: string): void {
  const ws = workbook.addWorksheet('Chi đoàn');
  const numbers = [...new Set(branches.flatMap((branch) => branch.criteria.map((criterion) => criterion.number)))].sort((a, b) => a - b);
  ws.addRow(['Chi đoàn', 'Tình trạng', 'Cập nhật ngày', ...numbers.map((number) => `Tiêu chí ${number}`), 'Việc phải làm', 'Hạn', 'Quá hạn']).font = { bold: true };
  for (const branch of branches) {
    const results = new Map(branch.criteria.map((criterion) => [criterion.number, criterion.pass]));
    ws.addRow([
      branch.name,
      branch.state ? STATE_LABELS[branch.state] : 'Chưa đăng ký',
      branch.updatedAt ? formatCalendarDate(calendarDate(new Date(branch.updatedAt))) : '',
      ...numbers.map((number) => (results.has(number) ? (results.get(number) ? 'Đạt' : 'Chưa đạt') : '')),
      branch.owes ? DUTY_LABELS[branch.owes.duty] : '',
      branch.owes ? formatCalendarDate(branch.owes.deadline) : '',
      branch.owes && branch.owes.deadline < today ? 'Quá hạn' : '',
    ]);
  }
  ws.getColumn(1).width = 32;
  ws.getColumn(2).width = 34;
  ws.getColumn(numbers.length + 4).width = 40;
}
