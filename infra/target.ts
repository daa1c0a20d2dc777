import type { App, Environment } from 'aws-cdk-lib';

/** Vietnam's users are closest to Singapore; the data stays there unless an operator says otherwise. */
export const DEFAULT_REGION = 'ap-southeast-1';

/**
 * Where the stack deploys, stated explicitly: `-c region=…` / `-c account=…`, or the
 * CDK_DEPLOY_REGION / CDK_DEPLOY_ACCOUNT variables, else Singapore and the account of the
 * credentials. Never CDK_DEFAULT_REGION: the CDK CLI overwrites it with the profile's region
 * (often us-east-1) before the app runs, whatever the operator exported.
 */
export function targetEnvironment(app: App, env: NodeJS.ProcessEnv = process.env): Required<Pick<Environment, 'region'>> & Environment {
  const context = (name: string) => app.node.tryGetContext(name) as string | undefined;
  return {
    region: context('region') ?? env.CDK_DEPLOY_REGION ?? DEFAULT_REGION,
    account: context('account') ?? env.CDK_DEPLOY_ACCOUNT ?? env.CDK_DEFAULT_ACCOUNT,
  };
}
