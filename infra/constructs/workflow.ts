import type { CfnElement} from 'aws-cdk-lib';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { join } from 'node:path';
import type { FunctionId } from '../catalog/functions.ts';
import type { WorkflowDefinition } from '../catalog/workflows.ts';
import type { StageSettings } from '../stage.ts';

export interface WorkflowProps {
  definition: WorkflowDefinition;
  functions: Record<FunctionId, IFunction>;
  root: string;
  stage: StageSettings;
}

/**
 * A state machine loaded from its ASL file, the same file the local engine runs. Each
 * `${Placeholder}` becomes a function ARN, and the role may invoke exactly those functions.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, { definition, functions, root, stage }: WorkflowProps) {
    super(scope, id);
    const substitutions: Record<string, string> = {};
    const invoked: IFunction[] = [];
    for (const [placeholder, functionId] of Object.entries(definition.functions)) {
      const fn = functions[functionId];
      substitutions[placeholder] = fn.functionArn;
      invoked.push(fn);
    }
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      definitionBody: DefinitionBody.fromFile(join(root, definition.file)),
      definitionSubstitutions: substitutions,
      stateMachineType: definition.type === 'EXPRESS' ? StateMachineType.EXPRESS : StateMachineType.STANDARD,
      timeout: Duration.minutes(15),
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'Logs', { retention: stage.logRetention, removalPolicy: stage.removalPolicy }),
        // Failures only: ALL logged every state of every execution (most of the logging bill);
        // the execution history already keeps each step for 90 days.
        level: LogLevel.ERROR,
        // Inputs carry personal data (names, figures); the execution history keeps them, logs don't.
        includeExecutionData: false,
      },
    });
    for (const fn of invoked) {
      fn.grantInvoke(this.stateMachine);
      const logicalId = Stack.of(fn).resolve((fn.node.defaultChild as CfnElement).logicalId) as string;
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        reason: 'grantInvoke also allows the versions and aliases of this one function.',
      });
    }
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-SF1',
      reason: 'Logs carry failures only (ERROR): every step of every execution is in its execution history for 90 days, and logging ALL was most of the logging bill.',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'CloudWatch Logs delivery and X-Ray actions for Step Functions accept no resource narrower than *.',
    });
  }
}
