import type { WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { formatCalendarDate, parseCalendarDate } from '../../../domain/dates.ts';

const toText = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value) : '');

/**
 * Dates typed as dd/mm/yyyy whatever the phone's language, stored as yyyy-mm-dd. Until the text
 * is a real date it is passed on as typed, so the form's own check says what is wrong.
 */
export function DateWidget({ id, value, required, disabled, readonly, onChange, onBlur, onFocus }: WidgetProps) {
  const [text, setText] = useState(() => toText(value));
  const valueOf = (typed: string) => (typed === '' ? undefined : (parseCalendarDate(typed) ?? typed));
  // What was typed stays on screen while it is what the form holds; a value set from outside
  // (a restored draft) is shown instead.
  const shown = valueOf(text) === value ? text : toText(value);
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      className="form-control"
      value={shown}
      required={required}
      disabled={disabled || readonly}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        onChange(valueOf(typed));
      }}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
