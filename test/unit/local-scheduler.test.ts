import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScheduleDefinition } from '../../infra/catalog/schedules.ts';
import { LocalScheduler } from '../../infra/local/scheduler.ts';

const daily: ScheduleDefinition = {
  id: 'daily-sweep',
  workflowId: 'daily-sweep',
  hour: 7,
  minute: 0,
  timeZone: 'Asia/Ho_Chi_Minh',
  description: 'test',
};

describe('LocalScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2027-02-09T20:00:00Z')); // 03:00 on 10/02 in Vietnam
  });
  afterEach(() => vi.useRealTimers());

  it('fires at 07:00 Vietnam time each day with that scheduled time, and not before', async () => {
    // Prepare
    const fired: string[] = [];
    const scheduler = new LocalScheduler([daily], (_schedule, at) => {
      fired.push(at.toISOString());
      return Promise.resolve();
    });

    // Act
    const [next] = scheduler.start();
    await vi.advanceTimersByTimeAsync(4 * 60 * 60 * 1000 - 1);
    const beforeSeven = [...fired];
    await vi.advanceTimersByTimeAsync(1 + 2 * 24 * 60 * 60 * 1000);
    scheduler.stop();

    // Assess
    expect(next?.next.toISOString()).toBe('2027-02-10T00:00:00.000Z');
    expect(beforeSeven).toEqual([]);
    expect(fired).toEqual(['2027-02-10T00:00:00.000Z', '2027-02-11T00:00:00.000Z', '2027-02-12T00:00:00.000Z']);
  });
});
