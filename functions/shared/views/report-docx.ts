import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { calendarDate } from '../../../domain/dates.ts';
import { REPORTS, type SentReport } from '../../../domain/reports/reports.ts';

/**
 * A sent report as a Word document laid out the way a Youth Union office issues one (the
 * Central Committee's rules for Đoàn documents): the issuing body and number on the left,
 * "ĐOÀN TNCS HỒ CHÍ MINH" and the place and date on the right, the title, the figures as they
 * stood when sent, the written parts, "Nơi nhận" and the signer block. Times New Roman 14.
 */
const FONT = 'Times New Roman';
const SIZE = 28;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const run = (text: string, options: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: options.size ?? SIZE, bold: options.bold, italics: options.italics, underline: options.underline ? {} : undefined });
const line = (children: ParagraphChild[] | string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.JUSTIFIED, after = 120) =>
  new Paragraph({ alignment, spacing: { after }, children: typeof children === 'string' ? [run(children)] : children });
const centred = (children: ParagraphChild[] | string, after = 0) => line(children, AlignmentType.CENTER, after);

const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%` : '–');
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

function dateLine(place: string, sentAt: string): string {
  const [year, month, day] = calendarDate(new Date(sentAt)).split('-');
  return `${place}, ngày ${day} tháng ${month} năm ${year}`;
}

function cell(text: string, options: { bold?: boolean; width?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new TableCell({
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    children: [new Paragraph({ alignment: options.align ?? AlignmentType.LEFT, children: [run(text, { bold: options.bold, size: 24 })] })],
  });
}

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

/** Two borderless columns, 45% and 55%: the masthead and the signature block are laid out so. */
function sideBySide(left: Paragraph[], right: Paragraph[]): Table {
  const column = (size: number, children: Paragraph[]) => new TableCell({ width: { size, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows: [new TableRow({ children: [column(45, left), column(55, right)] })] });
}

export async function reportDocx(report: SentReport): Promise<Buffer> {
  const definition = REPORTS[report.reportId];
  const year = report.cycleTitle.match(/\d{4}/)?.[0] ?? calendarDate(new Date(report.sentAt)).slice(0, 4);
  const masthead = sideBySide(
    [
      ...(report.upperName ? [centred([run(`BCH ${report.upperName.toUpperCase()}`, { size: 26 })])] : []),
      centred([run(report.unitName.toUpperCase(), { bold: true, size: 26 })]),
      centred('***'),
      centred(`Số: ${report.number || '      '}${report.number.includes('/') ? '' : '-BC/ĐTN'}`),
    ],
    [centred([run('ĐOÀN TNCS HỒ CHÍ MINH', { bold: true, underline: true, size: 30 })], 240), centred([run(dateLine(report.place, report.sentAt), { italics: true })])],
  );
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
  const signature = sideBySide(
    [
      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
      ...(report.upperName ? [new Paragraph({ children: [run(`- BTV ${report.upperName} (b/c);`, { size: 22 })] })] : []),
      new Paragraph({ children: [run('- Lưu VP.', { size: 22 })] }),
    ],
    [
      centred([run('TM. BAN THƯỜNG VỤ', { bold: true })]),
      ...(report.signer.title === 'Phó Bí thư' ? [centred([run('KT. BÍ THƯ', { bold: true })]), centred([run('PHÓ BÍ THƯ', { bold: true })], 1200)] : [centred([run('BÍ THƯ', { bold: true })], 1200)]),
      centred([run(report.signer.name, { bold: true })]),
    ],
  );
  const document = new Document({
    creator: report.sentBy.name,
    title: `${definition.title} — ${report.unitName}`,
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } }, children: [masthead, new Paragraph({ spacing: { after: 240 }, children: [] }), ...body, new Paragraph({ spacing: { after: 240 }, children: [] }), signature] }],
  });
  return Packer.toBuffer(document);
}
