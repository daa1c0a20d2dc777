import { performance } from 'node:perf_hooks';
import { countDeltas, type StateChange } from '../../domain/dashboard/tallies.ts';
import type { Unit } from '../../domain/organisation.ts';
import type { StandingState } from '../../domain/process/states.ts';
import { createCycle } from '../../domain/recognition/cycles.ts';
import { dynamo } from '../../functions/shared/config/config.ts';
import { provisionAccount } from '../../functions/shared/dispatch/sign-in-accounts.ts';
import { storeCycle } from '../../functions/shared/store/cycles.ts';
import { keys } from '../../functions/shared/store/keys.ts';
import { batchPutItems } from '../../functions/shared/store/table.ts';
import { applyDeltas } from '../../functions/shared/store/tallies.ts';
import { putUnits } from '../../functions/shared/store/units.ts';
import { putUsers } from '../../functions/shared/store/users.ts';
import { TestStack } from '../support/local-stack.ts';
import { generateNationalUnits } from '../support/national-dataset.ts';

/**
 * npm run bench:dashboard — prints, never asserts. The national dataset (100,000 chi đoàn in
 * 3,321 communes of 34 provinces, under the Central Committee) a year into a Model A cycle:
 * most chi đoàn registered, many recognised, some refused or revoked. The national and a
 * province's dashboard are asked for through the API as their leaders: items read per request
 * and latency. Goals: items read ≤ rows shown + 2, under 300 ms. BENCH_BRANCHES scales it.
 */
const log = (line: string) => console.info(line);

let itemsRead = 0;
dynamo().middlewareStack.add(
  (next) => async (args) => {
    const result = await next(args);
    const output = result.output as { Items?: unknown[]; Item?: unknown; Responses?: Record<string, unknown[]> };
    itemsRead += output.Items?.length ?? (output.Item ? 1 : 0) + Object.values(output.Responses ?? {}).reduce((sum, list) => sum + list.length, 0);
    return result;
  },
  { step: 'initialize', name: 'countItemsRead' },
);

/** A year's mix: what share of residential chi đoàn stand where. */
const MIX: [StandingState, number][] = [
  ['registered', 0.2],
  ['criteria-failed', 0.05],
  ['awaiting-confirmation', 0.05],
  ['returned', 0.02],
  ['confirmed', 0.05],
  ['reported', 0.08],
  ['recognised', 0.4],
  ['not-recognised', 0.03],
  ['revoked', 0.02],
];

function stateFor(index: number): StandingState | undefined {
  let at = ((index * 7919) % 1000) / 1000;
  for (const [state, share] of MIX) {
    if (at < share) return state;
    at -= share;
  }
  return undefined;
}

const local = await TestStack.start();
try {
  const branchCount = Number(process.env.BENCH_BRANCHES ?? 100_000);
  const shape = { provinces: 34, communes: Math.min(3321, Math.max(34, Math.floor(branchCount / 30))), branches: branchCount, residentialShare: 0.85 };
  const central: Unit = { unitId: 'trung-uong', name: 'Trung ương Đoàn', kind: 'central', residential: false, leaderEmails: [], ancestors: [] };
  const units: Unit[] = [central, ...generateNationalUnits(2027, shape).map((unit) => ({ ...unit, parentId: unit.parentId ?? central.unitId, ancestors: [central.unitId, ...unit.ancestors] }))];
  log(`Loading ${units.length.toLocaleString('vi-VN')} units and their tallies…`);
  await putUnits(units);
  const request = { templateId: 'chi-doan-dat-chuan' as const, year: 2027, scopeUnitId: central.unitId };
  const { cycle } = await storeCycle(createCycle(request, 'bench', new Date()), request);

  const changes: StateChange[] = [];
  const standings = units
    .filter((unit) => unit.kind === 'branch' && unit.residential)
    .flatMap((unit, index) => {
      const state = stateFor(index);
      if (!state) return [];
      changes.push({ unitId: unit.unitId, ancestors: unit.ancestors, after: state });
      return [{ ...keys.standing(cycle.cycleId, unit.unitId), cycleId: cycle.cycleId, unitId: unit.unitId, templateId: cycle.templateId, state, version: 1, updatedAt: new Date().toISOString(), parentId: unit.parentId }];
    });
  log(`Loading ${standings.length.toLocaleString('vi-VN')} standings and their counts…`);
  await batchPutItems(standings);
  await applyDeltas(countDeltas(changes), (unitId) => keys.counts(cycle.cycleId, unitId));

  const province = units.find((unit) => unit.kind === 'province')!;
  const leaders = [
    { userId: 'bithu-trunguong', name: 'Bí thư Trung ương', email: 'bithu@trunguong.doan.example', roles: ['leader' as const], unitId: central.unitId },
    { userId: 'bithu-tinh', name: 'Bí thư Tỉnh Đoàn', email: `bithu@${province.unitId}.doan.example`, roles: ['leader' as const], unitId: province.unitId },
  ];
  await putUsers(leaders);
  for (const leader of leaders) await provisionAccount(leader, { invite: false });

  const measure = async (label: string, token: string, unitId: string) => {
    const path = `/api/dashboard/${cycle.cycleId}/${unitId}`;
    await local.api('GET', path, token);
    const latencies: number[] = [];
    let reads = 0;
    let rows = 0;
    for (let round = 0; round < 30; round++) {
      itemsRead = 0;
      const started = performance.now();
      const answer = await local.api<{ rows: unknown[] }>('GET', path, token);
      latencies.push(performance.now() - started);
      reads = Math.max(reads, itemsRead);
      rows = answer.body.rows.length + 1;
    }
    latencies.sort((a, b) => a - b);
    const p50 = latencies[15]!;
    const p95 = latencies[28]!;
    log(`${label.padEnd(28)} ${rows} rows shown, ${reads} items read, p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    return { rows, reads, p50: Number(p50.toFixed(1)), p95: Number(p95.toFixed(1)) };
  };
  const national = await measure('National dashboard:', await local.signIn('bithu-trunguong'), central.unitId);
  const provincial = await measure(`${province.name}:`, await local.signIn('bithu-tinh'), province.unitId);
  const excelStarted = performance.now();
  await fetch(`${local.stack.urls.app}/api/dashboard/${cycle.cycleId}/${province.unitId}?format=xlsx`, { headers: { authorization: `Bearer ${await local.signIn('bithu-tinh')}` } }).then((response) => response.arrayBuffer());
  const excelMs = performance.now() - excelStarted;
  log(`Province as Excel:           ${excelMs.toFixed(0)} ms`);

  const figures = { branches: branchCount, standings: standings.length, national, province: provincial, excelMs: Math.round(excelMs) };
  const goals = { itemsRead: 'rows shown + 2', p50Ms: 300 };
  const met = [national, provincial].every((run) => run.reads <= run.rows + 2 && run.p50 < goals.p50Ms);
  console.info(JSON.stringify({ bench: 'dashboard', figures, goals, met }));
} finally {
  await local.stop();
}
