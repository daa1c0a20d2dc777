import { NOT_RUNNING, useLocalTableUnlessConfigured } from './local-env.ts';

/**
 * npm run verify-audit -- <unitId> [more unit ids]: checks each unit's hash-chained history.
 * Against the running local stack by default; against AWS when TABLE_NAME (and AWS credentials)
 * are set in the environment, with the same code the API uses.
 */
const unitIds = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
if (unitIds.length === 0) {
  console.error('Usage: npm run verify-audit -- <unitId> [unitId…]   e.g. sadec-tan-phu-dong-ap-phu-thuan');
  process.exit(2);
}
useLocalTableUnlessConfigured();

const { listAudit } = await import('../../../functions/shared/store/process.ts');
const { verifyChain } = await import('../../../domain/process/audit.ts');
const { formatDateTime } = await import('../../../domain/dates.ts');

let broken = 0;
for (const unitId of unitIds) {
  let entries;
  try {
    entries = await listAudit(unitId);
  } catch (error) {
    console.error(`Cannot read the table (${(error as Error).name}). ${NOT_RUNNING}`);
    process.exit(2);
  }
  const verdict = verifyChain(entries);
  console.info(`\n${unitId}: ${entries.length} mục — ${verdict.valid ? 'chuỗi toàn vẹn ✓' : `HỎNG ở mục ${verdict.broken?.seq}: ${verdict.broken?.reason}`}`);
  for (const entry of entries) console.info(`  ${String(entry.seq).padStart(3)}  ${formatDateTime(entry.at)}  ${entry.actor.name}: ${entry.summary}  ${entry.hash.slice(0, 12)}…`);
  if (!verdict.valid) broken++;
}
process.exit(broken > 0 ? 1 : 0);
