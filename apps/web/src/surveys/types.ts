/**
 * Survey definitions as the API sends them (GET /me/assignments/:id, GET /public/recruitment/:slug).
 * The same shapes as libs/surveys/src/definitions/survey-definition.ts, kept local so the web
 * bundle does not import server code.
 */
export type QuestionType = 'single_choice' | 'multi_choice' | 'likert' | 'rating' | 'nps' | 'sus' | 'number' | 'text';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  prompt: string;
  options?: ChoiceOption[];
  required?: boolean;
  scale?: 5 | 7;
  min?: number;
  max?: number;
  maxLength?: number;
  showIf?: { questionId: string; equals: string | number };
}

export interface SurveyDefinition {
  questions: Question[];
}

/** single_choice → option value; multi_choice → option values; likert/rating/nps/number → number; sus → 10 integers; text → string. */
export type AnswerValue = string | number | string[] | number[];
/** A SUS answer being filled in: items not answered yet are null (never sent as such). */
export type DraftValue = AnswerValue | (number | null)[];
export type Answers = Record<string, AnswerValue>;
export type DraftAnswers = Record<string, DraftValue | undefined>;

/** A validation message as a catalogue key and its values, translated where it is shown. */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}

export const SUS_ITEM_COUNT = 10;
export const DEFAULT_TEXT_MAX_LENGTH = 5000;
