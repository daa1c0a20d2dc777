import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ValidationError } from '../../../domain/errors.ts';
import { COLUMNS, HELP_SHEET, KIND_LABELS, SHEETS, type Sheet, type SheetId } from '../../../domain/imports.ts';
import { ROLE_LABELS, ROLES } from '../../../domain/roles.ts';

/** Spreadsheet files in and out: .xlsx through ExcelJS, .csv through csv-parse. Cells come out as text. */
const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function readSheets(fileName: string, bytes: Buffer): Promise<Sheet[]> {
  const isXlsx = XLSX_MAGIC.every((byte, index) => bytes[index] === byte);
  if (isXlsx) return readXlsx(bytes);
  if (/\.csv$/i.test(fileName)) return [{ name: fileName, rows: readCsv(bytes) }];
  throw new ValidationError('Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).', [{ field: 'fileName', message: 'Định dạng tệp không được hỗ trợ.' }]);
}

async function readXlsx(bytes: Buffer): Promise<Sheet[]> {
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
    // Row numbers are kept as the spreadsheet shows them, blank rows included, so the report matches.
    for (let number = 1; number <= worksheet.rowCount; number++) {
      const row = worksheet.getRow(number);
      const cells: string[] = [];
      for (let column = 1; column <= worksheet.columnCount; column++) cells.push(row.getCell(column).text ?? '');
      rows.push(cells);
    }
    sheets.push({ name: worksheet.name, rows });
  });
  return sheets;
}

function readCsv(bytes: Buffer): string[][] {
  try {
    // Excel saves CSV with a byte-order mark and often with semicolons in Vietnamese locales.
    const text = bytes.toString('utf8');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    const rows: string[][] = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
    return rows;
  } catch (error) {
    throw new ValidationError(`Không đọc được tệp CSV: ${(error as Error).message}`);
  }
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
