import { CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { FunctionId } from '../catalog/functions.ts';
import type { RouteDefinition } from '../catalog/routes.ts';

export interface RecognitionApiProps {
  routes: RouteDefinition[];
  functions: Record<FunctionId, IFunction>;
  userPool: UserPool;
  client: UserPoolClient;
  allowedOrigins: string[];
}

/** The HTTP API: every catalogued route, each behind the Cognito JWT authorizer. */
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
    this.api = new HttpApi(this, 'Api', {
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowHeaders: ['authorization', 'content-type'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
      },
    });
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
