import {
  DEFAULT_TEXT_MAX_LENGTH,
  SUS_ITEM_COUNT,
  type AnswerValue,
  type Answers,
  type DraftAnswers,
  type Problem,
  type Question,
  type SurveyDefinition,
} from './types';

/**
 * The browser's copy of the server's answer rules (libs/surveys/src/definitions/answers.ts), so a
 * panellist sees the same verdict before sending. The answer of a hidden question is neither
 * validated nor sent.
 */

/** Length in code points, as the server counts (an emoji is one character). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function meets(parent: Question, answer: unknown, equals: string | number): boolean {
  if (parent.type === 'multi_choice') return Array.isArray(answer) && (answer as unknown[]).includes(equals);
  return answer === equals;
}

/** The questions shown for these answers, in definition order. */
export function visibleQuestions(def: SurveyDefinition, answers: DraftAnswers): Question[] {
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const shown = new Set<string>();
  const out: Question[] = [];
  for (const q of def.questions) {
    const cond = q.showIf;
    const parent = cond === undefined ? undefined : byId.get(cond.questionId);
    const visible =
      cond === undefined ||
      (parent !== undefined &&
        shown.has(parent.id) &&
        meets(parent, Object.hasOwn(answers, parent.id) ? answers[parent.id] : undefined, cond.equals));
    if (visible) {
      shown.add(q.id);
      out.push(q);
    }
  }
  return out;
}

/** Whether a draft value counts as an answer at all (blank text or an empty selection does not). */
export function isAnswered(q: Question, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (q.type === 'text') return typeof value === 'string' && value.trim().length > 0;
  if (q.type === 'multi_choice') return Array.isArray(value) && value.length > 0;
  if (q.type === 'sus') return Array.isArray(value) && value.some((v) => v !== null && v !== undefined);
  if (typeof value === 'number') return !Number.isNaN(value);
  return true;
}

const isIntegerIn = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** Checks one answered value; returns the normalized value or the problem. */
export function checkAnswer(q: Question, value: unknown): { ok: true; value: AnswerValue } | { ok: false; problem: Problem } {
  const fail = (key: string, values?: Problem['values']) => ({ ok: false as const, problem: { key, values } });
  const range = (lo: number, hi: number) =>
    isIntegerIn(value, lo, hi) ? { ok: true as const, value } : fail('survey.errors.range', { min: lo, max: hi });
  switch (q.type) {
    case 'single_choice':
      return typeof value === 'string' && (q.options ?? []).some((o) => o.value === value)
        ? { ok: true, value }
        : fail('survey.errors.option');
    case 'multi_choice': {
      if (!Array.isArray(value) || value.length === 0) return fail('survey.errors.required');
      const values = (q.options ?? []).map((o) => o.value);
      if (!value.every((v) => typeof v === 'string' && values.includes(v)) || new Set(value).size !== value.length) {
        return fail('survey.errors.option');
      }
      return { ok: true, value: values.filter((v) => value.includes(v)) };
    }
    case 'likert':
      return range(1, q.scale ?? 5);
    case 'rating':
    case 'nps':
      return range(0, 10);
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('survey.errors.number');
      if (q.min !== undefined && value < q.min) return fail('survey.errors.min', { min: q.min });
      if (q.max !== undefined && value > q.max) return fail('survey.errors.max', { max: q.max });
      return { ok: true, value: value === 0 ? 0 : value };
    }
    case 'sus': {
      if (!Array.isArray(value) || value.length !== SUS_ITEM_COUNT || !value.every((v) => isIntegerIn(v, 1, 5))) {
        const missing = Array.isArray(value) ? SUS_ITEM_COUNT - value.filter((v) => isIntegerIn(v, 1, 5)).length : SUS_ITEM_COUNT;
        return fail('survey.errors.susIncomplete', { count: missing });
      }
      return { ok: true, value: value as number[] };
    }
    case 'text': {
      if (typeof value !== 'string') return fail('survey.errors.required');
      const trimmed = value.trim();
      if (trimmed.length === 0) return fail('survey.errors.required');
      const max = q.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
      if (charLength(trimmed) > max) return fail('survey.errors.tooLong', { max });
      return { ok: true, value: trimmed };
    }
  }
}

/** One question's verdict: an unanswered question is fine unless required (or `mode` is submit and it is required). */
export function validateQuestion(q: Question, value: unknown): Problem | null {
  if (!isAnswered(q, value)) return q.required ? { key: 'survey.errors.required' } : null;
  const check = checkAnswer(q, value);
  return check.ok ? null : check.problem;
}

export interface AnswersCheck {
  /** by question id, for shown questions only */
  errors: Record<string, Problem>;
  /** the valid answers of shown questions, in definition order: what to send */
  normalized: Answers;
}

/**
 * Every shown question checked as the server's submit does (required ones must be answered);
 * `partial` checks only what is answered (a partial save). Hidden questions' answers are dropped.
 */
export function validateAnswers(def: SurveyDefinition, answers: DraftAnswers, mode: 'submit' | 'partial' = 'submit'): AnswersCheck {
  const errors: Record<string, Problem> = {};
  const normalized: Answers = {};
  for (const q of visibleQuestions(def, answers)) {
    const value = answers[q.id];
    if (!isAnswered(q, value)) {
      if (mode === 'submit' && q.required) errors[q.id] = { key: 'survey.errors.required' };
      continue;
    }
    const check = checkAnswer(q, value);
    if (check.ok) normalized[q.id] = check.value;
    else errors[q.id] = check.problem;
  }
  return { errors, normalized };
}

/** Only the answers worth saving: valid ones of shown questions (a half-filled SUS waits). */
export function answersToSave(def: SurveyDefinition, answers: DraftAnswers): Answers {
  return validateAnswers(def, answers, 'partial').normalized;
}

/** Where to resume: the first shown question without an answer, else the review step (-1). */
export function resumeIndex(def: SurveyDefinition, answers: DraftAnswers): number {
  const shown = visibleQuestions(def, answers);
  const i = shown.findIndex((q) => !isAnswered(q, answers[q.id]) || checkAnswer(q, answers[q.id]).ok === false);
  return i;
}

/** Every catalogue key the validator can return (a test checks both catalogues hold them). */
export const PROBLEM_KEYS = [
  'survey.errors.required',
  'survey.errors.option',
  'survey.errors.range',
  'survey.errors.number',
  'survey.errors.min',
  'survey.errors.max',
  'survey.errors.susIncomplete',
  'survey.errors.tooLong',
] as const;
