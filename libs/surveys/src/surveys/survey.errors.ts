import { DomainError } from '@leadpanel/platform';

export type SurveyErrorCode = 'SURVEY_NOT_FOUND' | 'SURVEY_PUBLISHED' | 'SURVEY_NOT_PUBLISHED' | 'SURVEY_WRONG_KIND';

const KIND: Record<SurveyErrorCode, DomainError['kind']> = {
  SURVEY_NOT_FOUND: 'not_found',
  SURVEY_PUBLISHED: 'conflict',
  SURVEY_NOT_PUBLISHED: 'business_rule',
  SURVEY_WRONG_KIND: 'business_rule',
};

export class SurveyError extends DomainError {
  constructor(code: SurveyErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
