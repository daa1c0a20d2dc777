import type { App, Environment } from 'aws-cdk-lib';
import { EDGE_REGION, EdgeStack } from './edge-stack.ts';
import { RecognitionStack, type RecognitionStackProps } from './stack.ts';
import type { StageSettings } from './stage.ts';

/**
 * The deployable app: the firewall's stack in us-east-1 and the system's stack in its region,
 * the web ACL's ARN carried across (CDK writes it to SSM in the app's region and orders the
 * deploys). The CDK app and the tests both build it here.
 */
export function recognitionStacks(
  app: App,
  props: Omit<RecognitionStackProps, 'webAclArn' | 'stage' | 'env'> & { stage: StageSettings; env: Environment & { region: string } },
): { edge: EdgeStack; main: RecognitionStack } {
  const edge = new EdgeStack(app, props.stage.edgeStackName, {
    stage: props.stage,
    env: { account: props.env.account, region: EDGE_REGION },
    description: 'Youth Union unit recognition: the firewall in front of the app (CloudFront web ACLs live in us-east-1)',
  });
  const main = new RecognitionStack(app, props.stage.stackName, {
    ...props,
    crossRegionReferences: true,
    webAclArn: edge.firewall.webAcl.attrArn,
  });
  return { edge, main };
}
