import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ValidationError } from '../../../domain/errors.ts';
import { COLUMNS, HELP_SHEET, KIND_LABELS, SHEETS, type Sheet, type SheetId } from '../../../domain/imports.ts';
import { ROLE_LABELS, ROLES } from '../../../domain/roles.ts';
import { checkZipBounds } from './zip-bounds.ts';

/** Spreadsheet files in and out: .xlsx through ExcelJS, .csv through csv-parse. Cells come out as text. */
const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function readSheets(fileName: string, bytes: Buffer): Promise<Sheet[]> {
  const isXlsx = XLSX_MAGIC.every((byte, index) => bytes[index] === byte);
  if (isXlsx) return readXlsx(bytes);
  if (/\.csv$/i.test(fileName)) return [{ name: fileName, rows: readCsv(bytes) }];
  throw new ValidationError('Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).', [{ field: 'fileName', message: 'Định dạng tệp không được hỗ trợ.' }]);
}

/**
 * Bounds on what a sheet may hold, checked while reading: columns past the last one a template has
 * (with room for notes) are ignored; a cell below the row limit stops the import with its place.
 */
export const SHEET_BOUNDS = { columns: 64, rows: 25_000 } as const;

const beyondRows = (sheet: string, row: number) =>
  new ValidationError(`Trang "${sheet}" có dữ liệu ở dòng ${row.toLocaleString('vi-VN')}; mỗi trang tối đa ${SHEET_BOUNDS.rows.toLocaleString('vi-VN')} dòng. Hãy xoá các dòng thừa hoặc chia tệp.`, [
    { field: 'content', message: `Dòng ${row.toLocaleString('vi-VN')} vượt giới hạn.` },
  ]);

async function readXlsx(bytes: Buffer): Promise<Sheet[]> {
  await checkZipBounds(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('Không đọc được tệp Excel. Hãy lưu lại tệp dạng .xlsx rồi thử lại.');
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    if (worksheet.name === HELP_SHEET) return;
    const rows: string[][] = [];
    // Only the cells present are visited (a sheet's own dimensions can claim a million columns).
    // Row numbers are kept as the spreadsheet shows them, blank rows included, so reports match.
    worksheet.eachRow((row, number) => {
      if (number > SHEET_BOUNDS.rows) throw beyondRows(worksheet.name, number);
      const cells: string[] = [];
      row.eachCell((cell, column) => {
        if (column <= SHEET_BOUNDS.columns) cells[column - 1] = cell.text ?? '';
      });
      while (rows.length < number - 1) rows.push([]);
      rows.push(Array.from(cells, (cell) => cell ?? ''));
    });
    sheets.push({ name: worksheet.name, rows });
  });
  return sheets;
}

/** csv-parse's errors, in words, with the line and column the user sees in the editor. */
const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'có dấu ngoặc kép (") mở mà chưa đóng',
  INVALID_OPENING_QUOTE: 'có dấu ngoặc kép (") ở giữa ô',
  CSV_INVALID_CLOSING_QUOTE: 'có ký tự ngay sau dấu ngoặc kép (") đóng',
};

function readCsv(bytes: Buffer): string[][] {
  let rows: string[][];
  try {
    // Excel saves CSV with a byte-order mark and often with semicolons in Vietnamese locales.
    const text = bytes.toString('utf8');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    rows = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const { code, lines, column } = error as { code?: string; lines?: number; column?: number };
    const problem = CSV_PROBLEMS[code ?? ''] ?? 'không đúng định dạng CSV';
    const place = `dòng ${lines ?? '?'}${typeof column === 'number' ? `, cột ${column + 1}` : ''}`;
    throw new ValidationError(`Không đọc được tệp CSV: ${place} ${problem}.`, [{ field: 'content', message: `Lỗi ở ${place}.` }]);
  }
  if (rows.length > SHEET_BOUNDS.rows) throw beyondRows('CSV', rows.length);
  return rows.map((cells) => cells.slice(0, SHEET_BOUNDS.columns));
}

/** The template: one sheet per kind of row with an example, and a sheet explaining each column. */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheetId of Object.keys(SHEETS) as SheetId[]) {
    const sheet = workbook.addWorksheet(SHEETS[sheetId]);
    const columns = COLUMNS[sheetId];
    sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: Math.max(18, column.example.length + 4) }));
    sheet.addRow(Object.fromEntries(columns.map((column) => [column.key, column.example])));
    sheet.getRow(1).font = { bold: true };
    const listOf = (values: string[]) => ({ type: 'list' as const, allowBlank: true, formulae: [`"${values.join(',')}"`] });
    const kindColumn = columns.findIndex((column) => column.key === 'kind');
    if (kindColumn >= 0) {
      // A range rule, not one per cell: cells created for it would count as rows.
      const letter = String.fromCharCode(65 + kindColumn);
      (sheet as unknown as { dataValidations: { add(range: string, rule: unknown): void } }).dataValidations.add(`${letter}2:${letter}5000`, listOf(Object.values(KIND_LABELS)));
    }
  }
  const help = workbook.addWorksheet(HELP_SHEET);
  help.columns = [{ header: 'Trang', width: 14 }, { header: 'Cột', width: 26 }, { header: 'Cách điền', width: 90 }];
  for (const sheetId of Object.keys(SHEETS) as SheetId[]) {
    for (const column of COLUMNS[sheetId]) help.addRow([SHEETS[sheetId], column.header, column.note]);
  }
  help.addRow(['Vai trò', '', ROLES.map((role) => `${ROLE_LABELS[role]} (${role})`).join('; ')]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV template for one sheet, with a byte-order mark so Excel reads the diacritics right. */
export function templateCsv(sheetId: SheetId): Buffer {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const columns = COLUMNS[sheetId];
  const lines = [columns.map((column) => quote(column.header)).join(','), columns.map((column) => quote(column.example)).join(',')];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
