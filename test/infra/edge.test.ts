import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANAGED_RULE_GROUPS, RATE_LIMIT } from '../../infra/catalog/edge-rules.ts';
import { EDGE_REGION } from '../../infra/edge-stack.ts';
import { recognitionStacks } from '../../infra/stacks.ts';
import { stageSettings } from '../../infra/stage.ts';

let edge: Template;
let main: Template;
let edgeRegion: string;

beforeAll(() => {
  // Prepare: the app as `cdk deploy --all` deploys it, without bundling (the templates are the same)
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = recognitionStacks(app, {
    stage: stageSettings('prod'),
    root: process.cwd(),
    mailFrom: 'khong-tra-loi@doan.example',
    authDomainPrefix: 'doan-prod',
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  edge = Template.fromStack(stacks.edge);
  main = Template.fromStack(stacks.main);
  edgeRegion = stacks.edge.region;
});

type Resource = { Type: string; Properties: Record<string, unknown> };
type Behavior = { PathPattern?: string; TargetOriginId: string; CachePolicyId: unknown; OriginRequestPolicyId?: unknown; AllowedMethods?: string[] };

describe('the firewall', () => {
  it('is a CloudFront web ACL in us-east-1: the rate limit on the API first, then each managed group, its counted rules as said', () => {
    // Assess
    expect(edgeRegion).toBe(EDGE_REGION);
    const [acl] = Object.values(edge.findResources('AWS::WAFv2::WebACL')) as Resource[];
    expect(acl!.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    type Statement = { RateBasedStatement?: unknown; ManagedRuleGroupStatement?: { RuleActionOverrides?: { Name: string }[] } };
    const rules = acl!.Properties.Rules as { Name: string; Priority: number; Statement: Statement }[];
    expect(rules.map((rule) => rule.Name)).toEqual(['ApiRatePerAddress', ...MANAGED_RULE_GROUPS.map((group) => group.name)]);
    expect(rules[0]!.Statement.RateBasedStatement).toMatchObject({
      Limit: RATE_LIMIT.requestsPerFiveMinutes,
      AggregateKeyType: 'IP',
      ScopeDownStatement: { ByteMatchStatement: { SearchString: '/api/', PositionalConstraint: 'STARTS_WITH' } },
    });
    for (const group of MANAGED_RULE_GROUPS) {
      const rule = rules.find((candidate) => candidate.Name === group.name)!;
      expect(rule.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: group.name });
      expect((rule.Statement.ManagedRuleGroupStatement?.RuleActionOverrides ?? []).map((override) => override.Name)).toEqual(group.countOnly.map(({ rule: name }) => name));
    }
  });

  it("guards the distribution: its web ACL is the edge stack's, read across regions", () => {
    // Assess
    const [distribution] = Object.values(main.findResources('AWS::CloudFront::Distribution')) as Resource[];
    const aclRef = JSON.stringify((distribution!.Properties.DistributionConfig as { WebACLId: unknown }).WebACLId);
    const [readerId] = Object.keys(main.findResources('Custom::CrossRegionExportReader'));
    expect(aclRef).toContain(readerId);
    expect(aclRef).toContain('FirewallWebAcl');
  });
});

describe('one origin for the app and its API', () => {
  it('passes /api/* to the HTTP API uncached, every method, the Authorization header and the query, never the Host', () => {
    // Assess
    const [distribution] = Object.values(main.findResources('AWS::CloudFront::Distribution')) as Resource[];
    const config = distribution!.Properties.DistributionConfig as { CacheBehaviors: Behavior[]; Origins: { Id: string; DomainName: unknown }[]; CustomErrorResponses?: unknown };
    const api = config.CacheBehaviors.find((behavior) => behavior.PathPattern === '/api/*')!;
    const [apiId] = Object.keys(main.findResources('AWS::ApiGatewayV2::Api'));
    expect(JSON.stringify(config.Origins.find((origin) => origin.Id === api.TargetOriginId)!.DomainName)).toContain(`"Ref":"${apiId}"`);
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']));
    // AWS's managed AllViewerExceptHostHeader: API Gateway answers only to its own host name
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    const policyId = (api.CachePolicyId as { Ref: string }).Ref;
    const policy = (main.toJSON() as { Resources: Record<string, Resource> }).Resources[policyId]!;
    expect(policy.Properties.CachePolicyConfig).toMatchObject({
      DefaultTTL: 0,
      MinTTL: 0,
      ParametersInCacheKeyAndForwardedToOrigin: { HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['authorization'] }, QueryStringsConfig: { QueryStringBehavior: 'all' } },
    });
    // No distribution-wide error pages: an API's 403 or 404 must reach the app as it is.
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it("serves the app's routes by a viewer-request function, and the API takes no cross-origin calls", () => {
    // Assess
    main.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })] }),
      }),
    });
    main.hasResourceProperties('AWS::CloudFront::Function', { FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }) });
    main.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });
});
