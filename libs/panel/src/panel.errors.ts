import { DomainError } from '@leadpanel/platform';

export type PanelErrorCode =
  | 'CAMPAIGN_NOT_FOUND'
  | 'CAMPAIGN_SLUG_TAKEN'
  | 'ATTRIBUTE_KEY_TAKEN'
  | 'PANELLIST_NOT_FOUND'
  | 'ILLEGAL_STATUS_CHANGE'
  | 'INVALID_CONFIRMATION_TOKEN'
  | 'ALREADY_CONFIRMED'
  | 'NOT_ADULT'
  | 'NO_CAMPAIGN_TO_REFER'
  | 'PANELLIST_NOT_ACTIVE';

const KIND: Record<PanelErrorCode, DomainError['kind']> = {
  CAMPAIGN_NOT_FOUND: 'not_found',
  CAMPAIGN_SLUG_TAKEN: 'conflict',
  ATTRIBUTE_KEY_TAKEN: 'conflict',
  PANELLIST_NOT_FOUND: 'not_found',
  ILLEGAL_STATUS_CHANGE: 'conflict',
  INVALID_CONFIRMATION_TOKEN: 'validation',
  ALREADY_CONFIRMED: 'conflict',
  NOT_ADULT: 'validation',
  NO_CAMPAIGN_TO_REFER: 'business_rule',
  PANELLIST_NOT_ACTIVE: 'business_rule',
};

export class PanelError extends DomainError {
  constructor(code: PanelErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
