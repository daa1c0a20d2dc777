import { useEffect, useState } from 'react';
import { ApiError, request } from '../api.ts';

interface UnitOption {
  unitId: string;
  name: string;
}

/**
 * A unit below the user's own, chosen level by level (the district, then the commune, then the
 * chi đoàn), each list read from the directory when the level above is chosen. The deepest level
 * chosen is the unit.
 */
export function UnitPicker({ rootUnitId, onChange }: { rootUnitId: string; onChange: (unit: UnitOption | undefined) => void }) {
  // levels[i]: the options under the unit chosen at i − 1 (the root's children first).
  const [levels, setLevels] = useState<UnitOption[][]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string>();

  const childrenOf = (unitId: string) =>
    request<{ children: UnitOption[] }>('GET', `/api/units/${encodeURIComponent(unitId)}`).then((answer) => answer.children.map(({ unitId: id, name }) => ({ unitId: id, name })));

  useEffect(() => {
    childrenOf(rootUnitId)
      .then((children) => setLevels([children]))
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được danh sách đơn vị.'));
  }, [rootUnitId]);

  async function choose(level: number, unitId: string) {
    const path = [...chosen.slice(0, level), ...(unitId ? [unitId] : [])];
    setChosen(path);
    const picked = path.length > 0 ? levels[path.length - 1]?.find((option) => option.unitId === path.at(-1)) : undefined;
    onChange(picked);
    const kept = levels.slice(0, level + 1);
    if (!unitId) return setLevels(kept);
    const children = await childrenOf(unitId).catch(() => []);
    setLevels(children.length > 0 ? [...kept, children] : kept);
  }

  const labels = ['Đơn vị', 'Đơn vị trực thuộc', 'Chi đoàn', 'Đơn vị trực thuộc'];
  return (
    <div className="unit-picker" role="group" aria-label="Chọn lần lượt từng cấp">
      {levels.map((options, level) => (
        <div key={level}>
          <label htmlFor={`unit-level-${level}`}>{level === 0 ? 'Đơn vị đến' : (labels[level] ?? 'Đơn vị trực thuộc')}</label>
          <select id={`unit-level-${level}`} value={chosen[level] ?? ''} onChange={(event) => void choose(level, event.target.value)}>
            <option value="">{level === 0 ? '— Chọn đơn vị —' : '— Cả đơn vị ở trên —'}</option>
            {options.map((option) => (
              <option key={option.unitId} value={option.unitId}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      ))}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
