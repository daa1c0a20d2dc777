import type { CfnElement} from 'aws-cdk-lib';
import { RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { Distribution, HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { existsSync, readFileSync } from 'node:fs';
import { Duration } from 'aws-cdk-lib';
import { join } from 'node:path';
import { contentSecurityPolicy, HSTS_SECONDS, inlineScriptHashes } from '../catalog/security-headers.ts';
import type { StageSettings } from '../stage.ts';

export interface WebHostingProps {
  /** Repository root: index.html's inline script is hashed for the CSP from web/dist. */
  root: string;
  /** Host of Cognito's sign-in domain (the token is fetched from it). */
  authDomain: string;
  stage: StageSettings;
}

/** The web app: a private S3 bucket behind CloudFront, with client-side routes falling back to index.html. */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const indexHtml = join(props.root, 'web/dist/index.html');
    // Origins by pattern, not by resource: the API and the bucket are made after the distribution
    // (their CORS names its domain), so naming them here would be a dependency cycle.
    const csp = contentSecurityPolicy({
      connect: [`https://*.execute-api.${region}.amazonaws.com`, `https://*.s3.${region}.amazonaws.com`, `https://${props.authDomain}`],
      inlineScriptHashes: existsSync(indexHtml) ? inlineScriptHashes(readFileSync(indexHtml, 'utf8')) : [],
    });
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'CSP, HSTS, no framing, no sniffing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_SECONDS), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
    });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: props.stage.removalPolicy,
      autoDeleteObjects: props.stage.removalPolicy === RemovalPolicy.DESTROY,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        // gzip and Brotli at the edge: the app's JavaScript is a fifth of its size on the wire.
        compress: true,
      },
      defaultRootObject: 'index.html',
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 200, responsePagePath: '/index.html' }],
    });
    Validations.of(this).acknowledge(
      { id: 'AwsSolutions-S1', reason: 'The bucket holds only the public build of the web app; no personal data.' },
      { id: 'AwsSolutions-CFR1', reason: 'Members study and work abroad too; no geo restriction.' },
      { id: 'AwsSolutions-CFR2', reason: 'Static files only; the API behind it is authenticated. WAF to be decided with the client on cost.' },
      { id: 'AwsSolutions-CFR3', reason: 'Static files only; API calls are logged by API Gateway.' },
      { id: 'AwsSolutions-CFR4', reason: 'The default CloudFront domain cannot pin a TLS policy; set one with the custom domain.' },
    );
  }

  /** Uploads the built app plus its runtime configuration, and refreshes CloudFront. */
  deploy(distDir: string, appConfig: Record<string, unknown>): void {
    if (!existsSync(distDir)) return;
    new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      distribution: this.distribution,
      sources: [Source.asset(distDir), Source.jsonData('app-config.json', appConfig)],
    });
    // CDK's own deployment function, a singleton at stack level: its runtime and S3 grants are CDK's.
    const deployer = Stack.of(this).node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (deployer) {
      const stack = Stack.of(this);
      const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<${pseudo}>` : value);
      const assets = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${shown(stack.account, 'AWS::AccountId')}-${shown(stack.region, 'AWS::Region')}/*`;
      const webBucket = stack.resolve((this.bucket.node.defaultChild as CfnElement).logicalId) as string;
      const copying = 'CDK-managed deployment function: copies the built app from the asset bucket into the web bucket.';
      Validations.of(deployer).acknowledge(
        { id: 'AwsSolutions-L1', reason: 'CDK pins the runtime of its BucketDeployment function.' },
        { id: 'Serverless-LambdaLatestVersion', reason: 'CDK pins the runtime of its BucketDeployment function.' },
        { id: 'Serverless-LambdaDLQ', reason: 'CloudFormation invokes the deployment function and reports its failure as the deploy failing; there is nothing to replay.' },
        { id: 'Serverless-LambdaTracing', reason: 'Runs once per deploy, inside CloudFormation; its log is enough.' },
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'CDK-managed deployment function: basic execution role for its logs.',
        },
        ...['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*']
          .concat([`Resource::${assets}`, `Resource::<${webBucket}.Arn>/*`, 'Resource::*'])
          .map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason: copying })),
      );
    }
  }
}
