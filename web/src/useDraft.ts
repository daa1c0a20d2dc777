import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from './api.ts';

type Data = Record<string, unknown>;
interface Copy {
  data: Data;
  savedAt: string;
}
export type DraftStatus = 'loading' | 'idle' | 'unsaved' | 'saving' | 'saved' | 'offline';

const AUTOSAVE_DELAY_MS = 800;

/**
 * A form's draft: kept in this browser at every change (so a dropped connection loses nothing)
 * and on the server shortly after (so another device or a reload finds it). On opening, the newer
 * of the two copies wins.
 */
export function useDraft(formId: string, cycleId: string) {
  const path = `/api/drafts/${encodeURIComponent(cycleId)}/${encodeURIComponent(formId)}`;
  const localKey = `draft:${formId}:${cycleId}`;
  const [data, setData] = useState<Data>({});
  const [status, setStatus] = useState<DraftStatus>('loading');
  const [savedAt, setSavedAt] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<Copy | undefined>(undefined);

  const flush = useCallback(async (leaving = false) => {
    const copy = pending.current;
    if (!copy) return;
    setStatus('saving');
    try {
      await request('PUT', path, copy, { keepalive: leaving });
      if (pending.current === copy) pending.current = undefined;
      setStatus('saved');
    } catch {
      setStatus('offline');
    }
  }, [path]);

  useEffect(() => {
    const local = JSON.parse(localStorage.getItem(localKey) ?? 'null') as Copy | null;
    void request<Copy>('GET', path)
      .catch(() => undefined)
      .then((server) => {
        const newest = [local, server].filter((copy): copy is Copy => !!copy).sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
        if (newest) {
          setData(newest.data);
          setSavedAt(newest.savedAt);
          // A local copy the server never got is sent now.
          if (newest === local && newest.savedAt !== server?.savedAt) pending.current = newest;
        }
        setStatus(newest ? 'saved' : 'idle');
        void flush();
      });
  }, [path, localKey, flush]);

  useEffect(() => {
    const retry = () => void flush();
    // Leaving the page: the last changes go out even as the page closes.
    const leave = () => void flush(true);
    window.addEventListener('online', retry);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener('pagehide', leave);
      // Leaving the form inside the app.
      clearTimeout(timer.current);
      void flush(true);
    };
  }, [flush]);

  const change = useCallback(
    (next: Data) => {
      setData(next);
      const copy = { data: next, savedAt: new Date().toISOString() };
      localStorage.setItem(localKey, JSON.stringify(copy));
      setSavedAt(copy.savedAt);
      setStatus('unsaved');
      pending.current = copy;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, localKey],
  );

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = undefined;
    localStorage.removeItem(localKey);
    await request('DELETE', path).catch(() => undefined);
  }, [localKey, path]);

  return { data, change, discard, status, savedAt };
}
