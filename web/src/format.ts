export { formatDateTime } from '../../domain/dates.ts';
