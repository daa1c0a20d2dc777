import { describe, expect, it } from 'vitest';
import { correlationIdOf } from '../../functions/shared/observe/log.ts';

describe('the correlation id a log line carries', () => {
  it('is the record a task carries: a submission or decision (its execution name), a notice batch’s event, a sweep day', () => {
    // Act + Assess
    expect(correlationIdOf({ kind: 'submission', id: 'hO3x', step: 'dossier' })).toBe('hO3x');
    expect(correlationIdOf({ eventId: 'ev-1', noticeIds: ['n1'] })).toBe('ev-1');
    expect(correlationIdOf({ sweepPage: { asOfDate: '2027-02-11', page: 0 } })).toBe('2027-02-11');
    expect(correlationIdOf({ scheduledTime: '2027-02-11T00:00:00Z' })).toBeUndefined();
    expect(correlationIdOf('text')).toBeUndefined();
  });
});
