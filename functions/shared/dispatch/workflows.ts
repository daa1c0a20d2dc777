import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { stepFunctions } from '../config/config.ts';

/**
 * Starts an execution named after the record it advances. Step Functions refuses a second
 * execution of the same name, so a retried request can never advance a record twice.
 */
export async function startWorkflowOnce(stateMachineArn: string, name: string, input: object): Promise<void> {
  try {
    await stepFunctions().send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists) return;
    throw error;
  }
}
