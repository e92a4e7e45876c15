import { DomainError } from '@leadpanel/platform';

export type InsightsErrorCode =
  'REPORT_NOT_FOUND' | 'REPORT_NOT_READY' | 'REPORT_NOT_PUBLISHED' | 'SHARE_LINK_NOT_FOUND' | 'STUDY_NOT_FOUND';

const KIND: Record<InsightsErrorCode, DomainError['kind']> = {
  REPORT_NOT_FOUND: 'not_found',
  REPORT_NOT_READY: 'conflict',
  REPORT_NOT_PUBLISHED: 'conflict',
  SHARE_LINK_NOT_FOUND: 'not_found',
  STUDY_NOT_FOUND: 'not_found',
};

export class InsightsError extends DomainError {
  constructor(code: InsightsErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
