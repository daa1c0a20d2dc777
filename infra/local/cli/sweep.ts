import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { formatCalendarDate, parseCalendarDate, zonedInstant } from '../../../domain/dates.ts';
import { localArns } from '../arns.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../dynamodb.ts';
import { DEFAULT_PORTS } from '../stack.ts';
import { NOT_RUNNING } from './local-env.ts';

/**
 * npm run sweep -- --as-of 2027-02-11 (or 11/02/2027): runs the daily deadline sweep of the running
 * local stack as of that date: the same state machine the 07:00 schedule starts, with that day's
 * 07:00 as its input. The simulated clock of demos: walk a year in minutes. A date run again sends
 * nothing already sent.
 */
const argument = process.argv.slice(2).find((_arg, index, all) => all[index - 1] === '--as-of') ?? process.argv.find((arg) => arg.startsWith('--as-of='))?.slice(8);
const asOf = argument && (/^\d{4}-\d{2}-\d{2}$/.test(argument) ? argument : parseCalendarDate(argument));
if (!asOf) {
  console.error('Usage: npm run sweep -- --as-of 2027-02-11   (or --as-of 11/02/2027)');
  process.exit(2);
}

const client = new SFNClient({ endpoint: `http://127.0.0.1:${DEFAULT_PORTS.stepFunctions}`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
const name = `sweep-${asOf}-manual-${randomUUID().slice(0, 8)}`;
let executionArn: string | undefined;
try {
  ({ executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn: localArns.stateMachine('daily-sweep'), name, input: JSON.stringify({ scheduledTime: zonedInstant(asOf, 7, 0).toISOString() }) }),
  ));
} catch (error) {
  console.error(`Cannot reach the local Step Functions endpoint (${(error as Error).name}). ${NOT_RUNNING}`);
  process.exit(2);
}
console.info(`Quét hạn ngày ${formatCalendarDate(asOf)} (${name})…`);
for (;;) {
  const execution = await client.send(new DescribeExecutionCommand({ executionArn }));
  if (execution.status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, 300));
    continue;
  }
  if (execution.status !== 'SUCCEEDED') {
    console.error(`Lượt quét kết thúc với trạng thái ${execution.status}: ${execution.error ?? ''} ${execution.cause ?? ''}`);
    process.exit(1);
  }
  const output = JSON.parse(execution.output ?? '{}') as { plan?: { dues: number; digests: number; queued: number } };
  const plan = output.plan ?? { dues: 0, digests: 0, queued: 0 };
  console.info(`  ${plan.dues} nghĩa vụ đến hạn/quá hạn được xét, ${plan.digests} thư tổng hợp, ${plan.queued} thư mới được gửi.`);
  if (plan.digests > 0 && plan.queued === 0) console.info('  Ngày này đã quét trước đó: không gửi lại thư nào.');
  process.exit(0);
}
