import { CfnOutput, Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { ENV, PROCESS_WORKFLOW_ENV_OF, WORKFLOW_ENV_OF } from '../functions/shared/config/env-names.ts';
import { FUNCTIONS, type FunctionId } from './catalog/functions.ts';
import { ROUTES } from './catalog/routes.ts';
import { isRate, SCHEDULES } from './catalog/schedules.ts';
import { APP_TABLE } from './catalog/tables.ts';
import { WORKFLOWS, type WorkflowId } from './catalog/workflows.ts';
import { DataTable } from './constructs/data-table.ts';
import { RecognitionApi } from './constructs/http-api.ts';
import { EvidenceBucket } from './constructs/private-bucket.ts';
import { ServiceFunction } from './constructs/service-function.ts';
import { cognitoDomainHost, UserDirectory } from './constructs/user-directory.ts';
import { WebHosting } from './constructs/web-hosting.ts';
import { Workflow } from './constructs/workflow.ts';
import { Operations } from './constructs/operations.ts';
import { MailFeedback } from './constructs/mail-feedback.ts';
import { SeedKey } from './constructs/seed-key.ts';
import { stageSettings, type StageSettings } from './stage.ts';

export interface RecognitionStackProps extends StackProps {
  /** Repository root: where function entries, workflows and web/dist are found. */
  root: string;
  /** Sender address, on a domain verified in SES. */
  mailFrom: string;
  /** Prefix of the Cognito hosted sign-in domain, unique in the region. */
  authDomainPrefix: string;
  /** dev (default) or prod: see infra/stage.ts. */
  stage?: StageSettings;
  /** The WAF web ACL in front of CloudFront (infra/edge-stack.ts). */
  webAclArn: string;
}

const pascal = (id: string) => id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());

/** The whole system in AWS: the same handlers and ASL files `npm start` runs locally. */
export class RecognitionStack extends Stack {
  constructor(scope: Construct, id: string, props: RecognitionStackProps) {
    super(scope, id, props);
    const { root, mailFrom } = props;
    const stage = props.stage ?? stageSettings('dev');

    const web = new WebHosting(this, 'Web', { root, authDomain: cognitoDomainHost(props.authDomainPrefix, this.region), stage, webAclArn: props.webAclArn });
    const appUrl = `https://${web.distribution.distributionDomainName}`;
    const data = new DataTable(this, 'Data', APP_TABLE);
    const users = new UserDirectory(this, 'Users', { callbackUrls: [`${appUrl}/`], domainPrefix: props.authDomainPrefix, mailFrom, appUrl, deletionProtection: stage.userPoolDeletionProtection });
    const evidence = new EvidenceBucket(this, 'Evidence', [appUrl]);

    const services = Object.fromEntries(
      FUNCTIONS.map((definition) => [definition.id, new ServiceFunction(this, pascal(definition.id), { definition, root, stage })]),
    ) as Record<FunctionId, ServiceFunction>;
    const lambdas = Object.fromEntries(
      Object.entries(services).map(([functionId, service]) => [functionId, service.function]),
    ) as unknown as Record<FunctionId, IFunction>;
    const workflows = Object.fromEntries(
      WORKFLOWS.map((definition) => [definition.id, new Workflow(this, pascal(definition.id), { definition, functions: lambdas, root, stage })]),
    ) as Record<WorkflowId, Workflow>;

    const mailDomain = mailFrom.replace(/^.*@/, '').replace(/>$/, '');
    const mailIdentityArn = this.formatArn({ service: 'ses', resource: 'identity', resourceName: mailDomain });
    const mailFeedback = new MailFeedback(this, 'MailFeedback', { recorder: services.recordMailFeedback.function });
    const configurationSetArn = this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: mailFeedback.configurationSet.configurationSetName });
    const seedKey = new SeedKey(this, 'DrawSeed', { sealer: services.manageDraw.role, opener: services.drawSample.role, stage });
    for (const definition of FUNCTIONS) {
      const service = services[definition.id];
      const grants: readonly string[] = definition.grants;
      if (grants.includes('table:write')) service.bindTable(data.table, 'readWrite');
      else if (grants.includes('table:read')) service.bindTable(data.table, 'read');
      if (grants.includes('workflow:process')) {
        for (const [templateId, env] of Object.entries(PROCESS_WORKFLOW_ENV_OF)) {
          service.bindWorkflowStart(env, workflows[templateId as keyof typeof PROCESS_WORKFLOW_ENV_OF].stateMachine);
        }
      }
      for (const [workflowId, env] of Object.entries(WORKFLOW_ENV_OF)) {
        if (grants.includes(`workflow:${workflowId}`)) service.bindWorkflowStart(env, workflows[workflowId as keyof typeof WORKFLOW_ENV_OF].stateMachine);
      }
      const evidenceActions = (['upload', 'check', 'read'] as const).filter((action) => grants.includes(`evidence:${action}`));
      if (evidenceActions.length > 0) service.bindEvidence(evidence.bucket, evidenceActions);
      if (grants.includes('mail:send')) service.bindMail(mailFrom, [mailIdentityArn, configurationSetArn]);
      if ((definition.env as readonly string[]).includes(ENV.mailConfigurationSet)) service.setEnv(ENV.mailConfigurationSet, mailFeedback.configurationSet.configurationSetName);
      if (grants.includes('users:provision')) service.bindUserPool(users.userPool);
      // Who may seal or open is the key's own policy (infra/constructs/seed-key.ts); here only its id.
      if (grants.includes('seed:seal') || grants.includes('seed:open')) service.setEnv(ENV.drawSeedKeyId, seedKey.key.keyId);
      if ((definition.env as readonly string[]).includes(ENV.appUrl)) service.setEnv(ENV.appUrl, appUrl);
    }

    const api = new RecognitionApi(this, 'Http', {
      routes: ROUTES,
      functions: lambdas,
      userPool: users.userPool,
      client: users.client,
      stage,
    });
    web.routeApi(api.api);

    for (const schedule of SCHEDULES) {
      new Schedule(this, `${pascal(schedule.id)}Schedule`, {
        description: schedule.description,
        schedule: isRate(schedule)
          ? ScheduleExpression.rate(Duration.minutes(schedule.everyMinutes))
          : ScheduleExpression.cron({ hour: String(schedule.hour), minute: String(schedule.minute), timeZone: TimeZone.of(schedule.timeZone) }),
        target: new StepFunctionsStartExecution(workflows[schedule.workflowId].stateMachine, {
          input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
        }),
      });
    }

    new Operations(this, 'Operations', { stage, functions: services, workflows, api: api.api, table: data.table });

    web.deploy(join(root, 'web/dist'), {
      signIn: 'cognito',
      authDomain: users.authDomain,
      clientId: users.client.userPoolClientId,
    });

    new CfnOutput(this, 'AppUrl', { value: appUrl });
    // The API's own address, for operators: the app calls it through CloudFront at AppUrl/api/.
    new CfnOutput(this, 'ApiOrigin', { value: api.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
  }
}
