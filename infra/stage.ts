import { RemovalPolicy, type App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * What differs between a rehearsal and the real thing: `-c stage=dev` (the default) or
 * `-c stage=prod`. Names carry the stage, so both can live in one account; prod keeps its logs
 * longer, keeps them when the stack goes, and protects its user pool from deletion.
 */
export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

export interface StageSettings {
  name: StageName;
  /** The CloudFormation stack's name: DoanRecognition-dev, DoanRecognition-prod. */
  stackName: string;
  /** The firewall's stack in us-east-1: DoanRecognition-dev-edge. */
  edgeStackName: string;
  /** Lambda and Step Functions logs. */
  logRetention: RetentionDays;
  /** API access logs: who called what (three months, as the review asked). */
  accessLogRetention: RetentionDays;
  /** Logs and the web bucket when the stack is deleted. */
  removalPolicy: RemovalPolicy;
  /** Cognito's deletion protection: the accounts of a province are not lost by a wrong command. */
  userPoolDeletionProtection: boolean;
  /** Where alarms are e-mailed: `-c alarmEmail=ops@…` (several, comma-separated). */
  alarmEmails: string[];
  /** A month's spend that alerts (USD): `-c monthlyBudgetUsd=…`. */
  monthlyBudgetUsd: number;
}

export function stageSettings(name: StageName, context: (key: string) => string | undefined = () => undefined): StageSettings {
  const prod = name === 'prod';
  const emails = (context('alarmEmail') ?? '').split(',').map((email) => email.trim()).filter(Boolean);
  return {
    name,
    stackName: `DoanRecognition-${name}`,
    edgeStackName: `DoanRecognition-${name}-edge`,
    logRetention: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    accessLogRetention: RetentionDays.THREE_MONTHS,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    userPoolDeletionProtection: prod,
    alarmEmails: emails,
    monthlyBudgetUsd: Number(context('monthlyBudgetUsd') ?? (prod ? 30 : 10)),
  };
}

/** The stage named by `-c stage=…`; anything else is refused before anything is synthesized. */
export function stageOf(app: App): StageSettings {
  const context = (key: string) => app.node.tryGetContext(key) as string | undefined;
  const name = context('stage') ?? 'dev';
  if (!(STAGES as readonly string[]).includes(name)) throw new Error(`-c stage=${name}: the stage is dev or prod.`);
  return stageSettings(name as StageName, context);
}
