import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../../domain/errors.ts';
import { correlate, log, structuredLogs } from '../observe/log.ts';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type HttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

const STATUS_BY_ERROR = new Map<typeof DomainError, number>([
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
]);

export function json(statusCode: number, body: unknown): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file to download under the name given: base64 through API Gateway, never cached. */
export function attachment(body: Buffer, type: string, fileName: string): HttpResult {
  return {
    statusCode: 200,
    headers: { 'content-type': type, 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}

/** Maps a thrown error to a response: domain errors say what to fix, anything else is a bare 500. */
export function errorResponse(error: unknown): HttpResult {
  if (error instanceof DomainError) {
    const status = STATUS_BY_ERROR.get(error.constructor as typeof DomainError) ?? 400;
    const issues = error instanceof ValidationError ? error.issues : undefined;
    return json(status, { error: error.name, message: error.message, issues });
  }
  // Internals stay in the log, keyed by nothing secret; the user gets a plain apology.
  log().error('request.failed', error instanceof Error ? error : String(error));
  return json(500, { error: 'InternalError', message: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.' });
}

/** What an id in a path may look like: every id the system makes fits; a key DynamoDB refuses does not. */
const PATH_PARAMETER = /^[\w.~-]{1,128}$/;

/** Refuses a path parameter no record could have, before a handler hands it to the table. */
export function boundPathParameters(event: HttpEvent): void {
  const issues = Object.entries(event.pathParameters ?? {})
    .filter(([, value]) => !PATH_PARAMETER.test(value ?? ''))
    .map(([field]) => ({ field, message: 'Mã không hợp lệ: chỉ gồm chữ không dấu, số, dấu gạch (tối đa 128 ký tự).' }));
  if (issues.length > 0) throw new ValidationError('Địa chỉ không hợp lệ: mã trong đường dẫn quá dài hoặc có ký tự lạ.', issues);
}

export function httpErrors(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: (request) => {
      // Until a record exists, the request is what this invocation's lines are about.
      correlate(request.event.requestContext?.requestId);
      boundPathParameters(request.event);
    },
    onError: (request) => {
      request.response = errorResponse(request.error);
    },
  };
}

/** Reads a JSON body; API Gateway may hand it over base64-encoded. */
export function jsonBody(event: HttpEvent): unknown {
  if (!event.body) throw new ValidationError('Thiếu nội dung yêu cầu.');
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('Nội dung yêu cầu không phải JSON hợp lệ.');
  }
}

/** Wraps an undecorated handler with the HTTP error mapping; export both from each handler file. */
export function httpHandler(handler: HttpHandler) {
  return middy<HttpEvent, HttpResult>(handler).use(structuredLogs()).use(httpErrors());
}
