import * as z from 'zod';

/**
 * Units of the Youth Union, in a tree of any depth. Each unit knows its direct upper level
 * (cấp trên trực tiếp) and its ancestors, root first, so "is this unit mine or below mine" is one
 * look at the unit, whatever the depth: 2018's province → district → commune → chi đoàn and
 * 2025's province → commune → chi đoàn both work.
 */
export const UNIT_KINDS = ['central', 'province', 'district', 'commune', 'grassroots', 'branch'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const unitIdSchema = z
  .string({ error: 'Thiếu mã đơn vị.' })
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu gạch ngang (2–63 ký tự).' });

export const unitSchema = z.object({
  unitId: unitIdSchema,
  name: z.string({ error: 'Thiếu tên đơn vị.' }).trim().min(2, { error: 'Tên đơn vị quá ngắn.' }).max(120, { error: 'Tên đơn vị dài tối đa 120 ký tự.' }),
  kind: z.enum(UNIT_KINDS, { error: 'Loại đơn vị không hợp lệ.' }),
  parentId: unitIdSchema.optional(),
  /** A chi đoàn on a residential area (thôn, ấp, khóm): the ones Model A counts. */
  residential: z.boolean().default(false),
  leaderEmails: z.array(z.email({ error: 'Email lãnh đạo không hợp lệ.' })).max(5).default([]),
});
export type UnitInput = z.input<typeof unitSchema>;

export interface Unit extends z.infer<typeof unitSchema> {
  /** Every unit above this one, root first; the last is the direct upper level. */
  ancestors: string[];
}

const vietnamese = new Intl.Collator('vi');

/** Vietnamese alphabetical order (a < ă < â …, Thạnh before Thuận), which byte order is not. */
export function byName(a: { name: string }, b: { name: string }): number {
  return vietnamese.compare(a.name, b.name);
}

export function isSameOrBelow(unit: Pick<Unit, 'unitId' | 'ancestors'>, viewerUnitId: string): boolean {
  return unit.unitId === viewerUnitId || unit.ancestors.includes(viewerUnitId);
}

/** The unit that recognises, appraises or is escalated to: never a fixed level. */
export function directUpperLevel(unit: Pick<Unit, 'ancestors'>): string | undefined {
  return unit.ancestors.at(-1);
}

/**
 * Places new units under parents that exist (already stored, or earlier in the same batch),
 * computing ancestors; refuses unknown parents, duplicates and cycles, naming the row.
 */
export function placeUnits(
  inputs: z.infer<typeof unitSchema>[],
  existing: ReadonlyMap<string, Pick<Unit, 'unitId' | 'ancestors'>>,
): { units: Unit[]; problems: { index: number; message: string }[] } {
  const placed = new Map<string, Unit>();
  const problems: { index: number; message: string }[] = [];
  const byId = new Map(inputs.map((input, index) => [input.unitId, { input, index }]));
  if (byId.size !== inputs.length) {
    const seen = new Set<string>();
    inputs.forEach((input, index) => {
      if (seen.has(input.unitId)) problems.push({ index, message: `Mã đơn vị "${input.unitId}" bị trùng trong tệp.` });
      seen.add(input.unitId);
    });
  }

  const resolve = (unitId: string, trail: Set<string>): string[] | undefined => {
    const done = placed.get(unitId) ?? existing.get(unitId);
    if (done) return [...done.ancestors, unitId];
    const entry = byId.get(unitId);
    if (!entry || trail.has(unitId)) return undefined;
    trail.add(unitId);
    const parentPath = entry.input.parentId ? resolve(entry.input.parentId, trail) : [];
    if (!parentPath) return undefined;
    placed.set(unitId, { ...entry.input, ancestors: parentPath });
    return [...parentPath, unitId];
  };

  inputs.forEach((input, index) => {
    if (placed.has(input.unitId)) return;
    if (input.parentId && !resolve(input.parentId, new Set([input.unitId]))) {
      const why = byId.has(input.parentId) ? 'tạo thành vòng lặp hoặc không hợp lệ' : 'không tồn tại';
      problems.push({ index, message: `Đơn vị cấp trên "${input.parentId}" ${why}.` });
      return;
    }
    resolve(input.unitId, new Set());
  });
  return { units: [...placed.values()], problems };
}
