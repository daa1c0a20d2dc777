import { ENV } from '../../../functions/shared/env-names.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../dynamodb.ts';
import { DEFAULT_PORTS, LOCAL_TABLE_NAME } from '../stack.ts';

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
if (!process.env[ENV.tableName]) {
  Object.assign(process.env, {
    [ENV.tableName]: LOCAL_TABLE_NAME,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${DEFAULT_PORTS.dynamodb}`,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  });
}

const { listAudit } = await import('../../../functions/shared/process.ts');
const { verifyChain } = await import('../../../domain/process/audit.ts');
const { formatDateTime } = await import('../../../domain/dates.ts');

let broken = 0;
for (const unitId of unitIds) {
  let entries;
  try {
    entries = await listAudit(unitId);
  } catch (error) {
    console.error(`Cannot read the table (${(error as Error).name}). Is the local stack running? Start it with \`npm start\`.`);
    process.exit(2);
  }
  const verdict = verifyChain(entries);
  console.info(`\n${unitId}: ${entries.length} mục — ${verdict.valid ? 'chuỗi toàn vẹn ✓' : `HỎNG ở mục ${verdict.broken?.seq}: ${verdict.broken?.reason}`}`);
  for (const entry of entries) console.info(`  ${String(entry.seq).padStart(3)}  ${formatDateTime(entry.at)}  ${entry.actor.name}: ${entry.summary}  ${entry.hash.slice(0, 12)}…`);
  if (!verdict.valid) broken++;
}
process.exit(broken > 0 ? 1 : 0);
