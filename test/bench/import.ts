import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from '../../domain/imports.ts';
import { TestStack } from '../support/local-stack.ts';

/**
 * npm run bench:import — prints, never asserts. A province's directory in one Excel file: 360
 * communes under Thành Đoàn Sa Đéc with 49 chi đoàn each (18,000 units) and 2,000 secretaries,
 * 20,000 rows, imported through the API as an admin does it. Goal: the answer within API
 * Gateway's 30 s (the HTTP API cuts the connection then). BENCH_ROWS scales it.
 */
const log = (line: string) => console.info(line);
const rows = Number(process.env.BENCH_ROWS ?? MAX_IMPORT_ROWS);
const communes = Math.max(1, Math.round((rows * 0.9) / 50));
const users = rows - communes * 50;

const workbook = new ExcelJS.Workbook();
const unitSheet = workbook.addWorksheet('Đơn vị');
unitSheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Mã đơn vị cấp trên', 'Chi đoàn địa bàn dân cư']);
for (let commune = 0; commune < communes; commune++) {
  const communeId = `bench-xa-${commune}`;
  unitSheet.addRow([communeId, `Đoàn xã Thử ${commune}`, 'Xã', 'sadec', 'Không']);
  for (let branch = 0; branch < 49; branch++) unitSheet.addRow([`${communeId}-ap-${branch}`, `Chi đoàn ấp ${branch}`, 'Chi đoàn', communeId, 'Có']);
}
const userSheet = workbook.addWorksheet('Tài khoản');
userSheet.addRow(['Tên đăng nhập', 'Họ và tên', 'Email', 'Vai trò', 'Mã đơn vị']);
for (let user = 0; user < users; user++) userSheet.addRow([`bench-bithu-${user}`, `Bí thư ${user}`, `bithu${user}@bench.doan.example`, 'Bí thư cơ sở', `bench-xa-${user % communes}`]);
const file = Buffer.from(await workbook.xlsx.writeBuffer());

const local = await TestStack.start();
try {
  const admin = await local.signIn('quantri-dongthap');
  log(`Importing ${(communes * 50).toLocaleString('vi-VN')} units and ${users.toLocaleString('vi-VN')} users (${rows.toLocaleString('vi-VN')} rows, ${(file.length / 1024).toFixed(0)} KB .xlsx)…`);
  const started = performance.now();
  const answer = await local.api<{ units?: number; users?: number; message?: string }>('POST', '/api/imports', admin, {
    idempotencyKey: randomUUID(),
    fileName: 'tinh-doan.xlsx',
    content: file.toString('base64'),
  });
  const seconds = (performance.now() - started) / 1000;
  log(`Answer: ${answer.status} ${answer.body.message ?? `${answer.body.units} units, ${answer.body.users} users`}`);
  log(`API answer:                ${seconds.toFixed(1)} s   (goal < 30 s, API Gateway's limit)`);
  const figures = { rows, units: answer.body.units ?? 0, users: answer.body.users ?? 0, fileKb: Math.round(file.length / 1024), seconds: Number(seconds.toFixed(2)), status: answer.status };
  const goals = { seconds: 30, status: 201 };
  console.info(JSON.stringify({ bench: 'import', figures, goals, met: answer.status === 201 && seconds < goals.seconds }));
} finally {
  await local.stop();
}
