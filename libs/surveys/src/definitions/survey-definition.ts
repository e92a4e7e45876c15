/**
 * Survey definitions: the types, the limits and the one validator that checks a whole
 * definition before it is stored (POST /surveys, PATCH /surveys/:id). It reports every
 * problem with its path, so the API can answer one 400 that lists them.
 *
 * Decisions (see also the constants below):
 * - A present property must be valid: `null` is never read as "absent" (omit the key).
 * - Unknown keys inside a question, an option or a `showIf` are refused, so a typo such as
 *   `requried` cannot silently drop a rule. The top level is left to the DTO, which also
 *   carries `studyId` and `points`.
 * - `scale` is required on likert questions: there is no default.
 * - Ids differing only by case are refused as duplicates (confusing in exports), and
 *   `__proto__`, `constructor` and `prototype` because answers are keyed by id in plain
 *   objects.
 */
import {
  charLength,
  isFiniteNumber,
  isIntegerIn,
  isNonBlankString,
  isOneOf,
  isRecord,
  LEAD_USER_DIMENSIONS,
  type LeadUserDimension,
  mustBeOneOf,
  unknownKeys,
} from '@leadpanel/platform';
export { charLength } from '@leadpanel/platform';

/** One problem found in a definition or in answers; same shape as platform's FieldError. */
export interface FieldProblem {
  field: string;
  message: string;
}

export const SURVEY_KINDS = ['screener', 'usage', 'beta', 'general'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const QUESTION_TYPES = ['single_choice', 'multi_choice', 'likert', 'rating', 'nps', 'sus', 'number', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CHOICE_QUESTION_TYPES = ['single_choice', 'multi_choice'] as const satisfies readonly QuestionType[];
export type ChoiceQuestionType = (typeof CHOICE_QUESTION_TYPES)[number];

/** Question types a `showIf` may refer to (their answers are compared with `equals`). */
export const SHOW_IF_PARENT_TYPES = [
  'single_choice',
  'multi_choice',
  'likert',
  'rating',
  'nps',
  'number',
] as const satisfies readonly QuestionType[];

export const LIKERT_SCALES = [5, 7] as const;
export type LikertScale = (typeof LIKERT_SCALES)[number];

/** Lead-user dimensions a screener question can measure; they are scored on 7-point scales. */
export const LEAD_USER_SCALE: LikertScale = 7;

export const QUESTION_ID_PATTERN = /^[a-z0-9_-]{1,64}$/i;
export const RESERVED_QUESTION_IDS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const MIN_QUESTIONS = 1;
export const MAX_QUESTIONS = 200;
export const TITLE_MAX_LENGTH = 200;
export const PROMPT_MAX_LENGTH = 2000;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 50;
export const OPTION_VALUE_MAX_LENGTH = 100;
export const OPTION_LABEL_MAX_LENGTH = 500;
export const DEFAULT_TEXT_MAX_LENGTH = 5000;
export const TEXT_MAX_LENGTH_LIMIT = 10000;

/**
 * Answers by question id, before the definition checks them one by one: at most one per question,
 * a value or an array of values (multi_choice: up to MAX_OPTIONS; sus: 10), text up to the limit.
 */
export const ANSWERS_JSON_BOUNDS = {
  maxDepth: 2,
  maxKeys: MAX_QUESTIONS,
  maxNodes: 1 + MAX_QUESTIONS * (1 + MAX_OPTIONS),
  maxStringLength: TEXT_MAX_LENGTH_LIMIT,
} as const;

/** One question of a definition, before validateDefinition checks it: options of {value, label}, showIf. */
export const QUESTION_JSON_BOUNDS = { maxDepth: 3, maxKeys: 20, maxNodes: 500, maxStringLength: PROMPT_MAX_LENGTH } as const;

/** rating and nps answers are integers 0..10. */
export const ZERO_TO_TEN = { min: 0, max: 10 } as const;

/** SUS: the 10 standard items (Brooke, 1996), each answered 1 (strongly disagree) to 5 (strongly agree). */
export const SUS_ITEM_COUNT = 10;
export const SUS_MIN = 1;
export const SUS_MAX = 5;
export const SUS_ITEMS: readonly string[] = [
  'I think that I would like to use this system frequently.',
  'I found the system unnecessarily complex.',
  'I thought the system was easy to use.',
  'I think that I would need the support of a technical person to be able to use this system.',
  'I found the various functions in this system were well integrated.',
  'I thought there was too much inconsistency in this system.',
  'I would imagine that most people would learn to use this system very quickly.',
  'I found the system very cumbersome to use.',
  'I felt very confident using the system.',
  'I needed to learn a lot of things before I could get going with this system.',
];

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ShowIf {
  /** id of an earlier question */
  questionId: string;
  /** an option value (choice parent) or a number the parent accepts */
  equals: string | number;
}

export interface Question {
  id: string;
  type: QuestionType;
  prompt: string;
  /** single_choice and multi_choice only (2–50, unique values) */
  options?: ChoiceOption[];
  required?: boolean;
  /** likert only, required there */
  scale?: LikertScale;
  /** number only */
  min?: number;
  /** number only */
  max?: number;
  /** text only; default DEFAULT_TEXT_MAX_LENGTH */
  maxLength?: number;
  /** screener surveys, 7-point likert questions only */
  dimension?: LeadUserDimension;
  /** only with a dimension: the item is scored 8 − answer */
  reverse?: boolean;
  showIf?: ShowIf;
}

export interface SurveyDefinition {
  kind: SurveyKind;
  title: string;
  questions: Question[];
}

export const QUESTION_KEYS: readonly (keyof Question)[] = [
  'id',
  'type',
  'prompt',
  'options',
  'required',
  'scale',
  'min',
  'max',
  'maxLength',
  'dimension',
  'reverse',
  'showIf',
];

export function isChoiceType(type: QuestionType): type is ChoiceQuestionType {
  return (CHOICE_QUESTION_TYPES as readonly QuestionType[]).includes(type);
}

/** The length limit of a text question's answer. */
export function textMaxLength(q: Question): number {
  return q.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
}

/** The number of points of a likert question (a valid definition always has one). */
export function likertScale(q: Question): LikertScale {
  if (q.scale === undefined) throw new Error(`likert question ${q.id} has no scale: validate the definition first`);
  return q.scale;
}

type Add = (field: string, message: string) => void;

/** Whether `value` is a non-blank text of at most `max` characters; adds the problem when not. */
function checkText(value: unknown, max: number, field: string, add: Add): value is string {
  if (!isNonBlankString(value)) add(field, 'must be a non-empty string');
  else if (charLength(value) > max) add(field, `must be at most ${max} characters`);
  else return true;
  return false;
}

/** What is known of an earlier question, for checking a later `showIf`. */
interface ParentInfo {
  index: number;
  type: QuestionType | undefined;
  optionValues: ReadonlySet<string> | undefined;
  scale: LikertScale | undefined;
  min: number | undefined;
  max: number | undefined;
}

/** Every problem of a whole definition; an empty list means it is valid. */
export function validateDefinition(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add: Add = (field, message) => problems.push({ field, message });
  if (!isRecord(input)) return [{ field: 'definition', message: 'must be an object with kind, title and questions' }];

  const kind = isOneOf(input.kind, SURVEY_KINDS) ? input.kind : undefined;
  if (kind === undefined) add('kind', mustBeOneOf(SURVEY_KINDS));

  checkText(input.title, TITLE_MAX_LENGTH, 'title', add);

  const questions = input.questions;
  if (!Array.isArray(questions)) {
    add('questions', 'must be an array of questions');
    return problems;
  }
  if (questions.length < MIN_QUESTIONS) add('questions', `must have at least ${MIN_QUESTIONS} question`);
  if (questions.length > MAX_QUESTIONS) add('questions', `must have at most ${MAX_QUESTIONS} questions (has ${questions.length})`);

  // Ids of all questions first, so a showIf naming a later question gets the right message.
  const indexById = new Map<string, number>();
  questions.forEach((q: unknown, i) => {
    if (isRecord(q) && typeof q.id === 'string' && !indexById.has(q.id)) indexById.set(q.id, i);
  });

  const firstIndexByLowerId = new Map<string, number>();
  const parents = new Map<string, ParentInfo>();
  questions.forEach((q: unknown, i) => {
    const at = `questions[${i}]`;
    if (!isRecord(q)) return add(at, 'must be an object');
    for (const key of unknownKeys(q, QUESTION_KEYS)) {
      add(`${at}.${key}`, `is not a question property (allowed: ${QUESTION_KEYS.join(', ')})`);
    }

    // id
    let id: string | undefined;
    if (typeof q.id !== 'string' || !QUESTION_ID_PATTERN.test(q.id)) {
      add(`${at}.id`, 'must be 1 to 64 letters, digits, "_" or "-"');
    } else if (RESERVED_QUESTION_IDS.includes(q.id)) {
      add(`${at}.id`, `"${q.id}" is reserved; choose another id`);
    } else {
      const first = firstIndexByLowerId.get(q.id.toLowerCase());
      if (first !== undefined) add(`${at}.id`, `duplicates the id of questions[${first}] ("${q.id}"); ids must be unique, ignoring case`);
      else {
        firstIndexByLowerId.set(q.id.toLowerCase(), i);
        id = q.id;
      }
    }

    // type
    const type = isOneOf(q.type, QUESTION_TYPES) ? q.type : undefined;
    if (type === undefined) add(`${at}.type`, mustBeOneOf(QUESTION_TYPES));

    // prompt
    checkText(q.prompt, PROMPT_MAX_LENGTH, `${at}.prompt`, add);

    // required
    if (q.required !== undefined && typeof q.required !== 'boolean') add(`${at}.required`, 'must be true or false');

    // options
    let optionValues: Set<string> | undefined;
    if (type !== undefined && isChoiceType(type)) {
      optionValues = checkOptions(q.options, `${at}.options`, type, add);
    } else if (type !== undefined && q.options !== undefined) {
      add(
        `${at}.options`,
        type === 'sus'
          ? 'a sus question has no options: it is the 10 standard SUS items, answered 1 to 5'
          : `only ${CHOICE_QUESTION_TYPES.join(', ')} questions have options`,
      );
    }

    // scale
    let scale: LikertScale | undefined;
    if (type === 'likert') {
      if (q.scale === undefined) add(`${at}.scale`, `is required on a likert question: ${LIKERT_SCALES.join(', ')}`);
      else if (!isOneOf(q.scale, LIKERT_SCALES)) add(`${at}.scale`, `must be ${LIKERT_SCALES.join(' or ')}`);
      else scale = q.scale;
    } else if (type !== undefined && q.scale !== undefined) {
      add(`${at}.scale`, 'only likert questions have a scale');
    }

    // min / max
    let min: number | undefined;
    let max: number | undefined;
    if (type === 'number') {
      let ok = true;
      for (const key of ['min', 'max'] as const) {
        const v = q[key];
        if (v === undefined) continue;
        if (!isFiniteNumber(v)) {
          add(`${at}.${key}`, 'must be a finite number');
          ok = false;
        } else if (key === 'min') min = v;
        else max = v;
      }
      if (ok && min !== undefined && max !== undefined && min > max) add(`${at}.min`, `must not be greater than max (${min} > ${max})`);
    } else if (type !== undefined) {
      for (const key of ['min', 'max'] as const) {
        if (q[key] !== undefined) add(`${at}.${key}`, `only number questions have ${key}`);
      }
    }

    // maxLength
    if (type === 'text') {
      if (q.maxLength !== undefined && !isIntegerIn(q.maxLength, 1, TEXT_MAX_LENGTH_LIMIT)) {
        add(`${at}.maxLength`, `must be an integer from 1 to ${TEXT_MAX_LENGTH_LIMIT} (default ${DEFAULT_TEXT_MAX_LENGTH})`);
      }
    } else if (type !== undefined && q.maxLength !== undefined) {
      add(`${at}.maxLength`, 'only text questions have maxLength');
    }

    // dimension / reverse
    if (q.dimension !== undefined) {
      if (!isOneOf(q.dimension, LEAD_USER_DIMENSIONS)) add(`${at}.dimension`, mustBeOneOf(LEAD_USER_DIMENSIONS));
      else if (kind !== undefined && kind !== 'screener') add(`${at}.dimension`, 'only screener surveys have lead-user dimensions');
      else if (type !== undefined && (type !== 'likert' || (q.scale !== undefined && q.scale !== LEAD_USER_SCALE))) {
        add(`${at}.dimension`, `only ${LEAD_USER_SCALE}-point likert questions can measure a lead-user dimension`);
      }
    }
    if (q.reverse !== undefined) {
      if (typeof q.reverse !== 'boolean') add(`${at}.reverse`, 'must be true or false');
      else if (q.dimension === undefined) add(`${at}.reverse`, 'only a question with a dimension can be reversed');
    }

    // showIf
    if (q.showIf !== undefined) checkShowIf(q.showIf, `${at}.showIf`, i, indexById, parents, add);

    if (id !== undefined) parents.set(id, { index: i, type, optionValues, scale, min, max });
  });
  return problems;
}

/** True when the definition has no problem. */
export function isValidDefinition(input: unknown): input is SurveyDefinition {
  return validateDefinition(input).length === 0;
}

function checkOptions(options: unknown, at: string, type: ChoiceQuestionType, add: Add): Set<string> | undefined {
  if (!Array.isArray(options)) {
    add(at, `a ${type} question needs an array of ${MIN_OPTIONS} to ${MAX_OPTIONS} options`);
    return undefined;
  }
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    add(at, `must have ${MIN_OPTIONS} to ${MAX_OPTIONS} options (has ${options.length})`);
  }
  const values = new Set<string>();
  const firstIndex = new Map<string, number>();
  options.forEach((o: unknown, j) => {
    const oat = `${at}[${j}]`;
    if (!isRecord(o)) return add(oat, 'must be an object {value, label}');
    for (const key of unknownKeys(o, ['value', 'label'])) add(`${oat}.${key}`, 'is not an option property (allowed: value, label)');
    if (checkText(o.value, OPTION_VALUE_MAX_LENGTH, `${oat}.value`, add)) {
      const first = firstIndex.get(o.value);
      if (first !== undefined) add(`${oat}.value`, `duplicates the value of options[${first}] ("${o.value}")`);
      else {
        firstIndex.set(o.value, j);
        values.add(o.value);
      }
    }
    checkText(o.label, OPTION_LABEL_MAX_LENGTH, `${oat}.label`, add);
  });
  return values;
}

function checkShowIf(
  showIf: unknown,
  at: string,
  index: number,
  indexById: ReadonlyMap<string, number>,
  parents: ReadonlyMap<string, ParentInfo>,
  add: Add,
): void {
  if (!isRecord(showIf)) {
    add(at, 'must be an object {questionId, equals}');
    return;
  }
  for (const key of unknownKeys(showIf, ['questionId', 'equals'])) {
    add(`${at}.${key}`, 'is not a showIf property (allowed: questionId, equals)');
  }
  const { questionId, equals } = showIf;
  if (equals === undefined) add(`${at}.equals`, 'is required');
  else if (typeof equals !== 'string' && typeof equals !== 'number') add(`${at}.equals`, 'must be an option value or a number');

  if (typeof questionId !== 'string' || questionId.length === 0) {
    add(`${at}.questionId`, 'must be the id of an earlier question');
    return;
  }
  const where = indexById.get(questionId);
  if (where === undefined) {
    add(`${at}.questionId`, `no question has the id "${questionId}"`);
    return;
  }
  if (where === index) {
    add(`${at}.questionId`, 'a question cannot depend on itself');
    return;
  }
  if (where > index) {
    add(`${at}.questionId`, `must refer to an earlier question ("${questionId}" is questions[${where}])`);
    return;
  }
  const parent = parents.get(questionId);
  if (parent === undefined || parent.type === undefined) return; // the parent's own problems are reported at the parent
  if (!isOneOf<QuestionType>(parent.type, SHOW_IF_PARENT_TYPES)) {
    add(`${at}.questionId`, `a question cannot depend on a ${parent.type} question (allowed: ${SHOW_IF_PARENT_TYPES.join(', ')})`);
    return;
  }
  if (equals === undefined || (typeof equals !== 'string' && typeof equals !== 'number')) return;
  const problem = equalsProblem(parent, equals);
  if (problem !== undefined) add(`${at}.equals`, problem);
}

/** Why `equals` can never be an answer of the parent, or undefined when it can. */
function equalsProblem(parent: ParentInfo, equals: string | number): string | undefined {
  const integerIn = (lo: number, hi: number): string | undefined =>
    isIntegerIn(equals, lo, hi)
      ? undefined
      : `must be an integer from ${lo} to ${hi}, an answer of the ${parent.type} question it depends on`;
  switch (parent.type) {
    case 'single_choice':
    case 'multi_choice':
      if (parent.optionValues === undefined || parent.optionValues.size === 0) return undefined;
      return typeof equals === 'string' && parent.optionValues.has(equals)
        ? undefined
        : `must be one of the option values of the question it depends on: ${[...parent.optionValues].join(', ')}`;
    case 'likert':
      return parent.scale === undefined ? undefined : integerIn(1, parent.scale);
    case 'rating':
    case 'nps':
      return integerIn(ZERO_TO_TEN.min, ZERO_TO_TEN.max);
    case 'number': {
      if (!isFiniteNumber(equals)) return 'must be a number, an answer of the number question it depends on';
      if (parent.min !== undefined && equals < parent.min) return `must be at least ${parent.min}, the min of the question it depends on`;
      if (parent.max !== undefined && equals > parent.max) return `must be at most ${parent.max}, the max of the question it depends on`;
      return undefined;
    }
    case 'sus':
    case 'text':
    case undefined:
      return undefined;
  }
}
