import { AlignmentType, Document, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import { cell, centred, dateLine, gap, line, masthead, PAGE, run, signatureBlock } from './docx-layout.ts';
import { calendarDate } from '../../../domain/dates.ts';
import { REPORTS, type SentReport } from '../../../domain/reports/reports.ts';

/**
 * A sent report as a Word document laid out as a Youth Union office issues one (docx-layout.ts):
 * the title, the figures as they stood when sent, the written parts, "Nơi nhận" and the signer.
 */
const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%` : '–');
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];



function figuresTable(report: SentReport): Table {
  const eligible = report.figures.templateId === 'chi-doan-dat-chuan' ? 'Chi đoàn địa bàn dân cư' : 'Đoàn cơ sở';
  const header = new TableRow({ tableHeader: true, children: ['Đơn vị', eligible, 'Đã đăng ký', 'Đã công nhận'].map((title) => cell(title, { bold: true, align: AlignmentType.CENTER })) });
  const rows = [...report.figures.rows, report.figures.total].map(
    (row) =>
      new TableRow({
        children: [
          cell(row === report.figures.total ? `Tổng cộng` : row.name, { bold: row === report.figures.total, width: 40 }),
          cell(row.eligible.toLocaleString('vi-VN'), { align: AlignmentType.RIGHT }),
          cell(`${row.registered.toLocaleString('vi-VN')} (${percent(row.registered, row.eligible)})`, { align: AlignmentType.RIGHT }),
          cell(`${row.recognised.toLocaleString('vi-VN')} (${percent(row.recognised, row.eligible)})`, { align: AlignmentType.RIGHT }),
        ],
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function summary(report: SentReport): string {
  const { total, targets } = report.figures;
  const what = report.figures.templateId === 'chi-doan-dat-chuan' ? 'chi đoàn trên địa bàn dân cư' : 'đoàn cơ sở';
  const target = (share?: number) => (share === undefined ? '' : ` (chỉ tiêu ${Math.round(share * 100)}%)`);
  return (
    `Toàn đơn vị có ${total.eligible.toLocaleString('vi-VN')} ${what}; đã đăng ký xây dựng đạt chuẩn ${total.registered.toLocaleString('vi-VN')} ` +
    `(${percent(total.registered, total.eligible)})${target(targets.registrationShare)}; đã được công nhận ${total.recognised.toLocaleString('vi-VN')} ` +
    `(${percent(total.recognised, total.eligible)})${target(targets.recognitionShare)}.`
  );
}


export async function reportDocx(report: SentReport): Promise<Buffer> {
  const definition = REPORTS[report.reportId];
  const year = report.cycleTitle.match(/\d{4}/)?.[0] ?? calendarDate(new Date(report.sentAt)).slice(0, 4);
  const heading = masthead({ name: report.unitName, upperName: report.upperName }, `${report.number || '      '}${report.number.includes('/') ? '' : '-BC/ĐTN'}`, report.place, report.sentAt);
  const body = [
    centred([run('BÁO CÁO', { bold: true, size: 32 })]),
    centred([run(`${definition.subject} năm ${year}`, { bold: true })]),
    centred('-----', 240),
    line([run(`${ROMAN[0]}. SỐ LIỆU`, { bold: true })]),
    line(`Số liệu của hệ thống công nhận tại thời điểm gửi báo cáo (${dateLine(report.place, report.sentAt).split(', ')[1]}).`),
    line(summary(report)),
    figuresTable(report),
    ...definition.sections.flatMap((section, index) => [
      new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(`${ROMAN[index + 1]}. ${section.title.toUpperCase()}`, { bold: true })] }),
      ...(report.narrative[section.id] ?? '').split(/\n+/).filter(Boolean).map((text) => line([run(`\t${text}`)])),
    ]),
  ];
  const signature = signatureBlock([...(report.upperName ? [`BTV ${report.upperName} (b/c)`] : []), 'Lưu VP'], report.signer);
  const document = new Document({
    creator: report.sentBy.name,
    title: `${definition.title} — ${report.unitName}`,
    sections: [{ properties: { page: PAGE }, children: [heading, gap(), ...body, gap(), signature] }],
  });
  return Packer.toBuffer(document);
}
