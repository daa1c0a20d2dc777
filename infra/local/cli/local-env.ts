import { ENV } from '../../../functions/shared/config/env-names.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../dynamodb.ts';
import { DEFAULT_PORTS, LOCAL_TABLE_NAME } from '../stack.ts';

/**
 * The command-line tools read the running local stack's table by default; with TABLE_NAME (and
 * AWS credentials) set in the environment they read AWS, with the same code the API uses.
 */
export function useLocalTableUnlessConfigured(): void {
  if (process.env[ENV.tableName]) return;
  Object.assign(process.env, {
    [ENV.tableName]: LOCAL_TABLE_NAME,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${DEFAULT_PORTS.dynamodb}`,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  });
}

export const NOT_RUNNING = 'Is the local stack running? Start it with `npm start`.';
