import { useCallback, useEffect, useRef, useState } from 'react';
import { DRAFT_SERVER_SAVE_INTERVAL_MS } from '../../domain/forms/drafts.ts';
import { request } from './api.ts';

type Data = Record<string, unknown>;
interface Copy {
  data: Data;
  savedAt: string;
}
/** Where this browser keeps a form's draft for a cycle (the home page and an amendment read it too). */
export const draftKey = (formId: string, cycleId: string) => `draft:${formId}:${cycleId}`;

export type DraftStatus = 'loading' | 'idle' | 'unsaved' | 'saving' | 'saved' | 'offline';

/**
 * A form's draft: kept in this browser at every change (so a dropped connection loses nothing)
 * and on the server at most every five minutes and on leaving (so another device or a cleared
 * browser finds it; domain/forms/drafts.ts says why not more often).
 * On opening, the newer of the two copies wins.
 */
export function useDraft(formId: string, cycleId: string) {
  const path = `/api/drafts/${encodeURIComponent(cycleId)}/${encodeURIComponent(formId)}`;
  const localKey = draftKey(formId, cycleId);
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
    // A phone switching to another app may never come back to this page.
    const hidden = () => document.visibilityState === 'hidden' && void flush(true);
    window.addEventListener('online', retry);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      // Leaving the form inside the app.
      clearTimeout(timer.current);
      timer.current = undefined;
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
      // A throttle, not a debounce: typing on does not put the save off, nor add saves.
      timer.current ??= setTimeout(() => {
        timer.current = undefined;
        void flush();
      }, DRAFT_SERVER_SAVE_INTERVAL_MS);
    },
    [flush, localKey],
  );

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = undefined;
    localStorage.removeItem(localKey);
    await request('DELETE', path).catch(() => undefined);
  }, [localKey, path]);

  return { data, change, discard, status, savedAt };
}
