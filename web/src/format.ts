export { formatCalendarDate, formatDateTime } from '../../domain/dates.ts';
