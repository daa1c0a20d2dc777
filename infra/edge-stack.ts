import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeFirewall } from './constructs/edge-firewall.ts';
import type { StageSettings } from './stage.ts';

/** CloudFront's web ACL must be made in us-east-1, whatever region the app runs in. */
export const EDGE_REGION = 'us-east-1';

/** The firewall's own stack, deployed before the app's (`cdk deploy --all` orders them). */
export class EdgeStack extends Stack {
  readonly firewall: EdgeFirewall;

  constructor(scope: Construct, id: string, props: StackProps & { stage: StageSettings }) {
    super(scope, id, { ...props, crossRegionReferences: true });
    this.firewall = new EdgeFirewall(this, 'Firewall', { name: `${props.stage.stackName}-edge` });
  }
}
