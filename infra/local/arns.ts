import { LOCAL_REGION } from './dynamodb.ts';

/** ARNs the local stand-ins use: real ARN syntax, a dummy account. */
const ACCOUNT = '000000000000';

export const localArns = {
  lambda: (functionId: string) => `arn:aws:lambda:${LOCAL_REGION}:${ACCOUNT}:function:${functionId}`,
  stateMachine: (name: string) => `arn:aws:states:${LOCAL_REGION}:${ACCOUNT}:stateMachine:${name}`,
  execution: (stateMachineName: string, name: string) =>
    `arn:aws:states:${LOCAL_REGION}:${ACCOUNT}:execution:${stateMachineName}:${name}`,
  role: (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`,
  key: (keyId: string) => (keyId.startsWith('arn:') ? keyId : `arn:aws:kms:${LOCAL_REGION}:${ACCOUNT}:key/${keyId}`),
};

export function functionIdOfLocalArn(arn: string): string | undefined {
  const prefix = localArns.lambda('');
  return arn.startsWith(prefix) ? arn.slice(prefix.length) : undefined;
}
