import { isIntegerIn, isRecord } from '@leadpanel/platform';
import {
  charLength,
  type FieldProblem,
  likertScale,
  type Question,
  type SurveyDefinition,
  SUS_ITEM_COUNT,
  SUS_MAX,
  SUS_MIN,
  textMaxLength,
  ZERO_TO_TEN,
} from './survey-definition';

/**
 * The one answer validator, shared by partial save (PUT /me/assignments/:id/answers) and
 * submit (POST /me/assignments/:id/submit). Pure; call it only with a definition that
 * passed validateDefinition (published surveys are immutable, so they always have).
 *
 * Values follow docs/http-contract.md "Answer values" and are never coerced ("5" is not 5);
 * a blank text is an error, not a way to clear.
 *
 * Merging: `options.saved` (trusted) is patched by `answers` question by question; `null`
 * clears, `undefined` is ignored. Visibility is decided on the merged answers, so an
 * incoming answer to a hidden question is an error, but a saved answer the patch hides is
 * dropped, not an error (changing a parent answer must not fail because of an old child
 * answer). A question depending on an invalid incoming answer is neither hidden nor
 * required: the invalid parent is the one error.
 *
 * `normalized` (valid, shown answers in definition order) replaces the stored answers; it
 * is only meaningful when `errors` is empty.
 */

/** `boolean` is part of the wire type but no question type accepts it today. */
export type AnswerValue = string | number | boolean | string[] | number[];
export type AnswerMode = 'partial' | 'submit';

export interface ValidateAnswersOptions {
  /** answers saved so far (a previous `normalized`); the patch is merged over them */
  saved?: Readonly<Record<string, AnswerValue>>;
}

export interface AnswersValidation {
  errors: FieldProblem[];
  normalized: Record<string, AnswerValue>;
}

export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; message: string };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

function noNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}

function preview(values: readonly string[]): string {
  const shown = values.slice(0, 10).map((v) => JSON.stringify(v));
  return values.length > 10 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Checks one value against one question and returns the normalized value. */
export function checkAnswerValue(q: Question, value: unknown): AnswerCheck {
  const fail = (message: string): AnswerCheck => ({ ok: false, message });
  const integerIn = (lo: number, hi: number): AnswerCheck =>
    isIntegerIn(value, lo, hi)
      ? { ok: true, value: noNegativeZero(value) }
      : fail(`must be an integer from ${lo} to ${hi}, not ${describe(value)}`);

  switch (q.type) {
    case 'single_choice': {
      const values = (q.options ?? []).map((o) => o.value);
      if (typeof value === 'string' && values.includes(value)) return { ok: true, value };
      return fail(
        `must be one of the option values ${preview(values)}, not ${typeof value === 'string' ? JSON.stringify(value) : describe(value)}`,
      );
    }
    case 'multi_choice': {
      const values = (q.options ?? []).map((o) => o.value);
      if (!Array.isArray(value) || value.length === 0) {
        return fail(`must be a non-empty array of option values (${preview(values)}), not ${describe(value)}`);
      }
      const seen = new Set<string>();
      for (const [i, v] of value.entries()) {
        if (typeof v !== 'string' || !values.includes(v)) {
          return fail(
            `item ${i + 1} must be one of the option values ${preview(values)}, not ${typeof v === 'string' ? JSON.stringify(v) : describe(v)}`,
          );
        }
        if (seen.has(v)) return fail(`must not select ${JSON.stringify(v)} twice`);
        seen.add(v);
      }
      return { ok: true, value: values.filter((v) => seen.has(v)) };
    }
    case 'likert':
      return integerIn(1, likertScale(q));
    case 'rating':
    case 'nps':
      return integerIn(ZERO_TO_TEN.min, ZERO_TO_TEN.max);
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`must be a finite number, not ${describe(value)}`);
      if (q.min !== undefined && value < q.min) return fail(`must be at least ${q.min}, not ${value}`);
      if (q.max !== undefined && value > q.max) return fail(`must be at most ${q.max}, not ${value}`);
      return { ok: true, value: noNegativeZero(value) };
    }
    case 'sus': {
      if (!Array.isArray(value) || value.length !== SUS_ITEM_COUNT) {
        const got = Array.isArray(value) ? `${value.length} item${value.length === 1 ? '' : 's'}` : describe(value);
        return fail(`must be an array of exactly ${SUS_ITEM_COUNT} integers from ${SUS_MIN} to ${SUS_MAX}, not ${got}`);
      }
      const bad = value.flatMap((v: unknown, i) => (isIntegerIn(v, SUS_MIN, SUS_MAX) ? [] : [i + 1]));
      if (bad.length > 0) {
        return fail(
          `every item must be an integer from ${SUS_MIN} to ${SUS_MAX} (item${bad.length === 1 ? '' : 's'} ${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not)`,
        );
      }
      return { ok: true, value: (value as number[]).map(noNegativeZero) };
    }
    case 'text': {
      if (typeof value !== 'string') return fail(`must be a string, not ${describe(value)}`);
      if (value.includes('\u0000')) return fail('must not contain NUL characters');
      const trimmed = value.trim();
      if (trimmed.length === 0) return fail('must not be blank (send null to clear an answer)');
      const max = textMaxLength(q);
      const length = charLength(trimmed);
      if (length > max) return fail(`must be at most ${max} characters, not ${length}`);
      return { ok: true, value: trimmed };
    }
  }
}

/** Whether `answer` (an answer of `parent`) meets a showIf condition `equals`. */
function meets(parent: Question, answer: unknown, equals: string | number): boolean {
  if (parent.type === 'multi_choice') return Array.isArray(answer) && (answer as unknown[]).includes(equals);
  return answer === equals;
}

function own(answers: Readonly<Record<string, unknown>>, id: string): unknown {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

/** The questions shown for these answers (normalized answers), in definition order. */
export function visibleQuestions(def: SurveyDefinition, answers: Readonly<Record<string, unknown>>): Question[] {
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const shown = new Set<string>();
  const out: Question[] = [];
  for (const q of def.questions) {
    const cond = q.showIf;
    const parent = cond === undefined ? undefined : byId.get(cond.questionId);
    const visible =
      cond === undefined || (parent !== undefined && shown.has(parent.id) && meets(parent, own(answers, parent.id), cond.equals));
    if (visible) {
      shown.add(q.id);
      out.push(q);
    }
  }
  return out;
}

type Visibility = 'shown' | 'hidden' | 'undetermined';

export function validateAnswers(
  def: SurveyDefinition,
  answers: Record<string, unknown>,
  mode: AnswerMode,
  options: ValidateAnswersOptions = {},
): AnswersValidation {
  if (!isRecord(answers)) return { errors: [{ field: 'answers', message: 'must be an object keyed by question id' }], normalized: {} };
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const errors = new Map<string, FieldProblem>();
  const fail = (id: string, message: string): void => {
    if (!errors.has(id)) errors.set(id, { field: `answers.${id}`, message });
  };

  const merged = new Map<string, AnswerValue>();
  for (const [id, value] of Object.entries(options.saved ?? {})) {
    if (byId.has(id)) merged.set(id, value);
  }
  const incoming = new Set<string>();
  const invalid = new Set<string>();
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (q === undefined) {
      fail(id, `this survey has no question "${id}"`);
      continue;
    }
    if (value === undefined) continue;
    if (value === null) {
      merged.delete(id);
      continue;
    }
    incoming.add(id);
    const check = checkAnswerValue(q, value);
    if (check.ok) merged.set(id, check.value);
    else {
      invalid.add(id);
      fail(id, check.message);
    }
  }

  const visibility = new Map<string, Visibility>();
  for (const q of def.questions) {
    let v: Visibility = 'shown';
    if (q.showIf !== undefined) {
      const parentId = q.showIf.questionId;
      const parent = byId.get(parentId);
      const pv = visibility.get(parentId);
      if (parent === undefined || pv === 'hidden') v = 'hidden';
      else if (pv === 'undetermined' || invalid.has(parentId)) v = 'undetermined';
      else v = meets(parent, merged.get(parentId), q.showIf.equals) ? 'shown' : 'hidden';
    }
    visibility.set(q.id, v);
    if (v === 'hidden') {
      if (incoming.has(q.id))
        fail(q.id, `question "${q.id}" is not shown with these answers (its showIf condition is not met), so it cannot be answered`);
      merged.delete(q.id);
    }
    if (mode === 'submit' && v === 'shown' && q.required === true && !merged.has(q.id) && !invalid.has(q.id)) {
      fail(q.id, 'is required');
    }
  }

  const normalized: Record<string, AnswerValue> = {};
  for (const q of def.questions) {
    const value = merged.get(q.id);
    if (value !== undefined && visibility.get(q.id) === 'shown') normalized[q.id] = value;
  }
  return { errors: [...errors.values()], normalized };
}
