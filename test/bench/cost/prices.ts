/**
 * List prices in ap-southeast-1 (Singapore), USD, as the AWS pricing pages gave them when this
 * table was written (2026-12-04). Prices change: check them before a budget is signed, and date
 * the change here. Free tiers are left out (a national system outgrows them in days).
 */
export const PRICES = {
  asOf: '2026-12-04',
  region: 'ap-southeast-1',
  stepFunctionsPerTransition: 0.025 / 1000,
  lambdaPerRequest: 0.2 / 1_000_000,
  /** Arm64, per GB-second. */
  lambdaPerGbSecond: 0.0000133334,
  dynamoPerWriteUnit: 0.7125 / 1_000_000,
  dynamoPerReadUnit: 0.1425 / 1_000_000,
  dynamoStoragePerGbMonth: 0.285,
  dynamoPitrPerGbMonth: 0.228,
  sesPerEmail: 0.1 / 1000,
  s3StandardPerGbMonth: 0.025,
  s3PutPer1000: 0.005,
  s3GetPer1000: 0.0004,
  httpApiPerRequest: 1.2 / 1_000_000,
  cloudWatchLogsPerGbIngested: 0.7,
  /** CloudFront, Asia Pacific edges (Vietnam's users): HTTPS requests and data out to the internet. */
  cloudFrontPerHttpsRequest: 0.012 / 10_000,
  cloudFrontPerGbOut: 0.14,
  cloudFrontFunctionPerInvocation: 0.1 / 1_000_000,
  /** CloudFront's always-free allowance, every month (not a first-year tier): counted, as it is never outgrown here. */
  cloudFrontFreeMonthly: { httpsRequests: 10_000_000, gbOut: 1024, functionInvocations: 2_000_000 },
  /** AWS WAF: each web ACL and each rule (a managed group counts as one) a month, and requests. */
  wafPerWebAclMonth: 5,
  wafPerRuleMonth: 1,
  wafPerRequest: 0.6 / 1_000_000,
  /** Cognito per monthly active user beyond the first 10,000 (Lite and Essentials tiers). */
  cognitoLitePerMau: 0.0055,
  cognitoEssentialsPerMau: 0.015,
  cognitoFreeMau: 10_000,
} as const;
