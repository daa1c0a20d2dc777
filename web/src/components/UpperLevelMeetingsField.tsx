import type { FieldProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { formatCalendarDate } from '../../../domain/dates.ts';
import { currentSession, request } from '../api.ts';
import type { EvidenceContext } from './EvidenceField.tsx';

interface LoggedVisit {
  visitId: string;
  cadreName: string;
  date: string;
  report?: { meeting?: unknown };
}

/**
 * Criterion 5's meetings the upper level attended: the ones cadres logged at this chi đoàn ("1+2"
 * visits, as its page shows them), to tick. The form keeps their dates; the server checks each.
 */
export function UpperLevelMeetingsField({ formData, onChange, fieldPathId, schema, disabled, registry }: FieldProps) {
  const chosen = new Set((formData as string[] | undefined) ?? []);
  const [meetings, setMeetings] = useState<LoggedVisit[]>();
  const { cycleId } = registry.formContext as EvidenceContext;
  const unitId = currentSession()?.user.unitId;
  const id = fieldPathId.$id;

  useEffect(() => {
    if (!cycleId || !unitId) return;
    request<{ visits?: LoggedVisit[] }>('GET', `/api/standings/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}`)
      .then((answer) => setMeetings((answer.visits ?? []).filter((visit) => visit.report?.meeting)))
      .catch(() => setMeetings([]));
  }, [cycleId, unitId]);

  const toggle = (date: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(date);
    else next.delete(date);
    onChange([...next].sort(), fieldPathId.path);
  };

  return (
    <fieldset className="upper-level-meetings" id={id}>
      <legend>{schema.title}</legend>
      {meetings === undefined ? (
        <p className="muted">Đang tải các buổi sinh hoạt cấp trên đã dự…</p>
      ) : meetings.length === 0 ? (
        <p className="muted">Chưa có cán bộ cấp trên nào ghi nhận dự sinh hoạt tại chi đoàn.</p>
      ) : (
        [...new Map(meetings.map((visit) => [visit.date, visit])).values()].map((visit) => (
          <label key={visit.date} className="check">
            <input type="checkbox" checked={chosen.has(visit.date)} disabled={disabled} onChange={(event) => toggle(visit.date, event.target.checked)} />
            {formatCalendarDate(visit.date)} — {visit.cadreName}
          </label>
        ))
      )}
    </fieldset>
  );
}
