import { describe, expect, it } from 'vitest';
import { placeUnits, unitSchema } from '../../domain/organisation.ts';
import { generateNationalUnits, NATIONAL } from '../support/national-dataset.ts';

describe('generateNationalUnits', () => {
  const units = generateNationalUnits();

  it('has exactly 34 provinces, 3,321 communes and 100,000 chi đoàn', () => {
    const count = (kind: string) => units.filter((unit) => unit.kind === kind).length;
    expect([count('province'), count('commune'), count('branch')]).toEqual([NATIONAL.provinces, NATIONAL.communes, NATIONAL.branches]);
  });

  it('is a valid tree that placeUnits accepts, with the ancestors it computes', () => {
    const inputs = units.map(({ ancestors: _ancestors, ...unit }) => unitSchema.parse(unit));
    const { units: placed, problems } = placeUnits(inputs, new Map());
    expect(problems).toEqual([]);
    const byId = new Map(placed.map((unit) => [unit.unitId, unit.ancestors]));
    expect(units.every((unit) => JSON.stringify(byId.get(unit.unitId)) === JSON.stringify(unit.ancestors))).toBe(true);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateNationalUnits(2027).slice(0, 50)).toEqual(units.slice(0, 50));
    expect(generateNationalUnits(7).map((unit) => unit.name).slice(0, 50)).not.toEqual(units.map((unit) => unit.name).slice(0, 50));
  });
});
