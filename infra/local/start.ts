import { performance } from 'node:perf_hooks';
import { formatDateTime } from '../../domain/dates.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import { DEMO_USERS } from './demo-users.ts';
import { startLocalStack } from './stack.ts';
import { buildWeb, webBuildIsStale } from './web-build.ts';

/** `npm start`: the whole system on this machine, one log stream, a clean Ctrl-C. */
const log = (line: string, source = 'local') => console.info(`[${source}] ${line}`);
const started = performance.now();
const root = process.cwd();

// The build runs beside the stack's start-up: the adapter reads web/dist only when a page is asked for.
const webBuild = webBuildIsStale(root)
  ? (log('Building the web app (first start or sources changed)…'), buildWeb(root))
  : Promise.resolve();
const [stack] = await Promise.all([startLocalStack({ dataDir: '.local', root, log }), webBuild]);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const accounts = DEMO_USERS.map(
  (user) => `    ${user.userId.padEnd(20)} ${ROLE_LABELS[user.roles[0]!].padEnd(36)} ${user.unitName}`,
).join('\n');

console.info(`
  Hệ thống công nhận Chi đoàn đạt chuẩn / Đoàn cơ sở "3 chủ động" is ready in ${seconds} s.

  Web app (open on a phone or a desktop)  ${stack.urls.app}
  Mail inbox (every email the system sends)  ${stack.urls.mailInbox}
  Step Functions endpoint (@aws-sdk/client-sfn)  ${stack.urls.stepFunctions}
  User pool (Cognito API: accounts made by imports)  ${stack.urls.userPool}
  DynamoDB Local  ${stack.urls.dynamodb}   table "${stack.tableName}"
  Object store (S3 API, evidence files)  ${stack.urls.objectStore}

  Demo accounts (pick one on the sign-in page, no password):
${accounts}

  Daily sweep next runs ${stack.nextScheduled.filter((s) => s.id === 'daily-sweep').map((s) => formatDateTime(s.next)).join(', ')} (Vietnam time); stuck records are repaired every 5 minutes.${
  stack.resumedExecutions ? `\n  Resumed ${stack.resumedExecutions} execution(s) left running by the last stop.` : ''
}
  Press Ctrl-C to stop; data is kept in .local/.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    stack
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  });
}
