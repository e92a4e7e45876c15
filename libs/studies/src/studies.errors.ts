import { DomainError } from '@leadpanel/platform';

export type StudyErrorCode =
  | 'STUDY_NOT_FOUND'
  | 'ILLEGAL_TRANSITION'
  | 'CRITERIA_LOCKED'
  | 'BRAND_NOT_FOUND'
  | 'INVITATION_NOT_FOUND'
  | 'INVITATION_CLOSED'
  | 'STUDY_NOT_RECRUITING'
  | 'PANELLIST_NOT_FOUND';

const KIND: Record<StudyErrorCode, DomainError['kind']> = {
  STUDY_NOT_FOUND: 'not_found',
  ILLEGAL_TRANSITION: 'conflict',
  CRITERIA_LOCKED: 'conflict',
  BRAND_NOT_FOUND: 'business_rule',
  INVITATION_NOT_FOUND: 'not_found',
  INVITATION_CLOSED: 'conflict',
  STUDY_NOT_RECRUITING: 'conflict',
  PANELLIST_NOT_FOUND: 'not_found',
};

export class StudyError extends DomainError {
  constructor(code: StudyErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
