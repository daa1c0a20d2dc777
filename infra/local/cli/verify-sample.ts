import { NOT_RUNNING, useLocalTableUnlessConfigured } from './local-env.ts';

/**
 * npm run verify-sample -- <cycleId> [upperUnitId…]: recomputes each upper level's appraisal
 * draw from its revealed seed and the public list of reported chi đoàn, and compares it with the
 * stored sample, commune by commune. Without unit ids, every draw of the cycle. Exit 1 on any
 * mismatch (or a seed that does not match its commitment).
 */
const [cycleId, ...upperUnitIds] = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
if (!cycleId) {
  console.error('Usage: npm run verify-sample -- <cycleId> [upperUnitId…]   e.g. chi-doan-dat-chuan-2027-dong-thap sadec');
  process.exit(2);
}
useLocalTableUnlessConfigured();

const { getDraw, listDrawsOfCycle, listSamples } = await import('../../../functions/shared/store/appraisals.ts');
const { verifyDraw, ticketOf } = await import('../../../domain/appraisal/draw.ts');
const { formatDateTime } = await import('../../../domain/dates.ts');

let draws;
try {
  draws = upperUnitIds.length > 0 ? (await Promise.all(upperUnitIds.map((unitId) => getDraw(cycleId, unitId)))).filter((draw) => draw !== undefined) : await listDrawsOfCycle(cycleId);
} catch (error) {
  console.error(`Cannot read the table (${(error as Error).name}). ${NOT_RUNNING}`);
  process.exit(2);
}
if (draws.length === 0) {
  console.error(`No appraisal draw found for ${cycleId}${upperUnitIds.length > 0 ? ` / ${upperUnitIds.join(', ')}` : ''}.`);
  process.exit(1);
}

let failed = 0;
for (const draw of draws) {
  console.info(`\n${draw.cycleId} / ${draw.upperUnitId}`);
  console.info(`  Mã cam kết (SHA-256 của hạt giống): ${draw.commitment}  (${formatDateTime(draw.openedAt)})`);
  if (draw.status !== 'drawn' || !draw.seed) {
    console.info(`  Chưa rút mẫu (${draw.status}): chưa có gì để kiểm tra.`);
    continue;
  }
  const communes = await listSamples(draw.cycleId, draw.upperUnitId);
  const verdict = verifyDraw({ seed: draw.seed, commitment: draw.commitment, cycleId: draw.cycleId, rule: draw.rule, communes });
  console.info(`  Hạt giống: ${draw.seed}  — ${verdict.commitmentMatches ? 'khớp mã cam kết ✓' : 'KHÔNG khớp mã cam kết ✗'}`);
  console.info(`  Quy tắc: ${Math.round(draw.rule.rate * 100)}% làm tròn lên, tối thiểu ${draw.rule.minimum}${draw.rule.statistical ? ', cỡ mẫu thống kê' : ''}`);
  for (const commune of verdict.recomputed) {
    const ok = !verdict.mismatches.includes(commune.communeId);
    const tickets = commune.sampled.map((unitId) => `${unitId} (${ticketOf(draw.seed!, draw.cycleId, unitId).slice(0, 8)}…)`).join(', ');
    console.info(`  ${ok ? '✓' : '✗'} ${commune.communeId}: ${commune.sampled.length}/${commune.reported.length} — ${tickets}`);
  }
  const good = verdict.commitmentMatches && verdict.mismatches.length === 0;
  console.info(`  ${good ? `KHỚP: mẫu của cả ${communes.length} xã đúng như tính lại.` : `KHÔNG KHỚP ở: ${verdict.mismatches.join(', ') || 'hạt giống'}`}`);
  if (!good) failed++;
}
process.exit(failed > 0 ? 1 : 0);
