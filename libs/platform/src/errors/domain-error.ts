/**
 * Services throw DomainErrors, never HTTP exceptions. The kind decides the HTTP
 * status in one place (ProblemFilter); the code is stable and becomes the
 * problem `type` (`urn:leadpanel:problem:<code-in-kebab-case>`).
 */
export type DomainErrorKind =
  | 'validation' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'business_rule' // 422
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(code, 'not_found', `${what} was not found`);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fieldErrors: FieldError[] = [], code = 'VALIDATION_FAILED') {
    super(code, 'validation', message, fieldErrors);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'conflict', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this', code = 'FORBIDDEN') {
    super(code, 'forbidden', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication is required', code = 'UNAUTHENTICATED') {
    super(code, 'unauthenticated', message);
  }
}

export class BusinessRuleError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'business_rule', message);
  }
}

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  business_rule: 422,
  rate_limited: 429,
  unavailable: 503,
};

export function problemType(code: string): string {
  return `urn:leadpanel:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

/**
 * The 400 for a list of field problems: the detail is the one field's message, or a
 * count (`many`, by default "N fields are invalid"); `code` as for ValidationError.
 */
export function validationFailed(
  problems: FieldError[],
  { many = (count: number) => `${count} fields are invalid`, code }: { many?: (count: number) => string; code?: string } = {},
): ValidationError {
  return new ValidationError(
    problems.length === 1 ? `${problems[0].field}: ${problems[0].message}` : many(problems.length),
    problems,
    code,
  );
}

/** Throws validationFailed(problems, options). */
export function invalid(problems: FieldError[], options?: { many?: (count: number) => string; code?: string }): never {
  throw validationFailed(problems, options);
}
