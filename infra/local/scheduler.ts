import { addDays, calendarDate, zonedInstant } from '../../domain/dates.ts';
import { isRate, type ScheduleDefinition } from '../catalog/schedules.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The next instant, strictly after `after`, at which the schedule fires. */
export function nextFireTime(schedule: ScheduleDefinition, after: Date): Date {
  if (isRate(schedule)) {
    const interval = schedule.everyMinutes * 60_000;
    return new Date((Math.floor(after.getTime() / interval) + 1) * interval);
  }
  const today = calendarDate(after, schedule.timeZone);
  for (const offset of [0, 1, 2]) {
    const candidate = zonedInstant(addDays(today, offset), schedule.hour, schedule.minute, schedule.timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error(`No fire time found for ${schedule.id}`);
}

export type ScheduleTarget = (schedule: ScheduleDefinition, scheduledTime: Date) => Promise<void>;

/** Stands in for EventBridge Scheduler: fires each schedule at its wall-clock time, in process. */
export class LocalScheduler {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly schedules: ScheduleDefinition[],
    private readonly target: ScheduleTarget,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): { id: string; next: Date }[] {
    return this.schedules.map((schedule) => ({ id: schedule.id, next: this.arm(schedule) }));
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(schedule: ScheduleDefinition): Date {
    const next = nextFireTime(schedule, this.now());
    // setTimeout holds at most ~24.8 days; a daily schedule is well inside, but re-check anyway.
    const delay = Math.min(next.getTime() - this.now().getTime(), DAY_MS);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.now().getTime() >= next.getTime()) {
        this.target(schedule, next).catch((error: unknown) => console.error(`scheduler: ${schedule.id} failed`, error));
      }
      this.arm(schedule);
    }, delay);
    timer.unref();
    this.timers.add(timer);
    return next;
  }
}
