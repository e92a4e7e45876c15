import { DomainError } from '@leadpanel/platform';

export type IdentityErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'INVALID_REFRESH_TOKEN'
  | 'REFRESH_TOKEN_REUSED'
  | 'EMAIL_TAKEN'
  | 'BRAND_SLUG_TAKEN'
  | 'BRAND_NOT_FOUND'
  | 'INVALID_ACCESS_TOKEN'
  | 'SESSION_REVOKED'
  | 'EMAIL_NOT_CONFIRMED';

const KIND: Record<IdentityErrorCode, DomainError['kind']> = {
  INVALID_CREDENTIALS: 'unauthenticated',
  INVALID_REFRESH_TOKEN: 'unauthenticated',
  REFRESH_TOKEN_REUSED: 'unauthenticated',
  INVALID_ACCESS_TOKEN: 'unauthenticated',
  SESSION_REVOKED: 'unauthenticated',
  EMAIL_NOT_CONFIRMED: 'forbidden',
  EMAIL_TAKEN: 'conflict',
  BRAND_SLUG_TAKEN: 'conflict',
  BRAND_NOT_FOUND: 'business_rule',
};

export class IdentityError extends DomainError {
  constructor(code: IdentityErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
