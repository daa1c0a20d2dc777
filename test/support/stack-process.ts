import { startLocalStack } from '../../infra/local/stack.ts';
import { registerBranches } from './registered-branches.ts';

/**
 * The whole local stack in a process of its own, for a test that kills it (kill -9) mid-burst.
 * Usage: stack-process.ts <dataDir> <branches>. Brings `branches` chi đoàn of Tân Phú Đông to
 * "registered", each with a secretary `bt-crash-ap-<i>`, then prints one JSON line: the URLs and
 * DynamoDB Local's pid.
 */
const [dataDir, count] = process.argv.slice(2);
const stack = await startLocalStack({ dataDir: dataDir!, ports: { app: 0, dynamodb: 0, stepFunctions: 0, mail: 0, objectStore: 0, userPool: 0, keyService: 0 }, scheduler: false });
await registerBranches('crash', Number(count));
console.info(JSON.stringify({ ready: true, urls: stack.urls, dynamoPid: stack.database.pid }));
