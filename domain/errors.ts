/**
 * Domain errors. Each carries a Vietnamese message meant for the user; the HTTP edge maps the
 * class to a status code in one place (functions/shared/edge/http.ts).
 *
 * Every class names itself in a string literal. Step Functions matches Retry/Catch on the error
 * name the Lambda runtime reports (`error.name`), and a minifier renames classes: a name taken
 * from the class would turn `MailDeliveryError` into `mr` in the deployed bundle.
 */
export class DomainError extends Error {
  override name: string = 'DomainError';

  constructor(message: string) {
    super(message);
  }
}

export interface FieldIssue {
  /** Dotted path of the field, e.g. "data.issuedOn". */
  field: string;
  message: string;
}

export class ValidationError extends DomainError {
  override name: string = 'ValidationError';

  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  override name: string = 'UnauthenticatedError';
}
export class ForbiddenError extends DomainError {
  override name: string = 'ForbiddenError';
}
export class NotFoundError extends DomainError {
  override name: string = 'NotFoundError';
}
export class ConflictError extends DomainError {
  override name: string = 'ConflictError';
}

/**
 * Errors that say the request itself is wrong or not allowed: running the task again cannot
 * change the answer, so workflows never retry them (every other task error is retried with
 * backoff: throttling, timeouts, a database that is briefly away). Subclasses are listed by name
 * (test/unit/error-names.test.ts checks that none is missing).
 */
export const PERMANENT_ERRORS = [
  'ValidationError',
  'UnauthenticatedError',
  'ForbiddenError',
  'NotFoundError',
  'ConflictError',
  'AssignmentError',
  'CycleError',
] as const;
