import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/catalog/functions.ts';
import { WORKFLOWS } from '../../infra/catalog/workflows.ts';
import { API_THROTTLE } from '../../infra/constructs/http-api.ts';
import { ACCESS_LOG_DAYS } from '../../infra/constructs/private-bucket.ts';
import { OLDEST_UNPROCESSED_ALARM_SECONDS } from '../../infra/constructs/operations.ts';
import { recognitionStacks } from '../../infra/stacks.ts';
import { stageOf, stageSettings } from '../../infra/stage.ts';
import { contentSecurityPolicy, HSTS_SECONDS, inlineScriptHashes } from '../../infra/catalog/security-headers.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The stack of a stage, synthesized without bundling (the template is the same). */
function templateOf(stage: 'dev' | 'prod', context: Record<string, string> = {}): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const settings = stageSettings(stage, (key) => context[key]);
  const { main } = recognitionStacks(app, {
    stage: settings,
    root: process.cwd(),
    mailFrom: 'khong-tra-loi@doan.example',
    authDomainPrefix: `doan-${stage}`,
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  return Template.fromStack(main);
}

let dev: Template;
let prod: Template;

beforeAll(() => {
  // Prepare
  dev = templateOf('dev');
  prod = templateOf('prod', { alarmEmail: 'vanhanh@doan.example, truongban@doan.example', monthlyBudgetUsd: '25' });
});

type Resource = { Properties: Record<string, unknown> };
const alarmNames = (template: Template) => Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => (alarm as Resource).Properties.AlarmName as string);

describe('what operators get', () => {
  it('an alarm for every function, every state machine, the API, the table, the scheduler, SES and the oldest unprocessed record, each to the ops topic', () => {
    // Act
    const names = alarmNames(prod);
    const alarms = Object.values(prod.findResources('AWS::CloudWatch::Alarm')) as Resource[];

    // Assess
    expect(names).toEqual(
      expect.arrayContaining([
        ...FUNCTIONS.map((fn) => `doan-prod-FunctionErrors-${fn.id}`),
        ...WORKFLOWS.map((workflow) => `doan-prod-ExecutionsFailed-${workflow.id}`),
        'doan-prod-Api5xx',
        'doan-prod-TableThrottles',
        'doan-prod-SchedulerTargetErrors',
        'doan-prod-MailBounceRate',
        'doan-prod-MailComplaintRate',
        'doan-prod-OldestUnprocessed',
      ]),
    );
    expect(names).toHaveLength(FUNCTIONS.length + WORKFLOWS.length + 6);
    for (const alarm of alarms) expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain('OperationsTopic');
    prod.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'doan-prod-OldestUnprocessed',
      Threshold: OLDEST_UNPROCESSED_ALARM_SECONDS,
      Namespace: 'DoanRecognition',
      MetricName: 'OldestUnprocessedSeconds',
    });
    prod.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'doan-prod-ExecutionsFailed-chi-doan-dat-chuan',
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'failed + timedOut + aborted' })]),
    });
  });

  it('e-mails the ops topic and the budget to the addresses given, and draws the dashboard', () => {
    // Assess
    prod.resourceCountIs('AWS::SNS::Subscription', 3);
    prod.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'vanhanh@doan.example' });
    prod.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({ BudgetLimit: { Amount: 25, Unit: 'USD' }, TimeUnit: 'MONTHLY' }),
      NotificationsWithSubscribers: Match.arrayWith([Match.objectLike({ Subscribers: Match.arrayWith([{ SubscriptionType: 'EMAIL', Address: 'truongban@doan.example' }]) })]),
    });
    const body = JSON.stringify(prod.findResources('AWS::CloudWatch::Dashboard'));
    for (const title of ['Hồ sơ nhận và xử lý mỗi giờ', 'Executions failed', 'E-mails sent and bounced', 'Oldest unprocessed record (s)']) expect(body).toContain(title);
    // The third (and dev's only one): SES's bounces and complaints to the app
    dev.resourceCountIs('AWS::SNS::Subscription', 1);
    dev.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', RedrivePolicy: Match.anyValue() });
    dev.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']), SnsDestination: Match.anyValue() }),
    });
  });

  it('logs state machines at ERROR without execution data, and caps the API and the e-mail sender', () => {
    // Assess
    const machines = Object.values(prod.findResources('AWS::StepFunctions::StateMachine')) as Resource[];
    expect(machines).toHaveLength(WORKFLOWS.length);
    for (const machine of machines) expect(machine.Properties.LoggingConfiguration).toMatchObject({ Level: 'ERROR', IncludeExecutionData: false });
    prod.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.ratePerSecond, ThrottlingBurstLimit: API_THROTTLE.burst } });
    prod.hasResourceProperties('AWS::Lambda::Function', { Description: FUNCTIONS.find((fn) => fn.id === 'sendNotices')!.description, ReservedConcurrentExecutions: 5 });
  });
});

describe('the edge', () => {
  it('sends every page with a CSP (its own inline script by hash, requests to itself, uploads and sign-in only, no framing), HSTS and nosniff', () => {
    // Prepare
    const indexHtml = join(process.cwd(), 'web/dist/index.html');
    const hashes = existsSync(indexHtml) ? inlineScriptHashes(readFileSync(indexHtml, 'utf8')) : [];

    // Assess
    prod.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: contentSecurityPolicy({
              connect: ['https://*.s3.ap-southeast-1.amazonaws.com', 'https://doan-prod.auth.ap-southeast-1.amazoncognito.com'],
              inlineScriptHashes: hashes,
            }),
            Override: true,
          },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: HSTS_SECONDS, IncludeSubdomains: true, Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
    prod.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultCacheBehavior: Match.objectLike({ ResponseHeadersPolicyId: Match.anyValue() }) }),
    });
  });
});

describe('stages', () => {
  it('names the stack by stage, and refuses a stage that is neither dev nor prod', () => {
    // Act + Assess
    expect(stageOf(new App({ context: { stage: 'prod' } })).stackName).toBe('DoanRecognition-prod');
    expect(stageOf(new App()).stackName).toBe('DoanRecognition-dev');
    expect(() => stageOf(new App({ context: { stage: 'staging' } }))).toThrow('-c stage=staging: the stage is dev or prod.');
  });

  it('in prod keeps logs a year and on deletion, and protects the user pool; dev keeps a month and cleans up', () => {
    // Assess
    prod.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
    dev.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
    const retention = (template: Template) =>
      Object.values(template.findResources('AWS::Logs::LogGroup')).map((group) => ({ days: Number((group as Resource).Properties.RetentionInDays), policy: String((group as { DeletionPolicy?: string }).DeletionPolicy) }));
    const prodLambdaLogs = retention(prod).filter((group) => group.days !== 90);
    expect(prodLambdaLogs.length).toBeGreaterThan(FUNCTIONS.length);
    expect(new Set(prodLambdaLogs.map((group) => `${group.days}/${group.policy}`))).toEqual(new Set(['365/Retain']));
    expect(new Set(retention(dev).filter((group) => group.days !== 90).map((group) => `${group.days}/${group.policy}`))).toEqual(new Set(['30/Delete']));
    // The API's access log and the evidence bucket's: three months in both
    expect(retention(prod).filter((group) => group.days === 90)).toHaveLength(1);
    prod.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: ACCESS_LOG_DAYS, Status: 'Enabled' })] } });
  });
});
