import { DomainError } from '@leadpanel/platform';

export type HomeTestingErrorCode =
  | 'PRODUCT_NOT_FOUND'
  | 'SHIPMENT_NOT_FOUND'
  | 'STUDY_NOT_FOUND'
  | 'BRAND_NOT_FOUND'
  | 'SKU_TAKEN'
  | 'INSUFFICIENT_STOCK'
  | 'ILLEGAL_TRANSITION'
  | 'NDA_NOT_ACCEPTED'
  | 'NDA_NOT_REQUIRED'
  | 'NDA_VERSION_CHANGED'
  | 'PRODUCT_OF_OTHER_BRAND'
  | 'USAGE_SURVEY_UNFIT'
  | 'STUDY_CLOSED'
  | 'NOT_YET_SHIPPED'
  | 'TRACKING_NUMBER_TAKEN'
  | 'WEBHOOK_NOT_CONFIGURED'
  | 'BAD_SIGNATURE'
  | 'BAD_CARRIER_EVENT';

const KIND: Record<HomeTestingErrorCode, DomainError['kind']> = {
  PRODUCT_NOT_FOUND: 'not_found',
  SHIPMENT_NOT_FOUND: 'not_found',
  STUDY_NOT_FOUND: 'not_found',
  BRAND_NOT_FOUND: 'business_rule',
  SKU_TAKEN: 'conflict',
  INSUFFICIENT_STOCK: 'conflict',
  ILLEGAL_TRANSITION: 'conflict',
  NDA_NOT_ACCEPTED: 'conflict',
  NDA_NOT_REQUIRED: 'business_rule',
  NDA_VERSION_CHANGED: 'conflict',
  PRODUCT_OF_OTHER_BRAND: 'business_rule',
  USAGE_SURVEY_UNFIT: 'business_rule',
  STUDY_CLOSED: 'conflict',
  NOT_YET_SHIPPED: 'conflict',
  TRACKING_NUMBER_TAKEN: 'conflict',
  WEBHOOK_NOT_CONFIGURED: 'unavailable',
  BAD_SIGNATURE: 'unauthenticated',
  BAD_CARRIER_EVENT: 'validation',
};

export class HomeTestingError extends DomainError {
  constructor(code: HomeTestingErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
