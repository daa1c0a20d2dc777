import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors.ts';
import { readSheets, SHEET_BOUNDS } from '../../functions/shared/edge/spreadsheets.ts';

async function workbookWith(cells: [row: number, column: number, text: string][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đơn vị');
  for (const [row, column, text] of cells) sheet.getCell(row, column).value = text;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(read: Promise<unknown>): Promise<ValidationError> {
  const error = await read.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('reading spreadsheets', () => {
  it('visits only the cells present: a stray cell in the last column is ignored, not a million empty cells read', async () => {
    // Prepare: XFD is column 16,384, the last Excel has; every row used to be read that wide.
    const bytes = await workbookWith([[1, 1, 'Mã đơn vị'], [2, 1, 'sadec-tkd'], [3, 2, 'Đoàn xã'], [100, 16_384, 'rác']]);

    // Act
    const [sheet] = await readSheets('don-vi.xlsx', bytes);

    // Assess: row numbers as Excel shows them, no row wider than the bound.
    expect(sheet!.rows.length).toBe(100);
    expect(sheet!.rows[1]).toEqual(['sadec-tkd']);
    expect(sheet!.rows[2]).toEqual(['', 'Đoàn xã']);
    expect(sheet!.rows[99]).toEqual([]);
    expect(Math.max(...sheet!.rows.map((cells) => cells.length))).toBeLessThanOrEqual(SHEET_BOUNDS.columns);
  });

  it('refuses a sheet with data below the row bound, naming the row', async () => {
    // Prepare
    const bytes = await workbookWith([[1, 1, 'Mã đơn vị'], [1_000_000, 1, 'x']]);

    // Act
    const error = await refusal(readSheets('don-vi.xlsx', bytes));

    // Assess
    expect(error.message).toContain('dòng 1.000.000');
  });

  it('refuses a zip bomb before inflating it: a small file that unpacks to more than the bound', async () => {
    // Prepare: a real workbook with one extra entry of 100 MB of zeros (about 100 KB compressed).
    const zip = await JSZip.loadAsync(await workbookWith([[1, 1, 'Mã đơn vị']]));
    zip.file('xl/media/padding.bin', Buffer.alloc(100 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bytes.length).toBeLessThan(1024 * 1024);

    // Act
    const error = await refusal(readSheets('bom.xlsx', bytes));

    // Assess
    expect(error.message).toContain('quá lớn khi giải nén');
  });

  it('refuses an entry that inflates past the size it declares', async () => {
    // Prepare: declare 10 bytes for an entry of 10 MB (the central directory lies).
    const zip = await JSZip.loadAsync(await workbookWith([[1, 1, 'Mã đơn vị']]));
    zip.file('xl/media/liar.bin', Buffer.alloc(10 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const name = Buffer.from('xl/media/liar.bin');
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      const central = bytes.readUInt32LE(at - 46) === 0x02014b50;
      bytes.writeUInt32LE(10, central ? at - 46 + 24 : at - 30 + 22);
    }

    // Act
    const error = await refusal(readSheets('liar.xlsx', bytes));

    // Assess
    expect(error.message).toContain('quá lớn khi giải nén');
  });

  it('explains a broken CSV in Vietnamese with its line and column', async () => {
    // Prepare
    const bytes = Buffer.from('Mã đơn vị,Tên đơn vị\nsadec-tkd,"Đoàn xã Tân Khánh Đông\n', 'utf8');

    // Act
    const error = await refusal(readSheets('don-vi.csv', bytes));

    // Assess
    expect(error.message).toBe('Không đọc được tệp CSV: dòng 2, cột 2 có dấu ngoặc kép (") mở mà chưa đóng.');
  });
});
