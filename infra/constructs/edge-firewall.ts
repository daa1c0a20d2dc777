import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { MANAGED_RULE_GROUPS, RATE_LIMIT } from '../catalog/edge-rules.ts';

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

/**
 * AWS WAF for the CloudFront distribution: the managed rule groups and the rate limit of
 * infra/catalog/edge-rules.ts. A CloudFront web ACL lives in us-east-1 whatever the app's region,
 * so this sits in a stack of its own (infra/edge-stack.ts).
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: { name: string }) {
    super(scope, id);
    const managed: CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((group, index) => ({
      name: group.name,
      priority: index + 1,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: group.name,
          ruleActionOverrides: group.countOnly.map(({ rule }) => ({ name: rule, actionToUse: { count: {} } })),
        },
      },
      visibilityConfig: visibility(group.name),
    }));
    const rate: CfnWebACL.RuleProperty = {
      name: 'ApiRatePerAddress',
      // Before the managed groups: a flood is refused without being inspected.
      priority: 0,
      action: { block: {} },
      statement: {
        rateBasedStatement: {
          limit: RATE_LIMIT.requestsPerFiveMinutes,
          evaluationWindowSec: 300,
          aggregateKeyType: 'IP',
          scopeDownStatement: {
            byteMatchStatement: {
              fieldToMatch: { uriPath: {} },
              positionalConstraint: 'STARTS_WITH',
              searchString: RATE_LIMIT.scope,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
        },
      },
      visibilityConfig: visibility('ApiRatePerAddress'),
    };
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.name,
      description: 'Youth Union recognition: managed rules and a per-address rate limit on the API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rules: [rate, ...managed],
      visibilityConfig: visibility(props.name),
    });
  }
}
