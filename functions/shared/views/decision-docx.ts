import { AlignmentType, Document, Packer, Table, TableRow, WidthType } from 'docx';
import { formatCalendarDate } from '../../../domain/dates.ts';
import { COMMENDATIONS, decisionTitle, type BoardDecision } from '../../../domain/process/board-decisions.ts';
import { slugOf } from '../../../domain/text.ts';
import { cell, centred, gap, line, masthead, PAGE, run, signatureBlock } from './docx-layout.ts';

/** Counts in a decision read as the seed writes them: "05 đơn vị". */
const twoDigits = (count: number) => String(count).padStart(2, '0');

export function decisionFileName(decision: BoardDecision): string {
  return `quyet-dinh-${decision.sequence}-${decision.year}-${slugOf(decision.issuer.name)}.docx`;
}

const PROGRAMME: Record<string, string> = {
  'chi-doan-dat-chuan': 'xây dựng chi đoàn khu vực nông thôn, đô thị trên địa bàn dân cư đạt chuẩn',
  'doan-co-so-3-chu-dong': 'xây dựng Đoàn cơ sở "3 chủ động"',
};

function unitsTable(decision: BoardDecision): Table {
  const commended = decision.units.some((unit) => unit.commendation);
  const titles = ['STT', 'Đơn vị', 'Thuộc', ...(commended ? ['Khen thưởng'] : [])];
  const header = new TableRow({ tableHeader: true, children: titles.map((title) => cell(title, { bold: true, align: AlignmentType.CENTER })) });
  const rows = decision.units.map(
    (unit, index) =>
      new TableRow({
        children: [
          cell(String(index + 1), { align: AlignmentType.CENTER, width: 8 }),
          cell(unit.name, { width: 40 }),
          cell(unit.parentName ?? decision.issuer.name, { width: 32 }),
          ...(commended ? [cell(unit.commendation ? COMMENDATIONS[unit.commendation] : '', { width: 20 })] : []),
        ],
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

/** Article 1 in words: what is decided, for how many units, as listed. */
function firstArticle(decision: BoardDecision): string {
  const what = decision.templateId === 'chi-doan-dat-chuan' ? 'chi đoàn' : 'Đoàn cơ sở';
  const count = `${twoDigits(decision.units.length)} ${what}`;
  const listed = 'có tên trong danh sách dưới đây';
  if (decision.action === 'recognise') return `Công nhận ${count} ${listed} đạt chuẩn ${decision.templateId === 'chi-doan-dat-chuan' ? 'trên địa bàn dân cư' : '"3 chủ động"'} năm ${decision.cycleYear}.`;
  if (decision.action === 'reject') return `Không công nhận ${count} ${listed}. Lý do: ${decision.reason ?? ''}`;
  return `Thu hồi quyết định công nhận đối với ${count} ${listed}. Lý do: ${decision.reason ?? ''}`;
}

/**
 * A numbered decision of the Ban Thường vụ as the Word document an office prints and stamps: the
 * masthead, "QUYẾT ĐỊNH" and its title, the grounds, the articles with the units as a table (and
 * the commendation of each), "Nơi nhận" and the signer.
 */
export async function decisionDocx(decision: BoardDecision): Promise<Buffer> {
  const awarded = decision.units.filter((unit) => unit.commendation && unit.commendation !== 'tuyen-duong');
  const praised = decision.units.filter((unit) => unit.commendation === 'tuyen-duong');
  const forms = [...new Set(awarded.map((unit) => COMMENDATIONS[unit.commendation!]))];
  const articles: string[] = [];
  if (awarded.length > 0) {
    articles.push(`Tặng ${forms.join(', ')} của Ban Thường vụ ${decision.issuer.name} cho ${twoDigits(awarded.length)} đơn vị có thành tích xuất sắc (cột "Khen thưởng" trong danh sách tại Điều 1).`);
  }
  if (praised.length > 0) {
    articles.push(`Tuyên dương ${twoDigits(praised.length)} Đoàn cơ sở "3 chủ động" tiêu biểu (cột "Khen thưởng" ghi "Tuyên dương" trong danh sách tại Điều 1).`);
  }
  articles.push(`Quyết định có hiệu lực kể từ ngày ký. Bộ phận Xây dựng Đoàn, các đơn vị có tên tại Điều 1 và các đơn vị liên quan căn cứ quyết định thi hành.`);
  const children = [
    masthead({ name: decision.issuer.name, upperName: decision.issuer.parentName }, decision.number, decision.place, decision.date),
    gap(),
    centred([run('QUYẾT ĐỊNH', { bold: true, size: 32 })]),
    centred([run(decisionTitle(decision.action, decision.templateId, decision.cycleYear), { bold: true })]),
    centred('-----', 240),
    centred([run(`BAN THƯỜNG VỤ ${decision.issuer.name.toUpperCase()}`, { bold: true })], 240),
    line([run('\t- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;', { italics: true })]),
    line([run(`\t- Căn cứ hướng dẫn ${PROGRAMME[decision.templateId] ?? ''} của Ban Bí thư Trung ương Đoàn;`, { italics: true })]),
    line([run(`\t- Xét tờ trình của bộ phận Xây dựng Đoàn${decision.action === 'recognise' ? ' và kết quả thẩm định' : ''},`, { italics: true })], AlignmentType.JUSTIFIED, 240),
    centred([run('QUYẾT ĐỊNH:', { bold: true })], 240),
    line([run('\tĐiều 1. ', { bold: true }), run(firstArticle(decision))]),
    unitsTable(decision),
    ...articles.map((text, index) => line([run(`\tĐiều ${index + 2}. `, { bold: true }), run(text)])),
    gap(),
    signatureBlock([`Như Điều ${articles.length + 1}`, ...(decision.issuer.parentName ? [`BTV ${decision.issuer.parentName} (b/c)`] : []), 'Lưu VP'], decision.signer),
  ];
  const document = new Document({
    creator: decision.approvedBy.name,
    title: `Quyết định số ${decision.number} ngày ${formatCalendarDate(decision.date)}`,
    sections: [{ properties: { page: PAGE }, children }],
  });
  return Packer.toBuffer(document);
}
