import type { CfnStage} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { FunctionId } from '../catalog/functions.ts';
import type { RouteDefinition } from '../catalog/routes.ts';
import type { StageSettings } from '../stage.ts';

export interface RecognitionApiProps {
  routes: RouteDefinition[];
  functions: Record<FunctionId, IFunction>;
  userPool: UserPool;
  client: UserPoolClient;
  stage: StageSettings;
}

export const API_THROTTLE = { ratePerSecond: 300, burst: 600 };

/**
 * The HTTP API: every catalogued route, each behind the Cognito JWT authorizer. The browser
 * reaches it through CloudFront on the app's own origin (infra/constructs/web-hosting.ts), so it
 * answers no cross-origin calls: no CORS.
 */
export class RecognitionApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: RecognitionApiProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const authorizer = new HttpJwtAuthorizer(
      'Cognito',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: [props.client.userPoolClientId] },
    );
    this.api = new HttpApi(this, 'Api', { defaultAuthorizer: authorizer });
    // Access log: who called what and the outcome; never bodies or tokens.
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.stage.accessLogRetention, removalPolicy: props.stage.removalPolicy });
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    // A ceiling for the whole API (per second, and a burst): a national deadline day is a few
    // hundred requests a second at most; a runaway client or a flood stops here.
    stage.defaultRouteSettings = { throttlingRateLimit: API_THROTTLE.ratePerSecond, throttlingBurstLimit: API_THROTTLE.burst };
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        time: '$context.requestTime',
        route: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        user: '$context.authorizer.claims.sub',
        ip: '$context.identity.sourceIp',
      }),
    };
    const integrations = new Map<FunctionId, HttpLambdaIntegration>();
    for (const route of props.routes) {
      let integration = integrations.get(route.functionId);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.functionId}Integration`, props.functions[route.functionId]);
        integrations.set(route.functionId, integration);
      }
      this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
    }
  }
}
