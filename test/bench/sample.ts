import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { assignAppraisers, type Appraiser } from '../../domain/appraisal/assign.ts';
import { DEFAULT_SAMPLING_RULE, drawSample, type ReportedUnit } from '../../domain/appraisal/draw.ts';
import { generateNationalUnits } from '../support/national-dataset.ts';

/**
 * `npm run bench:sample`: the draw and the assignment for 100,000 reported chi đoàn in 3,321
 * communes with a team of 500 (goal < 2 s, < 300 MB). The national dataset's chi đoàn all
 * reported; one in five appraisers comes from a commune, so conflicts of interest are real.
 */
const units = generateNationalUnits();
const communes = units.filter((unit) => unit.kind === 'commune');
const reported: ReportedUnit[] = units.filter((unit) => unit.kind === 'branch').map((unit) => ({ unitId: unit.unitId, communeId: unit.ancestors.at(-1)! }));
const team: Appraiser[] = Array.from({ length: 500 }, (_, index) => ({
  userId: `thamdinh-${index}`,
  name: `Thẩm định viên ${index}`,
  homeUnitId: index % 5 === 0 ? communes[(index * 7) % communes.length]?.unitId : undefined,
}));

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const started = performance.now();
const draws = drawSample({ seed: randomBytes(32).toString('hex'), cycleId: 'chi-doan-dat-chuan-2027-vn', reported, rule: DEFAULT_SAMPLING_RULE });
const drawn = performance.now();
const sampled = draws.flatMap((draw) => draw.sampled.map((unitId) => ({ unitId, communeId: draw.communeId })));
const assigned = assignAppraisers(sampled, team);
const finished = performance.now();
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const loads = new Map<string, number>();
const communesOf = new Map<string, Set<string>>();
for (const unit of sampled) {
  const userId = assigned.get(unit.unitId)!;
  loads.set(userId, (loads.get(userId) ?? 0) + 1);
  communesOf.set(userId, (communesOf.get(userId) ?? new Set()).add(unit.communeId));
}
const homeOf = new Map(team.map((member) => [member.userId, member.homeUnitId]));
const conflicts = sampled.filter((unit) => homeOf.get(assigned.get(unit.unitId)!) === unit.communeId).length;
const visits = [...communesOf.values()].map((set) => set.size);

console.info(`Reported chi đoàn:         ${reported.length.toLocaleString('vi-VN')} in ${draws.length.toLocaleString('vi-VN')} communes`);
console.info(`Sampled (30%, ≥1/commune): ${sampled.length.toLocaleString('vi-VN')}`);
console.info(`Draw:                      ${((drawn - started) / 1000).toFixed(3)} s`);
console.info(`Assignment (500 members):  ${((finished - drawn) / 1000).toFixed(3)} s`);
console.info(`Total:                     ${((finished - started) / 1000).toFixed(3)} s   (goal < 2 s)`);
console.info(`Peak RSS:                  ${(peakRss / 2 ** 20).toFixed(0)} MB   (goal < 300 MB; heap grew ${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MB)`);
console.info(`Loads:                     ${Math.min(...loads.values())}–${Math.max(...loads.values())} chi đoàn per appraiser`);
console.info(`Communes per appraiser:    mean ${(visits.reduce((a, b) => a + b, 0) / visits.length).toFixed(1)}, max ${Math.max(...visits)} (of ${draws.length} communes)`);
console.info(`Conflicts of interest:     ${conflicts}`);
const figures = {
  seconds: Number(((finished - started) / 1000).toFixed(3)),
  peakMb: Math.round(peakRss / 2 ** 20),
  minLoad: Math.min(...loads.values()),
  maxLoad: Math.max(...loads.values()),
  conflicts,
};
const goals = { seconds: 2, peakMb: 300, conflicts: 0 };
console.info(JSON.stringify({ bench: 'sample', figures, goals, met: figures.seconds < goals.seconds && figures.peakMb < goals.peakMb && figures.conflicts === goals.conflicts }));
