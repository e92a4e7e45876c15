import type { QuestionDoc } from '../../../api/generated';
import type { Question as PlayerQuestion, SurveyDefinition } from '../../../surveys/types';
import type { Survey, SurveyKind, QuestionType } from './api';

/** A question being edited: the API's shape (QuestionDoc); options always {value, label}. */
export type DraftQuestion = QuestionDoc;

export interface Draft {
  title: string;
  kind: SurveyKind;
  /** as typed: empty means "the study's incentive points" */
  points: string;
  questions: DraftQuestion[];
}

/** Question types a showIf may depend on (the server's SHOW_IF_PARENT_TYPES). */
export const SHOW_IF_PARENT_TYPES: readonly QuestionType[] = ['single_choice', 'multi_choice', 'likert', 'rating', 'nps', 'number'];

export function draftOf(survey: Survey): Draft {
  return {
    title: survey.title,
    kind: survey.kind,
    points: survey.points === null ? '' : String(survey.points),
    questions: survey.questions.map((q) => structuredClone(q)),
  };
}

/** The first free id `q<n>` (ids are compared ignoring case, as the server does). */
export function nextQuestionId(questions: DraftQuestion[]): string {
  const taken = new Set(questions.map((q) => q.id.toLowerCase()));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n++;
  return `q${n}`;
}

/** A new question of `type` with what that type needs (options, a scale). */
export function newQuestion(type: QuestionType, id: string, prompt: string): DraftQuestion {
  const q: DraftQuestion = { id, type, prompt };
  return withType(q, type);
}

/** The question as `type`: keeps id, prompt, required and showIf; adds or drops what only some types have. */
export function withType(q: DraftQuestion, type: QuestionType): DraftQuestion {
  const next: DraftQuestion = { id: q.id, type, prompt: q.prompt };
  if (q.required !== undefined) next.required = q.required;
  if (q.showIf !== undefined) next.showIf = q.showIf;
  if (type === 'single_choice' || type === 'multi_choice') {
    next.options =
      q.options && q.options.length > 0
        ? q.options
        : [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ];
  }
  if (type === 'likert') {
    next.scale = q.scale ?? 5;
    if (q.dimension !== undefined) next.dimension = q.dimension;
    if (q.dimension !== undefined && q.reverse !== undefined) next.reverse = q.reverse;
  }
  if (type === 'number') {
    if (q.min !== undefined) next.min = q.min;
    if (q.max !== undefined) next.max = q.max;
  }
  if (type === 'text' && q.maxLength !== undefined) next.maxLength = q.maxLength;
  return next;
}

/** The question moved by `delta` places (no-op at the ends). */
export function move<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** The values a showIf on `parent` can wait for, as [value, label] pairs (null: any number, typed). */
export function showIfChoices(parent: DraftQuestion): { value: string | number; label: string }[] | null {
  switch (parent.type) {
    case 'single_choice':
    case 'multi_choice':
      return (parent.options ?? []).filter((o) => o.value).map((o) => ({ value: o.value ?? '', label: o.label || (o.value ?? '') }));
    case 'likert':
      return range(1, parent.scale ?? 5);
    case 'rating':
    case 'nps':
      return range(0, 10);
    default:
      return null;
  }
}

function range(lo: number, hi: number) {
  return Array.from({ length: hi - lo + 1 }, (_, i) => ({ value: lo + i, label: String(lo + i) }));
}

/** The body of PATCH /surveys/:id for the draft. */
export function bodyOf(draft: Draft): { title: string; kind: SurveyKind; points: number | null; questions: QuestionDoc[] } {
  const points = draft.points.trim() === '' ? null : Number(draft.points);
  return { title: draft.title, kind: draft.kind, points, questions: draft.questions };
}

/** The question ids that other questions' showIf refer to (removing one of them would break its dependants). */
export function dependantsOf(questions: DraftQuestion[], id: string): DraftQuestion[] {
  return questions.filter((q) => q.showIf?.questionId === id);
}

/** The draft as the panellist's player reads it (what it would show once published). */
export function playerDefinitionOf(questions: DraftQuestion[]): SurveyDefinition {
  return {
    questions: questions.map((q): PlayerQuestion => {
      const out: PlayerQuestion = { id: q.id, type: q.type, prompt: q.prompt };
      if (q.options) out.options = q.options.map((o) => ({ value: o.value ?? '', label: o.label ?? '' }));
      if (q.required) out.required = true;
      if (q.scale !== undefined) out.scale = q.scale;
      if (q.min !== undefined) out.min = q.min;
      if (q.max !== undefined) out.max = q.max;
      if (q.maxLength !== undefined) out.maxLength = q.maxLength;
      if (q.showIf?.questionId !== undefined && q.showIf.equals !== undefined) {
        out.showIf = { questionId: q.showIf.questionId, equals: q.showIf.equals };
      }
      return out;
    }),
  };
}
