import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE } from '../../functions/shared/observe/metrics.ts';
import type { StageSettings } from '../stage.ts';
import type { ServiceFunction } from './service-function.ts';
import type { Workflow } from './workflow.ts';

export interface OperationsProps {
  stage: StageSettings;
  functions: Record<string, ServiceFunction>;
  workflows: Record<string, Workflow>;
  api: HttpApi;
  table: ITableV2;
}

/** A record stored but not carried out for an hour is a person waiting: the repairer should have started it. */
export const OLDEST_UNPROCESSED_ALARM_SECONDS = 3600;
/** SES pauses an account near 10 % bounces or 0.5 % complaints; the alarms ring well before. */
export const BOUNCE_RATE_ALARM = 0.04;
export const COMPLAINT_RATE_ALARM = 0.001;

/**
 * What operators get: one topic (e-mailed to `-c alarmEmail=…`), an alarm for every way the
 * system can fail quietly, a dashboard of the year's flow, and a budget that warns. What each
 * alarm means and what to do is in docs/runbook.md, under the alarm's name.
 */
export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const prefix = `doan-${props.stage.name}`;
    this.topic = new Topic(this, 'Topic', { displayName: `Công nhận Chi đoàn (${props.stage.name}): cảnh báo vận hành`, enforceSSL: true });
    for (const email of props.stage.alarmEmails) this.topic.addSubscription(new EmailSubscription(email));
    Validations.of(this.topic).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason: 'E-mail subscriptions to people: SNS retries delivery itself, and a dead-letter queue of alarm e-mails would be a second inbox nobody reads; the alarms stay in CloudWatch.',
    });

    const alarm = (name: string, metric: IMetric, threshold: number, description: string, evaluationPeriods = 1) => {
      const created = new Alarm(this, name, {
        alarmName: `${prefix}-${name}`,
        alarmDescription: `${description} See docs/runbook.md#${name.toLowerCase()}.`,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(created);
      return created;
    };
    const fiveMinutes = Duration.minutes(5);

    for (const [functionId, service] of Object.entries(props.functions)) {
      alarm(`FunctionErrors-${functionId}`, service.function.metricErrors({ period: fiveMinutes }), 1, `Function ${functionId} threw.`);
    }
    for (const [workflowId, workflow] of Object.entries(props.workflows)) {
      const failures = new MathExpression({
        expression: 'failed + timedOut + aborted',
        usingMetrics: {
          failed: workflow.stateMachine.metricFailed({ period: fiveMinutes }),
          timedOut: workflow.stateMachine.metricTimedOut({ period: fiveMinutes }),
          aborted: workflow.stateMachine.metricAborted({ period: fiveMinutes }),
        },
        period: fiveMinutes,
      });
      alarm(`ExecutionsFailed-${workflowId}`, failures, 1, `State machine ${workflowId} had executions fail, time out or be aborted.`);
    }
    alarm('Api5xx', props.api.metricServerError({ period: fiveMinutes }), 5, 'The API answered 5xx five times or more in five minutes.');
    alarm(
      'TableThrottles',
      new Metric({ namespace: 'AWS/DynamoDB', metricName: 'ThrottledRequests', dimensionsMap: { TableName: props.table.tableName }, statistic: 'Sum', period: fiveMinutes }),
      1,
      'DynamoDB throttled requests to the table.',
    );
    alarm(
      'SchedulerTargetErrors',
      new Metric({ namespace: 'AWS/Scheduler', metricName: 'TargetErrorCount', statistic: 'Sum', period: fiveMinutes }),
      1,
      'EventBridge Scheduler could not start a scheduled state machine (the daily sweep, the repairer).',
    );
    alarm(
      'MailBounceRate',
      new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', statistic: 'Maximum', period: Duration.hours(1) }),
      BOUNCE_RATE_ALARM,
      'Bounced e-mails are nearing the rate at which SES pauses sending.',
    );
    alarm(
      'MailComplaintRate',
      new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate', statistic: 'Maximum', period: Duration.hours(1) }),
      COMPLAINT_RATE_ALARM,
      'Recipients marked e-mails as spam.',
    );
    const custom = (metricName: string, statistic: string, period = fiveMinutes) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: 'recognition' }, statistic, period });
    alarm('OldestUnprocessed', custom(METRIC.oldestUnprocessedSeconds, 'Maximum', Duration.minutes(15)), OLDEST_UNPROCESSED_ALARM_SECONDS, 'A record stored an hour ago or more is not carried out yet.');

    const stack = Stack.of(this);
    new CfnBudget(this, 'Budget', {
      budget: { budgetName: `${prefix}-monthly`, budgetType: 'COST', timeUnit: 'MONTHLY', budgetLimit: { amount: props.stage.monthlyBudgetUsd, unit: 'USD' } },
      notificationsWithSubscribers: props.stage.alarmEmails.length === 0
        ? []
        : [
            {
              notification: { notificationType: 'FORECASTED', comparisonOperator: 'GREATER_THAN', threshold: 100, thresholdType: 'PERCENTAGE' },
              subscribers: props.stage.alarmEmails.map((address) => ({ subscriptionType: 'EMAIL', address })),
            },
          ],
    });

    const sum = (metricName: string) => custom(metricName, 'Sum', Duration.hours(1));
    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${prefix}-${stack.region}` });
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Hồ sơ nhận và xử lý mỗi giờ',
        left: [
          sum(METRIC.submissionsReceived).with({ label: 'received' }),
          ...(props.functions.recordEvent ? [props.functions.recordEvent.function.metricInvocations({ period: Duration.hours(1), label: 'processed (record-event runs)' })] : []),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'Executions failed',
        left: Object.entries(props.workflows).map(([workflowId, workflow]) => workflow.stateMachine.metricFailed({ period: Duration.hours(1), label: workflowId })),
        width: 12,
      }),
      new GraphWidget({
        title: 'E-mails sent and bounced',
        left: [sum(METRIC.emailsSent)],
        right: [new Metric({ namespace: 'AWS/SES', metricName: 'Bounce', statistic: 'Sum', period: Duration.hours(1) })],
        width: 12,
      }),
      new GraphWidget({
        title: 'Oldest unprocessed record (s)',
        left: [custom(METRIC.oldestUnprocessedSeconds, 'Maximum', Duration.minutes(15))],
        width: 12,
      }),
    );
  }
}
