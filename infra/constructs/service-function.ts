import type { CfnElement } from 'aws-cdk-lib';
import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { EVIDENCE_PREFIXES } from '../../domain/evidence.ts';
import { ENV, type EnvName } from '../../functions/shared/config/env-names.ts';
import { DEFAULT_TIMEOUT_SECONDS, type FunctionDefinition } from '../catalog/functions.ts';
import type { StageSettings } from '../stage.ts';


export interface ServiceFunctionProps {
  definition: FunctionDefinition;
  root: string;
  stage: StageSettings;
}

/**
 * One Lambda function (and its log group) with the project's defaults set once: Node.js 24 on
 * ARM, ESM bundle with source maps, X-Ray tracing, a month of logs. Permissions are granted only
 * through the bind… methods, each of which also sets the environment variable the code reads.
 */
export class ServiceFunction extends Construct {
  readonly function: NodejsFunction;

  readonly logGroup: LogGroup;

  /** This function's own execution role. */
  readonly role: Role;

  constructor(scope: Construct, id: string, { definition, root, stage }: ServiceFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: stage.logRetention, removalPolicy: stage.removalPolicy });
    this.logGroup = logGroup;
    // Its own role: AWSLambdaBasicExecutionRole would let it write to any log group; this one
    // writes to its own log group only.
    // IAM descriptions take Latin-1 only (no Vietnamese, no curly quotes): the id says which function.
    const role = (this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `${definition.id}: execution role of this one function` }));
    logGroup.grantWrite(role);
    this.function = new NodejsFunction(this, 'Function', {
      role,
      entry: join(root, definition.entry),
      handler: 'handler',
      description: definition.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: definition.memoryMb ?? 512,
      timeout: Duration.seconds(definition.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      logGroup,
      // JSON lines, and Lambda's own START/END/REPORT lines only at WARN: a national year's
      // invocations would write a few hundred bytes each that nobody reads (duration and memory
      // are CloudWatch metrics anyway). The app's lines (Powertools) keep INFO.
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      // The e-mail sender runs at most this many at once: SES's sending rate, not a burst, sets its pace.
      reservedConcurrentExecutions: definition.reservedConcurrency,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        // Error names must survive: Retry/Catch match them, and so do the logs.
        keepNames: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // Some dependencies still call require(); give the ESM bundle one.
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    this.traceWithXRay(role);
    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: 'Invoked synchronously only (API Gateway, Step Functions tasks); a DLQ receives failed asynchronous invocations alone. Failures are retried by the state machines, and every record waits in the outbox until carried out.',
    });
  }

  /**
   * X-Ray tracing, its two actions in a policy of their own: they accept no resource narrower
   * than *, and the acknowledgement sits on that policy alone, so a wildcard added anywhere else
   * in the function's grants is still reported.
   */
  private traceWithXRay(role: Role): void {
    (this.function.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
    const xray = new Policy(this, 'XRayWrite', {
      roles: [role],
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] })],
    });
    Validations.of(xray).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray PutTraceSegments/PutTelemetryRecords accept no resource narrower than *.' });
  }

  bindTable(table: ITableV2, access: 'read' | 'readWrite'): void {
    if (access === 'read') table.grantReadData(this.function);
    else table.grantReadWriteData(this.function);
    const tableLogicalId = Stack.of(table).resolve((table.node.defaultChild as CfnElement).logicalId) as string;
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
      reason: "Queries go through the table's own secondary indexes; the grant covers those indexes only.",
    });
    this.setEnv(ENV.tableName, table.tableName);
  }

  /** Start executions of the machine, and read how an earlier one of a name ended (a failed run is started again). */
  bindWorkflowStart(env: EnvName, stateMachine: IStateMachine): void {
    stateMachine.grantStartExecution(this.function);
    stateMachine.grantExecution(this.function, 'states:DescribeExecution');
    const stack = Stack.of(stateMachine);
    const shown = (value: string, token: string) => (Token.isUnresolved(value) ? token : value);
    const machineId = stack.resolve((stateMachine.node.defaultChild as CfnElement).logicalId) as string;
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${shown(stack.region, '<AWS::Region>')}:${shown(stack.account, '<AWS::AccountId>')}:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${machineId}"}]}]}:*]`,
      reason: "DescribeExecution on this one machine's executions: their names are the records' ids, known only at run time.",
    });
    this.setEnv(env, stateMachine.stateMachineArn);
  }

  /** Send as the identity, through the configuration set (SES checks both resources). */
  bindMail(from: string, resources: string[]): void {
    this.function.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['ses:SendEmail'], resources }),
    );
    this.setEnv(ENV.mailFrom, from);
  }

  /**
   * Evidence objects, each action on the one prefix it needs, named exactly (no List*, no
   * GetBucket*): `upload` signs forms that write under uploads/ and nowhere else; `check` reads an
   * upload, copies it under checked/ and deletes what is not kept; `read` serves checked copies.
   */
  bindEvidence(bucket: IBucket, actions: ('upload' | 'check' | 'read')[]): void {
    const uploads = bucket.arnForObjects(`${EVIDENCE_PREFIXES.uploads}*`);
    const checked = bucket.arnForObjects(`${EVIDENCE_PREFIXES.checked}*`);
    const allow = (verbs: string[], resources: string[]) => this.function.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: verbs, resources }));
    if (actions.includes('upload')) allow(['s3:PutObject'], [uploads]);
    if (actions.includes('check')) {
      allow(['s3:GetObject', 's3:DeleteObject'], [uploads, checked]);
      allow(['s3:PutObject'], [checked]);
    }
    if (actions.includes('read')) allow(['s3:GetObject'], [checked]);
    const bucketLogicalId = Stack.of(bucket).resolve((bucket.node.defaultChild as CfnElement).logicalId) as string;
    const prefixes = [...(actions.includes('upload') || actions.includes('check') ? [EVIDENCE_PREFIXES.uploads] : []), ...(actions.includes('check') || actions.includes('read') ? [EVIDENCE_PREFIXES.checked] : [])];
    Validations.of(this.function.role!).acknowledge(
      ...prefixes.map((prefix) => ({
        id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${prefix}*]`,
        reason: 'Evidence keys are made per file (unit/cycle/id); the grant covers this one prefix with named object actions.',
      })),
    );
    this.setEnv(ENV.evidenceBucket, bucket.bucketName);
  }

  /** Creates and updates sign-in accounts in the pool (no reads, no deletes, no passwords). */
  bindUserPool(pool: IUserPool): void {
    pool.grant(this.function, 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminAddUserToGroup');
    this.setEnv(ENV.userPoolId, pool.userPoolId);
  }

  setEnv(name: EnvName, value: string): void {
    this.function.addEnvironment(name, value);
  }
}
