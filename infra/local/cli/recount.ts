import { NOT_RUNNING, useLocalTableUnlessConfigured } from './local-env.ts';

/**
 * npm run recount: rebuilds the dashboard's tallies and counts from the units, standings and
 * reports themselves. For data written before the dashboard existed, or after a restore. It reads
 * the whole table (a Scan: an operator's tool, never a request path) and should run while nobody
 * is deciding, as a maintenance step. Local by default; AWS with TABLE_NAME set.
 */
useLocalTableUnlessConfigured();
const { rebuildDashboards } = await import('../recount.ts');
try {
  const rebuilt = await rebuildDashboards();
  console.info(`Đã tính lại: ${rebuilt.units.toLocaleString('vi-VN')} đơn vị, ${rebuilt.standings.toLocaleString('vi-VN')} vị trí trong các đợt, ${rebuilt.reports.toLocaleString('vi-VN')} báo cáo; ${rebuilt.items.toLocaleString('vi-VN')} mục tổng hợp được ghi lại.`);
} catch (error) {
  console.error(`Cannot read the table (${(error as Error).name}). ${NOT_RUNNING}`);
  process.exit(2);
}
