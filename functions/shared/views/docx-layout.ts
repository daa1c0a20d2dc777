import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { calendarDate } from '../../../domain/dates.ts';

/**
 * The layout a Youth Union office prints (the Central Committee's rules for Đoàn documents, which
 * carry "ĐOÀN TNCS HỒ CHÍ MINH" where state documents carry the national motto): the issuing body
 * and number on the left, the Đoàn's name and the place and date on the right, and the signer
 * block "TM. BAN THƯỜNG VỤ". Times New Roman 14. Shared by the reports and the decisions.
 */
export const FONT = 'Times New Roman';
const SIZE = 28;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export const run = (text: string, options: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: options.size ?? SIZE, bold: options.bold, italics: options.italics, underline: options.underline ? {} : undefined });
export const line = (children: ParagraphChild[] | string, alignment: Alignment = AlignmentType.JUSTIFIED, after = 120) =>
  new Paragraph({ alignment, spacing: { after }, children: typeof children === 'string' ? [run(children)] : children });
export const centred = (children: ParagraphChild[] | string, after = 0) => line(children, AlignmentType.CENTER, after);
export const gap = () => new Paragraph({ spacing: { after: 240 }, children: [] });

/** "Sa Đéc, ngày 05 tháng 06 năm 2027", in Vietnam time. */
export function dateLine(place: string, at: string): string {
  const [year, month, day] = (/^\d{4}-\d{2}-\d{2}$/.test(at) ? at : calendarDate(new Date(at))).split('-');
  return `${place}, ngày ${day} tháng ${month} năm ${year}`;
}

export function cell(text: string, options: { bold?: boolean; width?: number; align?: Alignment } = {}) {
  return new TableCell({
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    children: [new Paragraph({ alignment: options.align ?? AlignmentType.LEFT, children: [run(text, { bold: options.bold, size: 24 })] })],
  });
}

/** Two borderless columns, 45% and 55%: the masthead and the signature block are laid out so. */
export function sideBySide(left: Paragraph[], right: Paragraph[]): Table {
  const column = (size: number, children: Paragraph[]) => new TableCell({ width: { size, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows: [new TableRow({ children: [column(45, left), column(55, right)] })] });
}

/** The issuing body (under its upper level), its number; the Đoàn's name, the place and date. */
export function masthead(issuer: { name: string; upperName?: string }, number: string, place: string, at: string): Table {
  return sideBySide(
    [
      ...(issuer.upperName ? [centred([run(`BCH ${issuer.upperName.toUpperCase()}`, { size: 26 })])] : []),
      centred([run(issuer.name.toUpperCase(), { bold: true, size: 26 })]),
      centred('***'),
      centred(`Số: ${number}`),
    ],
    [centred([run('ĐOÀN TNCS HỒ CHÍ MINH', { bold: true, underline: true, size: 30 })], 240), centred([run(dateLine(place, at), { italics: true })])],
  );
}

/** "Nơi nhận" on the left; on the right the Ban Thường vụ's signature, by its Bí thư or for it by a Phó Bí thư. */
export function signatureBlock(recipients: string[], signer: { name: string; title: string }): Table {
  return sideBySide(
    [new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }), ...recipients.map((recipient, index) => new Paragraph({ children: [run(`- ${recipient}${index === recipients.length - 1 ? '.' : ';'}`, { size: 22 })] }))],
    [
      centred([run('TM. BAN THƯỜNG VỤ', { bold: true })]),
      ...(signer.title === 'Phó Bí thư' ? [centred([run('KT. BÍ THƯ', { bold: true })]), centred([run('PHÓ BÍ THƯ', { bold: true })], 1200)] : [centred([run('BÍ THƯ', { bold: true })], 1200)]),
      centred([run(signer.name, { bold: true })]),
    ],
  );
}

export const PAGE = { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } };
