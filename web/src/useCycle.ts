import { useEffect, useState } from 'react';
import type { Cycle } from '../../domain/recognition/cycles.ts';
import { request } from './api.ts';

/** The cycle a form is filled under: its targets, and for Model B its areas and sub-items. */
export function useCycle(cycleId: string): { cycle?: Cycle; failed: boolean } {
  const [cycle, setCycle] = useState<Cycle>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    request<Cycle>('GET', `/api/cycles/${encodeURIComponent(cycleId)}`)
      .then(setCycle)
      .catch(() => setFailed(true));
  }, [cycleId]);
  return { cycle, failed };
}
