import type { CfnElement} from 'aws-cdk-lib';
import { RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { existsSync, readFileSync } from 'node:fs';
import { Duration } from 'aws-cdk-lib';
import { join } from 'node:path';
import { contentSecurityPolicy, HSTS_SECONDS, inlineScriptHashes } from '../catalog/security-headers.ts';
import { API_PREFIX, CLIENT_ROUTE_FUNCTION } from '../catalog/web-routes.ts';
import type { StageSettings } from '../stage.ts';

export interface WebHostingProps {
  /** Repository root: index.html's inline script is hashed for the CSP from web/dist. */
  root: string;
  /** Host of Cognito's sign-in domain (the token is fetched from it). */
  authDomain: string;
  stage: StageSettings;
  /** The WAF web ACL (in us-east-1) every request to the app and its API passes. */
  webAclArn: string;
}

/**
 * The web app and its API on one origin: CloudFront (behind WAF) serves the built app from a
 * private S3 bucket, its client-side routes as index.html, and passes `/api/*` to the HTTP API, so
 * the browser makes no cross-origin call to the API and the firewall sees every request.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  private readonly headers: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const indexHtml = join(props.root, 'web/dist/index.html');
    // The upload store by pattern, not by resource: the bucket is made after the distribution (its
    // CORS names the distribution's domain), so naming it here would be a dependency cycle.
    const csp = contentSecurityPolicy({
      connect: [`https://*.s3.${region}.amazonaws.com`, `https://${props.authDomain}`],
      inlineScriptHashes: existsSync(indexHtml) ? inlineScriptHashes(readFileSync(indexHtml, 'utf8')) : [],
    });
    const headers = (this.headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'CSP, HSTS, no framing, no sniffing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_SECONDS), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
    }));
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
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new EdgeFunction(this, 'ClientRoutes', {
              comment: 'Client-side routes of the web app are served index.html',
              code: FunctionCode.fromInline(CLIENT_ROUTE_FUNCTION),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      defaultRootObject: 'index.html',
      webAclId: props.webAclArn,
    });
    Validations.of(this).acknowledge(
      { id: 'AwsSolutions-S1', reason: 'The bucket holds only the public build of the web app; no personal data.' },
      { id: 'AwsSolutions-CFR1', reason: 'Members study and work abroad too; no geo restriction.' },
      { id: 'AwsSolutions-CFR3', reason: 'API calls are logged by API Gateway (who, what, outcome); the static files carry no personal data.' },
      { id: 'AwsSolutions-CFR4', reason: 'The default CloudFront domain cannot pin a TLS policy; set one with the custom domain.' },
    );
  }

  /**
   * `/api/*` to the HTTP API: never cached (the Authorization header is in the key only because
   * CloudFront forwards it no other way), every method, the viewer's headers but Host (API Gateway
   * answers only to its own name).
   */
  routeApi(api: HttpApi): void {
    const stack = Stack.of(this);
    const passThrough = new CachePolicy(this, 'ApiPassThrough', {
      comment: 'API: not cached; Authorization and the query reach the API',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    this.distribution.addBehavior(`${API_PREFIX}*`, new HttpOrigin(`${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`), {
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: passThrough,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.headers,
      compress: true,
    });
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
