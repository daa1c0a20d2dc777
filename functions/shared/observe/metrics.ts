import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * The figures operators watch that AWS does not count by itself, as CloudWatch embedded metrics
 * (a JSON log line; no API call, nothing to wait for). The alarms and the dashboard in
 * infra/constructs/operations.ts read them by these names.
 */
export const METRICS_NAMESPACE = 'DoanRecognition';
export const METRIC = {
  /** Age of the oldest record stored but not yet carried out (the outbox), at each repair run. */
  oldestUnprocessedSeconds: 'OldestUnprocessedSeconds',
  /** Records stored but not yet carried out, at each repair run. */
  unprocessedRecords: 'UnprocessedRecords',
  /** Submissions accepted and stored (retries not counted again). */
  submissionsReceived: 'SubmissionsReceived',
  /** E-mails SES accepted. */
  emailsSent: 'EmailsSent',
} as const;

// Made on first use: it reads POWERTOOLS_METRICS_DISABLED then, which the local stack sets after imports.
let metrics: Metrics | undefined;

/** Counts or measures one thing now and writes it at once (tasks and handlers are short). */
export function record(name: (typeof METRIC)[keyof typeof METRIC], value: number, unit: 'Count' | 'Seconds' = 'Count'): void {
  metrics ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'recognition' });
  metrics.addMetric(name, unit === 'Seconds' ? MetricUnit.Seconds : MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}
