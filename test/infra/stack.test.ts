import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/catalog/functions.ts';
import { ROUTES } from '../../infra/catalog/routes.ts';
import { WORKFLOWS } from '../../infra/catalog/workflows.ts';
import { recognitionStacks } from '../../infra/stacks.ts';
import { stageSettings } from '../../infra/stage.ts';
import { ROLES } from '../../domain/roles.ts';

let template: Template;

type Resource = { Properties: Record<string, unknown> };

/** The policy statements attached to the role of the catalogued function with this description. */
function statementsOf(description: string): { Action: string | string[]; Resource: unknown }[] {
  const [fnId] = Object.entries(template.findResources('AWS::Lambda::Function', { Properties: { Description: description } })).map(([id]) => id);
  const fn = template.findResources('AWS::Lambda::Function')[fnId!] as Resource;
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement);
}

function actionsOf(description: string): string[] {
  return statementsOf(description).flatMap((statement) => [statement.Action].flat());
}

beforeAll(() => {
  // Prepare: skip esbuild bundling; the template is the same without it.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const { main: stack } = recognitionStacks(app, {
    stage: { ...stageSettings('dev'), stackName: 'Test', edgeStackName: 'TestEdge' },
    root: process.cwd(),
    mailFrom: 'khong-tra-loi@doan.example',
    authDomainPrefix: 'doan-test',
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  template = Template.fromStack(stack);
});

describe('RecognitionStack', () => {
  it('builds the table from the shared definition, with its index and point-in-time recovery', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'gsi1' }), Match.objectLike({ IndexName: 'gsi2' })],
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('deploys every catalogued function on Node.js 24, ARM, traced', () => {
    for (const fn of FUNCTIONS) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: fn.description,
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
    }
  });

  it('grants each function only what its catalogue entry asks for', () => {
    const submit = actionsOf(FUNCTIONS.find((fn) => fn.id === 'submitForm')!.description);
    const read = actionsOf(FUNCTIONS.find((fn) => fn.id === 'getSubmission')!.description);
    const mail = actionsOf(FUNCTIONS.find((fn) => fn.id === 'sendNotices')!.description);

    expect(submit).toContain('states:StartExecution');
    expect(submit).toContain('dynamodb:PutItem');
    expect(read).toContain('dynamodb:GetItem');
    expect(read).not.toContain('dynamodb:PutItem');
    expect(read).not.toContain('states:StartExecution');
    expect(mail).toContain('ses:SendEmail');
    expect(submit).not.toContain('ses:SendEmail');
  });

  it('lets the appraisal functions start only their own state machine', () => {
    // Prepare
    const envOf = (id: string) => {
      const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: FUNCTIONS.find((f) => f.id === id)!.description } })) as Resource[];
      return Object.keys((fn!.Properties.Environment as { Variables: Record<string, unknown> }).Variables);
    };

    // Assess
    expect(actionsOf(FUNCTIONS.find((fn) => fn.id === 'manageDraw')!.description)).toContain('states:StartExecution');
    expect(envOf('manageDraw')).toContain('APPRAISAL_DRAW_WORKFLOW_ARN');
    expect(envOf('manageDraw')).not.toContain('APPRAISAL_RESULT_WORKFLOW_ARN');
    expect(envOf('submitAppraisal')).toContain('APPRAISAL_RESULT_WORKFLOW_ARN');
    expect(actionsOf(FUNCTIONS.find((fn) => fn.id === 'drawSample')!.description)).not.toContain('states:StartExecution');
  });

  it('lets only the evidence functions touch evidence, each action on its one prefix, and no upload form reach a checked file', () => {
    const grants = (id: string) =>
      statementsOf(FUNCTIONS.find((fn) => fn.id === id)!.description)
        .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')))
        .flatMap((statement) => [statement.Action].flat().flatMap((action) => [statement.Resource].flat().map((resource) => `${action} ${JSON.stringify(resource).match(/evidence\/\w+\/\*/)?.[0]}`)))
        .sort();

    expect(grants('requestEvidenceUpload')).toEqual(['s3:PutObject evidence/uploads/*']);
    expect(grants('confirmEvidence')).toEqual([
      's3:DeleteObject evidence/checked/*',
      's3:DeleteObject evidence/uploads/*',
      's3:GetObject evidence/checked/*',
      's3:GetObject evidence/uploads/*',
      's3:PutObject evidence/checked/*',
    ]);
    expect(grants('getEvidence')).toEqual(['s3:GetObject evidence/checked/*']);
    expect(grants('submitForm')).toEqual([]);
  });

  it('loads each state machine from its ASL file with the catalogued substitutions', () => {
    const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as Resource[];
    expect(machines).toHaveLength(WORKFLOWS.length);
    const substitutionKeys = machines.map((m) => Object.keys(m.Properties.DefinitionSubstitutions as object).sort());
    expect(substitutionKeys).toEqual(
      expect.arrayContaining(WORKFLOWS.map((workflow) => Object.keys(workflow.functions).sort())),
    );
  });

  it('ends every function behind a route before API Gateway gives up at 30 s', () => {
    // Assess
    const routed = new Set(ROUTES.map((route) => route.functionId));
    for (const fn of FUNCTIONS.filter((candidate) => routed.has(candidate.id))) {
      template.hasResourceProperties('AWS::Lambda::Function', { Description: fn.description, Timeout: Match.anyValue() });
      const [resource] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: fn.description } })) as Resource[];
      expect(resource!.Properties.Timeout as number, fn.id).toBeLessThan(30);
    }
  });

  it('puts every route behind the Cognito JWT authorizer', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: Match.objectLike({ Issuer: Match.anyValue() }),
    });
    for (const route of ROUTES) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: 'JWT',
      });
    }
  });

  it('signs users in on the hosted page with the code flow, and tells the web app where', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'doan-test' });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid']),
      GenerateSecret: false,
    });
  });

  it('has one Cognito group per role and the unit as a custom attribute', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', ROLES.length);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'unitId', AttributeDataType: 'String' })]),
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('signs in by the directory user id as username (e-mail an alias), and lets no user write their unit or anything else that matters', () => {
    // Assess: the username is the directory id, so cognito:username is what the API reads
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0] as Resource;
    expect(pool.Properties.AliasAttributes).toEqual(['email']);
    expect(pool.Properties.UsernameAttributes).toBeUndefined();
    // An absent or empty WriteAttributes would let users write every attribute, custom:unitId included.
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0] as Resource;
    expect(client.Properties.WriteAttributes).toEqual(['locale']);
  });

  it('lets only the accounts task create accounts, and only create, update and add to a group', () => {
    // Assess
    const cognitoActions = (fn: (typeof FUNCTIONS)[number]) => actionsOf(fn.description).filter((action) => action.startsWith('cognito-idp:'));
    for (const fn of FUNCTIONS) {
      const expected = fn.id === 'provisionSignInAccounts' ? ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminUpdateUserAttributes'] : [];
      expect(cognitoActions(fn).sort(), fn.id).toEqual(expected);
    }
  });

  it('invites new accounts in Vietnamese through SES from the app’s domain, not Cognito’s 50-a-day sender', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER', From: Match.stringLikeRegexp('khong-tra-loi@doan.example') }),
      AdminCreateUserConfig: Match.objectLike({ InviteMessageTemplate: Match.objectLike({ EmailSubject: Match.stringLikeRegexp('Tài khoản của đồng chí') }) }),
    });
  });

  it('runs the daily sweep at 07:00 Vietnam time with the scheduled time as input', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      Target: Match.objectLike({ Input: Match.stringLikeRegexp('<aws.scheduler.scheduled-time>') }),
    });
  });

  it('starts the sweep state machine from the schedule with a role that may only start it', () => {
    // Prepare
    const [schedule] = Object.values(template.findResources('AWS::Scheduler::Schedule')) as Resource[];
    const target = schedule!.Properties.Target as { Arn: { Ref: string }; RoleArn: { 'Fn::GetAtt': string[] } };
    const machine = template.findResources('AWS::StepFunctions::StateMachine')[target.Arn.Ref] as Resource;
    const roleId = target.RoleArn['Fn::GetAtt'][0];
    const policies = (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[]).filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`));
    const statements = policies.flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement);

    // Assess: the daily-sweep machine (its PlanSweep and SendNotices tasks), and nothing else
    expect(Object.keys(machine.Properties.DefinitionSubstitutions as object).sort()).toEqual(['PlanSweepFunctionArn', 'RecordSweepRunFunctionArn', 'SendNoticesFunctionArn']);
    expect(statements.map((statement) => statement.Action)).toEqual(['states:StartExecution']);
    expect(statements[0]!.Resource).toEqual({ Ref: target.Arn.Ref });
  });

  it('lets only the notice sender use SES, from the configured identity and through the configuration set whose bounces come back; the sweep only plans', () => {
    const send = actionsOf(FUNCTIONS.find((fn) => fn.id === 'sendNotices')!.description);
    const plan = actionsOf(FUNCTIONS.find((fn) => fn.id === 'planSweep')!.description);
    const start = actionsOf(FUNCTIONS.find((fn) => fn.id === 'sweeps')!.description);
    expect(send).toContain('ses:SendEmail');
    expect(plan).not.toContain('ses:SendEmail');
    expect(plan).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem']));
    expect(start).toContain('states:StartExecution');
    expect(start).not.toContain('dynamodb:PutItem');
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'ses:SendEmail',
            Resource: Match.arrayWith([
              Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('identity/doan.example')])]) }),
              Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('configuration-set/')])]) }),
            ]),
          }),
        ]),
      }),
    });
  });

  it("gives each function its own role: logs to its own log group only (no AWSLambdaBasicExecutionRole), X-Ray's wildcard in a policy of its own", () => {
    // Prepare
    const roles = Object.entries(template.findResources('AWS::IAM::Role')).filter(([, role]) => FUNCTIONS.some((fn) => ((role as Resource).Properties.Description as string | undefined ?? '').startsWith(`${fn.id}: `)));
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
    const statementsOfRole = (roleId: string) =>
      policies
        .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
        .map((policy) => ({ name: String(policy.Properties.PolicyName), statements: (policy.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement }));

    // Assess
    expect(roles).toHaveLength(FUNCTIONS.length);
    for (const [roleId, role] of roles) {
      expect((role as Resource).Properties.ManagedPolicyArns).toBeUndefined();
      const attached = statementsOfRole(roleId);
      const logWrites = attached.flatMap((policy) => policy.statements).filter((statement) => [statement.Action].flat().includes('logs:PutLogEvents'));
      expect(logWrites).toHaveLength(1);
      expect(JSON.stringify(logWrites[0]!.Resource)).toMatch(/"Fn::GetAtt":\["\w*Logs\w*","Arn"\]/);
      const wildcards = attached.filter((policy) => policy.statements.some((statement) => statement.Resource === '*'));
      expect(wildcards.map((policy) => policy.statements.flatMap((statement) => [statement.Action].flat()))).toEqual([['xray:PutTraceSegments', 'xray:PutTelemetryRecords']]);
    }
  });

  it('compresses the web app at the edge, as the local server does', () => {
    // Assess
    template.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: { DefaultCacheBehavior: Match.objectLike({ Compress: true }) } });
  });

  it('keeps every bucket private, encrypted and TLS-only', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets).length).toBeGreaterThanOrEqual(2);
    for (const bucket of Object.values(buckets) as Resource[]) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
    }
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      }),
    });
  });

  it('passes the AWS Solutions and Serverless checks (cdk-nag), every exception acknowledged with a reason', () => {
    // Prepare
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    recognitionStacks(app, {
      // prod, with alarm recipients: every resource the stack can have
      stage: stageSettings('prod', (key) => (key === 'alarmEmail' ? 'vanhanh@doan.example' : undefined)),
      root: process.cwd(),
      mailFrom: 'khong-tra-loi@doan.example',
      authDomainPrefix: 'doan-test',
      env: { account: '123456789012', region: 'ap-southeast-1' },
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));

    // Act + Assess: synthesis throws with the report when a rule is broken
    expect(() => app.synth()).not.toThrow();
  });
});
