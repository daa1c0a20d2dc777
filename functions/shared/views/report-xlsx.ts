import ExcelJS from 'exceljs';
import { calendarDate, formatCalendarDate } from '../../../domain/dates.ts';
import { REPORTS, type SentReport } from '../../../domain/reports/reports.ts';
import type { TemplateId } from '../../../domain/recognition/templates.ts';
import { addDashboardSheet } from './dashboard-xlsx.ts';

/** A sent report as a workbook: its figures as they stood, then what was written and who signed. */
export async function reportXlsx(report: SentReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const { figures } = report;
  addDashboardSheet(
    workbook,
    { unitName: report.unitName, cycleTitle: report.cycleTitle, templateId: figures.templateId as TemplateId, targets: figures.targets, total: figures.total, rows: figures.rows },
    new Date(report.sentAt),
  );
  const sheet = workbook.addWorksheet('Nội dung');
  sheet.columns = [{ width: 34 }, { width: 100 }];
  const definition = REPORTS[report.reportId];
  sheet.addRow(['Báo cáo', definition.title]).font = { bold: true };
  sheet.addRow(['Đơn vị', report.unitName]);
  sheet.addRow(['Số', report.number]);
  sheet.addRow(['Ngày gửi', formatCalendarDate(calendarDate(new Date(report.sentAt)))]);
  sheet.addRow(['Người ký', `${report.signer.title} ${report.signer.name}`]);
  sheet.addRow([]);
  for (const section of definition.sections) {
    const row = sheet.addRow([section.title, report.narrative[section.id] ?? '']);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
