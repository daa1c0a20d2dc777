import type { ErrorListProps } from '@rjsf/utils';
import { useEffect, useRef } from 'react';
import { fieldIdOf, focusField, labelsAt } from './schema-walk.ts';

/** What the form tells its summary: the answers (for labels) and how many times sending was tried. */
export interface SummaryContext {
  formData?: unknown;
  attempts?: number;
}

/**
 * Every error of a sent form at the top ("Có 9 mục cần sửa"), each a link to its field, with
 * focus moved here, as GOV.UK's error summary does: on a phone only one field is on screen.
 */
export function ErrorSummary({ errors, schema, uiSchema, registry }: ErrorListProps) {
  const box = useRef<HTMLDivElement>(null);
  const { formData: data, attempts = 0 } = (registry.formContext ?? {}) as SummaryContext;
  // Focus moves here on each attempt to send, not as the list changes while the user types.
  useEffect(() => {
    if (attempts > 0) box.current?.focus();
  }, [attempts]);
  if (attempts === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title">Có {errors.length} mục cần sửa</h2>
      <ul>
        {errors.map((error, index) => {
          const path = (error.property ?? '').split('.').filter(Boolean);
          const labels = labelsAt(schema, uiSchema as Record<string, unknown>, data, path);
          const id = fieldIdOf(path);
          return (
            <li key={`${error.property}-${index}`}>
              <a
                href={`#${id}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(id);
                }}
              >
                {labels.length > 0 ? `${labels.join(' › ')}: ` : ''}
                {error.message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
