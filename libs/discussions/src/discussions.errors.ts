import { DomainError } from '@leadpanel/platform';

export type DiscussionErrorCode =
  | 'STUDY_NOT_FOUND'
  | 'ROUND_NOT_FOUND'
  | 'POST_NOT_FOUND'
  | 'NOT_A_PARTICIPANT'
  | 'POST_FIRST'
  | 'NOT_AUTHOR'
  | 'STUDY_CLOSED'
  | 'ROUND_NOT_OPEN'
  | 'EDIT_WINDOW_CLOSED'
  | 'POST_HIDDEN'
  | 'INVALID_PARENT'
  | 'OWN_POST'
  | 'NOT_AN_IDEA'
  | 'CANNOT_PIN_REPLY'
  | 'CODE_NAME_TAKEN';

const KIND: Record<DiscussionErrorCode, DomainError['kind']> = {
  STUDY_NOT_FOUND: 'not_found',
  ROUND_NOT_FOUND: 'not_found',
  POST_NOT_FOUND: 'not_found',
  NOT_A_PARTICIPANT: 'forbidden',
  // the problem type is urn:leadpanel:problem:post-first
  POST_FIRST: 'forbidden',
  NOT_AUTHOR: 'forbidden',
  STUDY_CLOSED: 'conflict',
  ROUND_NOT_OPEN: 'conflict',
  EDIT_WINDOW_CLOSED: 'conflict',
  POST_HIDDEN: 'conflict',
  INVALID_PARENT: 'business_rule',
  OWN_POST: 'business_rule',
  NOT_AN_IDEA: 'business_rule',
  CANNOT_PIN_REPLY: 'business_rule',
  CODE_NAME_TAKEN: 'conflict',
};

export class DiscussionError extends DomainError {
  constructor(code: DiscussionErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
