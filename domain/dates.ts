/** Deadlines and displayed dates are in Vietnam's time zone, whatever the server's zone is. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const dayMonthYearTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2027-02-10T03:00:00Z" → "10/02/2027" (Vietnam time). */
export function formatDate(instant: Date | string): string {
  return dayMonthYear.format(new Date(instant));
}

/** "2027-02-10T03:00:00Z" → "10/02/2027 10:00" (Vietnam time). */
export function formatDateTime(instant: Date | string): string {
  return dayMonthYearTime.format(new Date(instant)).replace(',', '');
}

/** A calendar date "yyyy-mm-dd" as the user reads it: "dd/mm/yyyy". */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** The calendar date (yyyy-mm-dd) at the given instant in a time zone, Vietnam's by default. */
export function calendarDate(instant: Date, timeZone = VIETNAM_TIME_ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Vietnam: +7 h, no DST). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows `isoDate` `hour`:`minute`. */
export function zonedInstant(isoDate: string, hour: number, minute: number, timeZone = VIETNAM_TIME_ZONE): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  return new Date(wallClockAsUtc - zoneOffsetMs(wallClockAsUtc, timeZone));
}

/** "yyyy-mm-dd" plus `days`. */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * "15/07/2027" (or "5/7/2027") → "2027-07-15"; undefined unless it is a real calendar date.
 * The inverse of formatCalendarDate, for what people type.
 */
export function parseCalendarDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The Monday (yyyy-mm-dd) of the Vietnam-time week an instant falls in. */
export function weekOf(instant: Date): string {
  const date = calendarDate(instant);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}
