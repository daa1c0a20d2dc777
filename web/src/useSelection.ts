import { useCallback, useState } from 'react';

/** Ids ticked in a list (units for a tờ trình, a batch, a forum): ticked or not, and emptied. */
export function useSelection() {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const set = useCallback((id: string, ticked: boolean) => {
    setIds((current) => {
      const next = new Set(current);
      if (ticked) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const clear = useCallback(() => setIds(new Set()), []);
  return { ids, has: (id: string) => ids.has(id), size: ids.size, set, clear };
}
