/** What a cycle aims for (seed 002): shares of the units that can take part. */
export interface Targets {
  registrationShare?: number;
  recognitionShare?: number;
  /**
   * Targets by date (seed 002: 75% by the end of 2019, 90% by the end of 2021): until each date the
   * recognition target is that phase's; past the last, `recognitionShare`.
   */
  phases?: { until: string; recognitionShare: number }[];
  /** The share of residential chi đoàn each commune picks as pilots (seed 002, IV.2: 70%). */
  pilotShare?: number;
}

/** The targets that apply on a day: the recognition share of the phase it falls in, if any. */
export function targetsOn(targets: Targets, today: string): Targets & { phaseUntil?: string } {
  const phase = [...(targets.phases ?? [])].sort((a, b) => a.until.localeCompare(b.until)).find((candidate) => candidate.until >= today);
  return phase ? { ...targets, recognitionShare: phase.recognitionShare, phaseUntil: phase.until } : targets;
}
