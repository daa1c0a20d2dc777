import { isMade, MEETING_QUALITIES, type Visit } from './visit.ts';
import { formatCalendarDate } from '../dates.ts';

/** How a visit made reads in the visited unit's history (one not made is no part of it). */
export function visitHistoryLine(visit: Visit, cadreUnitName: string): string | undefined {
  if (!isMade(visit) || !visit.report) return undefined;
  const who = `${visit.cadreName} (${cadreUnitName})`;
  const when = `ngày ${formatCalendarDate(visit.date)}${visit.halfDay ? ', nửa ngày' : ''}`;
  const meeting = visit.report.meeting;
  if (meeting) return `${who} dự sinh hoạt chi đoàn ${when}: ${meeting.membersPresent} đoàn viên dự, chất lượng ${MEETING_QUALITIES[meeting.quality].toLocaleLowerCase('vi')}.`;
  return `${who} về cơ sở ${when}: ${visit.purposeLabel.toLocaleLowerCase('vi')}.`;
}
