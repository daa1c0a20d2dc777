import type { Unit } from '../../domain/organisation.ts';

/**
 * A national-scale organisation for benchmarks: 34 provinces, 3,321 communes, 100,000 chi đoàn
 * (the 2025 layout: province → commune → chi đoàn), the same for the same seed. Names are made
 * up from common place-name syllables; sizes vary like real communes do.
 */
export interface NationalShape {
  provinces: number;
  communes: number;
  branches: number;
  /** Share of chi đoàn that are residential (thôn, ấp, khóm); the rest are in agencies, schools… */
  residentialShare: number;
}

export const NATIONAL: NationalShape = { provinces: 34, communes: 3321, branches: 100_000, residentialShare: 0.85 };

const SYLLABLES = ['An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Long', 'Thạnh', 'Mỹ', 'Khánh', 'Thuận', 'Phước', 'Đông', 'Tây', 'Hưng', 'Lợi', 'Định'];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` into `parts` whole numbers around the mean, summing exactly to `total`. */
function split(total: number, parts: number, next: () => number): number[] {
  const weights = Array.from({ length: parts }, () => 0.4 + next() * 1.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % parts) {
    const step = rest > 0 ? 1 : sizes[i]! > 1 ? -1 : 0;
    sizes[i]! += step;
    rest -= step;
  }
  return sizes;
}

export function generateNationalUnits(seed = 2027, shape: NationalShape = NATIONAL): Unit[] {
  const next = random(seed);
  const name = () => `${SYLLABLES[Math.floor(next() * SYLLABLES.length)]} ${SYLLABLES[Math.floor(next() * SYLLABLES.length)]}`;
  const units: Unit[] = [];
  const communesPerProvince = split(shape.communes, shape.provinces, next);
  const branchesPerCommune = split(shape.branches, shape.communes, next);
  let commune = 0;
  communesPerProvince.forEach((communeCount, p) => {
    const provinceId = `tinh-${String(p + 1).padStart(2, '0')}`;
    units.push({ unitId: provinceId, name: `Tỉnh Đoàn ${name()} ${p + 1}`, kind: 'province', residential: false, leaderEmails: [`bithu@${provinceId}.doan.example`], ancestors: [] });
    for (let c = 0; c < communeCount; c++, commune++) {
      const communeId = `${provinceId}-xa-${String(c + 1).padStart(3, '0')}`;
      units.push({
        unitId: communeId,
        name: `Đoàn xã ${name()}`,
        kind: 'commune',
        parentId: provinceId,
        residential: false,
        leaderEmails: [`bithu@${communeId}.doan.example`],
        ancestors: [provinceId],
      });
      for (let b = 0; b < branchesPerCommune[commune]!; b++) {
        const residential = next() < shape.residentialShare;
        units.push({
          unitId: `${communeId}-cd-${String(b + 1).padStart(3, '0')}`,
          name: residential ? `Chi đoàn ấp ${name()}` : `Chi đoàn ${name()}`,
          kind: 'branch',
          parentId: communeId,
          residential,
          leaderEmails: [],
          ancestors: [provinceId, communeId],
        });
      }
    }
  });
  return units;
}
