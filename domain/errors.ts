/**
 * Domain errors. Each carries a Vietnamese message meant for the user; the HTTP edge maps the
 * class to a status code in one place (functions/shared/edge/http.ts).
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    // Step Functions matches Retry/Catch on the error name, so it must be the class name.
    this.name = new.target.name;
  }
}

export interface FieldIssue {
  /** Dotted path of the field, e.g. "data.issuedOn". */
  field: string;
  message: string;
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class NotFoundError extends DomainError {}
export class ConflictError extends DomainError {}
