/**
 * The AWS limits the local stand-ins enforce, so that what AWS would refuse is refused on one
 * machine too, the same way (docs/limits.md lists each with where it is enforced).
 */
export const AWS_LIMITS = {
  /** Step Functions: execution input, a state's input and output, a task's result (UTF-8). */
  stepFunctionsPayloadBytes: 256 * 1024,
  /** Lambda synchronous invocation: the request and the response. */
  lambdaPayloadBytes: 6 * 1024 * 1024,
  /** API Gateway HTTP API: the request body. */
  httpApiBodyBytes: 10 * 1024 * 1024,
  /** API Gateway HTTP API: the integration's answer, after which the client gets 503. */
  httpApiTimeoutMs: 30_000,
  /** SES v2 SendEmail: To + Cc + Bcc of one message. */
  sesRecipientsPerMessage: 50,
} as const;

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The size of a value as the service sees it: its JSON text in UTF-8. */
export const jsonBytes = (value: unknown): number => utf8Bytes(JSON.stringify(value ?? null));
