import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { putUsers } from '../../functions/shared/store/users.ts';
import { localStackPerFile } from '../support/local-stack.ts';

const ctx = localStackPerFile();
let admin: string;

interface ImportAnswer {
  units?: number;
  users?: number;
  importId?: string;
  message?: string;
  rows?: { sheet: string; row: number; column?: string; message: string }[];
}

beforeAll(async () => {
  admin = await ctx.local.signIn('quantri-dongthap');
});

/** Fills the downloaded template the way a cadre would: the example row replaced by real rows. */
async function filledTemplate(units: string[][], users: string[][]): Promise<Buffer> {
  const response = await fetch(`${ctx.local.stack.urls.app}/api/imports/template?format=xlsx`, { headers: { authorization: `Bearer ${admin}` } });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  for (const [name, rows] of [['Đơn vị', units], ['Tài khoản', users]] as const) {
    const sheet = workbook.getWorksheet(name)!;
    sheet.spliceRows(2, 1);
    rows.forEach((row) => sheet.addRow(row));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (fileName: string, bytes: Buffer, token = admin, idempotencyKey = randomUUID()) =>
  ctx.local.api<ImportAnswer>('POST', '/api/imports', token, { idempotencyKey, fileName, content: bytes.toString('base64') });

describe('bulk import of units and users', () => {
  it('offers a template with a sheet per kind of row and one that explains each column', async () => {
    // Act
    const response = await fetch(`${ctx.local.stack.urls.app}/api/imports/template?format=xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());

    // Assess
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="mau-nhap-don-vi-tai-khoan.xlsx"');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Đơn vị', 'Tài khoản', 'Hướng dẫn']);
    expect(workbook.getWorksheet('Đơn vị')!.getRow(1).values).toEqual([undefined, 'Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Mã đơn vị cấp trên', 'Chi đoàn địa bàn dân cư']);
  });

  it('imports a commune, its chi đoàn and its secretary from Excel; the new account signs in and sees its unit', async () => {
    // Prepare
    const file = await filledTemplate(
      [
        ['sadec-tan-vinh-hoa', 'Đoàn xã Tân Vĩnh Hòa', 'Xã', 'sadec', 'Không'],
        ['sadec-tan-vinh-hoa-ap-tan-hoa', 'Chi đoàn ấp Tân Hòa', 'Chi đoàn', 'sadec-tan-vinh-hoa', 'Có'],
      ],
      [['bithu-tanvinhhoa', 'Phạm Thị Lan', 'lan.tvh@sadec.doan.example', 'Bí thư cơ sở', 'sadec-tan-vinh-hoa']],
    );

    // Act: the import, then its accounts workflow gives her a sign-in in the user pool
    const answer = await upload('don-vi-tan-vinh-hoa.xlsx', file);
    await ctx.local.stack.engine.idle();
    const lan = await ctx.local.signIn('bithu-tanvinhhoa');
    const unit = await ctx.local.api('GET', '/api/units/sadec-tan-vinh-hoa', lan);
    const other = await ctx.local.api('GET', '/api/units/sadec-phuong-3', lan);

    // Assess: she signs in through the pool, sees her unit and not another commune
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ units: 2, users: 1 });
    expect(unit.body.children?.map((child) => child.name)).toEqual(['Chi đoàn ấp Tân Hòa']);
    expect(other.status).toBe(403);
    expect(decodeJwt(lan)).toMatchObject({ 'cognito:username': 'bithu-tanvinhhoa', 'cognito:groups': ['secretary'], 'custom:unitId': 'sadec-tan-vinh-hoa' });
    // …and was invited in Vietnamese, as Cognito does through SES
    const invitations = (await ctx.local.inbox()).filter((mail) => mail.destination.to.includes('lan.tvh@sadec.doan.example'));
    expect(invitations.map((mail) => mail.subject)).toEqual(['Tài khoản của đồng chí trên hệ thống công nhận Chi đoàn đạt chuẩn']);
    expect(invitations[0]!.body.html).toContain('<strong>bithu-tanvinhhoa</strong>');
  });

  it('signs in nobody the pool has no account for, even when the directory knows them', async () => {
    // Prepare: a directory entry written without the import (so without its accounts workflow)
    await putUsers([{ userId: 'chua-co-tai-khoan', name: 'Người chưa có tài khoản', email: 'chua@sadec.doan.example', roles: ['secretary'], unitId: 'sadec-phuong-3' }]);

    // Act
    const response = await fetch(`${ctx.local.stack.urls.app}/local/sign-in`, { method: 'POST', body: JSON.stringify({ userId: 'chua-co-tai-khoan' }) });

    // Assess
    expect(response.status).toBe(404);
  });

  it('imports nothing from a CSV with one wrong row, and reports that row and column', async () => {
    // Prepare: semicolons and a byte-order mark, as Excel saves CSV in Vietnamese
    const csv = [
      'Mã đơn vị;Tên đơn vị;Cấp;Mã đơn vị cấp trên;Chi đoàn địa bàn dân cư',
      'sadec-phuong-1;Đoàn Phường 1;Xã;sadec;',
      'sadec-phuong-1-khom-1;Chi đoàn khóm 1;Chi đoàn;sadec-phuong-1;Có',
      'sadec-phuong-1-khom-2;Chi đoàn khóm 2;Chi đoàn;khong-ton-tai;Có',
    ].join('\r\n');

    // Act
    const answer = await upload('phuong-1.csv', Buffer.from(`\uFEFF${csv}`));
    const stored = await ctx.local.api('GET', '/api/units/sadec-phuong-1', admin);

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.message, JSON.stringify(answer.body.rows)).toBe('Tệp có 1 lỗi nên chưa nhập dòng nào. Sửa các dòng dưới đây rồi nhập lại.');
    expect(answer.body.rows).toEqual([{ sheet: 'phuong-1.csv', row: 4, column: 'Mã đơn vị cấp trên', message: 'Đơn vị cấp trên "khong-ton-tai" không tồn tại.' }]);
    expect(stored.status).toBe(404);
  });

  it('answers a retried import with the first result and writes nothing twice; keeps imports to the importer and below', async () => {
    // Prepare
    const file = await filledTemplate([['sadec-an-hoa-khom-moi', 'Chi đoàn khóm Mới', 'Chi đoàn', 'sadec-an-hoa', 'Có']], []);
    const key = randomUUID();
    const organiser = await ctx.local.signIn('xaydungdoan-sadec');
    const secretary = await ctx.local.signIn('bithu-tanphudong');
    const outside = await filledTemplate([['lai-vung', 'Huyện Đoàn Lai Vung', 'Huyện', 'dong-thap', '']], []);

    // Act
    const first = await upload('khom-moi.xlsx', file, admin, key);
    const retried = await upload('khom-moi.xlsx', file, admin, key);
    const fromSecretary = await upload('khom-moi.xlsx', file, secretary);
    const aboveOrganiser = await upload('lai-vung.xlsx', outside, organiser);

    // Assess
    expect([first.status, retried.status]).toEqual([201, 200]);
    expect(retried.body.importId).toBe(first.body.importId);
    expect(fromSecretary.status).toBe(403);
    expect(aboveOrganiser.body.rows?.[0]?.message).toBe('Đơn vị phải thuộc phạm vi đơn vị của bạn.');
  });

  it('refuses a file that is neither Excel nor CSV', async () => {
    // Act
    const answer = await upload('danh-sach.docx', Buffer.from('not a spreadsheet'));

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).');
  });
});
