import { useEffect, useState } from 'react';
import type { Cycle } from '../../domain/recognition/cycles.ts';
import { request } from './api.ts';

/** One request per cycle per page view: the form and its criteria preview share it. */
const cycles = new Map<string, Promise<Cycle>>();

export function loadCycle(cycleId: string): Promise<Cycle> {
  let pending = cycles.get(cycleId);
  if (!pending) {
    pending = request<Cycle>('GET', `/api/cycles/${encodeURIComponent(cycleId)}`);
    // A failure is not kept: the next page asks again.
    pending.catch(() => cycles.delete(cycleId));
    cycles.set(cycleId, pending);
  }
  return pending;
}

/** The cycle a form is filled under: its targets, and for Model B its areas and sub-items. */
export function useCycle(cycleId: string): { cycle?: Cycle; failed: boolean } {
  const [cycle, setCycle] = useState<Cycle>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadCycle(cycleId)
      .then(setCycle)
      .catch(() => setFailed(true));
  }, [cycleId]);
  return { cycle, failed };
}
