import { DomainError } from '@leadpanel/platform';

export type FeedbackErrorCode =
  | 'FEEDBACK_NOT_FOUND'
  | 'STUDY_NOT_FOUND'
  | 'NOT_A_PARTICIPANT'
  | 'STUDY_CLOSED'
  | 'ILLEGAL_TRANSITION'
  | 'INVALID_DUPLICATE_TARGET'
  | 'OWN_FEEDBACK'
  | 'PRODUCT_NOT_OF_STUDY_BRAND';

const KIND: Record<FeedbackErrorCode, DomainError['kind']> = {
  FEEDBACK_NOT_FOUND: 'not_found',
  STUDY_NOT_FOUND: 'not_found',
  NOT_A_PARTICIPANT: 'forbidden',
  STUDY_CLOSED: 'conflict',
  ILLEGAL_TRANSITION: 'conflict',
  INVALID_DUPLICATE_TARGET: 'business_rule',
  OWN_FEEDBACK: 'business_rule',
  PRODUCT_NOT_OF_STUDY_BRAND: 'business_rule',
};

export class FeedbackError extends DomainError {
  constructor(code: FeedbackErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
