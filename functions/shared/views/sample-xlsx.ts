import ExcelJS from 'exceljs';
import type { Assignment, CommuneSample } from '../../../domain/appraisal/records.ts';
import { calendarDate, formatCalendarDate } from '../../../domain/dates.ts';
import { slugOf } from '../../../domain/text.ts';

const FINDINGS: Record<string, string> = { verified: 'Đúng như hồ sơ', failed: 'Không đúng như hồ sơ' };

export function sampleFileName(upperName: string, now: Date): string {
  return `mau-tham-dinh-${slugOf(upperName)}-${formatCalendarDate(calendarDate(now)).replace(/\//g, '-')}.xlsx`;
}

/**
 * The appraisal sample and its findings: a sheet per commune's totals, then each chi đoàn drawn
 * (or added when its commune's sample was widened) with its appraiser, due date and finding.
 */
export async function sampleXlsx(
  draw: { cycleTitle: string; upperName: string; drawnAt?: string },
  communes: CommuneSample[],
  assignments: Assignment[],
  now: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('Theo xã');
  summary.addRow([`${draw.cycleTitle}: mẫu thẩm định của ${draw.upperName}`]).font = { bold: true, size: 13 };
  summary.addRow([`Rút mẫu ngày ${draw.drawnAt ? formatCalendarDate(calendarDate(new Date(draw.drawnAt))) : '—'}; số liệu ngày ${formatCalendarDate(calendarDate(now))}`]);
  summary.addRow([]);
  summary.addRow(['Đơn vị cấp xã', 'Chi đoàn đã báo cáo', 'Rút mẫu', 'Mở rộng mẫu', 'Đúng như hồ sơ', 'Không đúng như hồ sơ', 'Chưa thẩm định']).font = { bold: true };
  for (const commune of communes) {
    const drawn = [...commune.sampled, ...(commune.widened ?? [])];
    const outcomes = drawn.map((unitId) => commune.results[unitId]);
    summary.addRow([
      commune.communeName,
      commune.reported.length,
      commune.sampled.length,
      commune.widened?.length ?? 0,
      outcomes.filter((outcome) => outcome === 'verified').length,
      outcomes.filter((outcome) => outcome === 'failed').length,
      outcomes.filter((outcome) => !outcome).length,
    ]);
  }
  summary.getColumn(1).width = 34;
  for (let column = 2; column <= 7; column++) summary.getColumn(column).width = 16;

  const list = workbook.addWorksheet('Chi đoàn trong mẫu');
  list.addRow(['Đơn vị cấp xã', 'Chi đoàn', 'Vòng', 'Người thẩm định', 'Hạn thẩm định', 'Kết quả']).font = { bold: true };
  const byUnit = new Map(assignments.map((assignment) => [assignment.unitId, assignment]));
  for (const commune of communes) {
    for (const unitId of [...commune.sampled, ...(commune.widened ?? [])]) {
      const assignment = byUnit.get(unitId);
      const outcome = commune.results[unitId] ?? assignment?.outcome;
      list.addRow([
        commune.communeName,
        assignment?.unitName ?? unitId,
        assignment?.round === 2 ? 'Mở rộng' : 'Rút mẫu',
        assignment?.appraiserName ?? '',
        assignment ? formatCalendarDate(assignment.dueDate) : '',
        outcome ? FINDINGS[outcome] : 'Chưa thẩm định',
      ]);
    }
  }
  list.getColumn(1).width = 30;
  list.getColumn(2).width = 30;
  list.getColumn(4).width = 24;
  list.getColumn(5).width = 14;
  list.getColumn(6).width = 22;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
