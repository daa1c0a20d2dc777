import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { targetEnvironment } from '../../infra/target.ts';

describe('the deployment target', () => {
  it('is Singapore, not whatever region the CDK CLI put in CDK_DEFAULT_REGION', () => {
    // Act
    const env = targetEnvironment(new App(), { CDK_DEFAULT_REGION: 'us-east-1', CDK_DEFAULT_ACCOUNT: '111111111111' });

    // Assess
    expect(env).toEqual({ region: 'ap-southeast-1', account: '111111111111' });
  });

  it('is what the operator states, by context first, then by CDK_DEPLOY_* variables', () => {
    // Act
    const fromContext = targetEnvironment(new App({ context: { region: 'ap-southeast-7', account: '222222222222' } }), { CDK_DEPLOY_REGION: 'eu-west-1' });
    const fromVariables = targetEnvironment(new App(), { CDK_DEPLOY_REGION: 'ap-southeast-2', CDK_DEPLOY_ACCOUNT: '333333333333' });

    // Assess
    expect(fromContext).toEqual({ region: 'ap-southeast-7', account: '222222222222' });
    expect(fromVariables).toEqual({ region: 'ap-southeast-2', account: '333333333333' });
  });
});
