import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { ENV, PROCESS_WORKFLOW_ENV_OF, WORKFLOW_ENV_OF, type EnvName } from './env-names.ts';

/**
 * The one configuration module. Names come from environment variables set by the CDK stack or by
 * the local stack; endpoints come from the SDK's standard AWS_ENDPOINT_URL_<SERVICE> variables, so
 * the same code talks to AWS or to the local stand-ins without ever asking which.
 */
function required(name: EnvName): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

export const config = {
  get tableName() {
    return required(ENV.tableName);
  },
  /** The state machine that runs a model's process events. */
  processWorkflowArn(templateId: keyof typeof PROCESS_WORKFLOW_ENV_OF) {
    return required(PROCESS_WORKFLOW_ENV_OF[templateId]);
  },
  /** Another state machine (the appraisal draw, an appraisal's result). */
  workflowArn(workflowId: keyof typeof WORKFLOW_ENV_OF) {
    return required(WORKFLOW_ENV_OF[workflowId]);
  },
  get mailFrom() {
    return required(ENV.mailFrom);
  },
  get appUrl() {
    return required(ENV.appUrl);
  },
  /** Optional: the local SES stand-in has no configuration sets. */
  get mailConfigurationSet(): string | undefined {
    return process.env[ENV.mailConfigurationSet] || undefined;
  },
  get evidenceBucket() {
    return required(ENV.evidenceBucket);
  },
  get userPoolId() {
    return required(ENV.userPoolId);
  },
  get drawSeedKeyId() {
    return required(ENV.drawSeedKeyId);
  },
};

let documentClient: DynamoDBDocumentClient | undefined;
let sfnClient: SFNClient | undefined;
let sesClient: SESv2Client | undefined;
let s3Client: S3Client | undefined;
let cognitoClient: CognitoIdentityProviderClient | undefined;
let kmsClient: KMSClient | undefined;

export function keyService(): KMSClient {
  kmsClient ??= new KMSClient({});
  return kmsClient;
}

export function userPool(): CognitoIdentityProviderClient {
  cognitoClient ??= new CognitoIdentityProviderClient({});
  return cognitoClient;
}

export function dynamo(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function stepFunctions(): SFNClient {
  sfnClient ??= new SFNClient({});
  return sfnClient;
}

export function email(): SESv2Client {
  sesClient ??= new SESv2Client({});
  return sesClient;
}

export function objectStore(): S3Client {
  // Path-style addresses (host/bucket/key) where the store has a single host name; in AWS the
  // variable is unset and buckets get their own host names, as S3 recommends.
  s3Client ??= new S3Client({ forcePathStyle: process.env[ENV.s3ForcePathStyle] === 'true' });
  return s3Client;
}
