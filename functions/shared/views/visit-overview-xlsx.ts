import ExcelJS from 'exceljs';
import { calendarDate, formatCalendarDate } from '../../../domain/dates.ts';
import { slugOf } from '../../../domain/text.ts';
import type { CadreStanding, PlaceStanding } from '../../../domain/visits/overview.ts';

export function visitOverviewFileName(unitName: string, year: number): string {
  return `di-co-so-1-2-${slugOf(unitName)}-${year}.xlsx`;
}

/** The leaders' view of the "1+2" practice, a sheet for the cadres and one for the places. */
export async function visitOverviewXlsx(
  overview: { unit: { name: string }; year: number; programme: { title: string; targetDays: number }; cadres: CadreStanding[]; places: PlaceStanding[] },
  now: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const cadres = workbook.addWorksheet('Cán bộ');
  cadres.addRow([overview.programme.title]).font = { bold: true, size: 13 };
  cadres.addRow([`${overview.unit.name}; số liệu ngày ${formatCalendarDate(calendarDate(now))}; chỉ tiêu ${overview.programme.targetDays} ngày/năm`]);
  cadres.addRow([]);
  cadres.addRow(['Cán bộ', 'Đơn vị', 'Ngày đã đi', 'Ngày theo kế hoạch', 'Chỉ tiêu', 'Cần đạt đến nay', 'Chậm (tháng)', 'Lần đi gần nhất']).font = { bold: true };
  for (const cadre of overview.cadres) {
    cadres.addRow([cadre.name, cadre.unitName, cadre.done, cadre.planned, cadre.target, cadre.pace, cadre.monthsBehind, cadre.lastVisit ? formatCalendarDate(cadre.lastVisit) : 'Chưa đi']);
  }
  cadres.getColumn(1).width = 28;
  cadres.getColumn(2).width = 28;
  for (let column = 3; column <= 8; column++) cadres.getColumn(column).width = 16;

  const places = workbook.addWorksheet('Cơ sở');
  places.addRow(['Đơn vị cấp xã', `Đã có cán bộ về trong năm ${overview.year}`, 'Số chi đoàn đã được về']).font = { bold: true };
  for (const place of overview.places) places.addRow([place.name, place.visited ? 'Có' : 'Chưa', place.branchesVisited]);
  places.getColumn(1).width = 34;
  places.getColumn(2).width = 26;
  places.getColumn(3).width = 22;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
