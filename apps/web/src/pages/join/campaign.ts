import type { PublicCampaignDto } from '../../api/generated';
import type { Question } from '../../surveys/types';

/** The terms version recorded with the consents when the campaign does not name one. */
export const DEFAULT_TERMS_VERSION = '2026-01';
export const PASSWORD_MIN_LENGTH = 10;

/**
 * The public campaign page, its screener read as the survey player reads it (the schema's
 * QuestionDoc leaves option values and showIf's fields optional; the API serves published,
 * validated screeners). `termsVersion` is not in the API's answer (PublicCampaignDto): the
 * consents record DEFAULT_TERMS_VERSION unless a future API names one.
 */
export type Campaign = Omit<PublicCampaignDto, 'screener'> & {
  screener: Omit<PublicCampaignDto['screener'], 'questions'> & { questions: Question[] };
  termsVersion?: string;
};
