import type { AnswerValue } from './answers';
import type { Question, SurveyDefinition } from './survey-definition';
import { SUS_ITEM_COUNT } from './survey-definition';

/**
 * Storage shape of answers: one row per answered question (docs/domain.md), split further where
 * an answer holds several values, so that reports aggregate with plain SQL (GROUP BY
 * option_value, avg(numeric_value), …) and never unpack JSON.
 *
 * (questionId, itemIndex) is unique within a response; itemIndex is 0 rather than null for
 * single-valued answers because NULLs are distinct in a PostgreSQL unique key. multi_choice
 * rows are numbered by option position and SUS rows by item number 1..10, so the SUS score
 * is SQL. A multi_choice "n" is the count of distinct responses, not of rows.
 *
 * A repository reading a numeric column back must hand numbers, not strings.
 */
export interface AnswerRow {
  questionId: string;
  itemIndex: number;
  numericValue: number | null;
  optionValue: string | null;
  textValue: string | null;
}

function row(
  questionId: string,
  itemIndex: number,
  values: Partial<Pick<AnswerRow, 'numericValue' | 'optionValue' | 'textValue'>>,
): AnswerRow {
  return { questionId, itemIndex, numericValue: null, optionValue: null, textValue: null, ...values };
}

function corrupt(q: Question, what: string): Error {
  return new Error(`answer to ${q.type} question "${q.id}" ${what}: pass the normalized answers of validateAnswers`);
}

export function toAnswerRows(def: SurveyDefinition, normalized: Readonly<Record<string, AnswerValue>>): AnswerRow[] {
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(normalized)) {
    if (!byId.has(id)) throw new Error(`answer to unknown question "${id}": pass the normalized answers of validateAnswers`);
  }
  const rows: AnswerRow[] = [];
  for (const q of def.questions) {
    if (!Object.hasOwn(normalized, q.id)) continue;
    const value = normalized[q.id];
    switch (q.type) {
      case 'single_choice':
        if (typeof value !== 'string') throw corrupt(q, 'is not an option value');
        rows.push(row(q.id, 0, { optionValue: value }));
        break;
      case 'multi_choice': {
        if (!Array.isArray(value) || value.length === 0) throw corrupt(q, 'is not a non-empty array');
        const positions = (q.options ?? []).map((o) => o.value);
        for (const v of value) {
          const index = typeof v === 'string' ? positions.indexOf(v) : -1;
          if (index < 0) throw corrupt(q, `holds ${JSON.stringify(v)}, which is not an option value`);
          rows.push(row(q.id, index + 1, { optionValue: v as string }));
        }
        break;
      }
      case 'likert':
      case 'rating':
      case 'nps':
      case 'number':
        if (typeof value !== 'number') throw corrupt(q, 'is not a number');
        rows.push(row(q.id, 0, { numericValue: value }));
        break;
      case 'sus':
        if (!Array.isArray(value) || value.length !== SUS_ITEM_COUNT) throw corrupt(q, `is not an array of ${SUS_ITEM_COUNT} items`);
        value.forEach((v: unknown, i) => {
          if (typeof v !== 'number') throw corrupt(q, `has a non-numeric item ${i + 1}`);
          rows.push(row(q.id, i + 1, { numericValue: v }));
        });
        break;
      case 'text':
        if (typeof value !== 'string') throw corrupt(q, 'is not a string');
        rows.push(row(q.id, 0, { textValue: value }));
        break;
    }
  }
  return rows;
}

/** Rebuilds normalized answers from stored rows (in any order). Throws on rows that do not fit the definition. */
export function fromAnswerRows(def: SurveyDefinition, rows: readonly AnswerRow[]): Record<string, AnswerValue> {
  const byQuestion = new Map<string, AnswerRow[]>();
  for (const r of rows) {
    const list = byQuestion.get(r.questionId);
    if (list === undefined) byQuestion.set(r.questionId, [r]);
    else list.push(r);
  }
  const known = new Set(def.questions.map((q) => q.id));
  for (const id of byQuestion.keys()) {
    if (!known.has(id)) throw new Error(`stored answer rows for unknown question "${id}"`);
  }

  const out: Record<string, AnswerValue> = {};
  for (const q of def.questions) {
    const list = [...(byQuestion.get(q.id) ?? [])].sort((a, b) => a.itemIndex - b.itemIndex);
    if (list.length === 0) continue;
    const bad = (what: string): Error => new Error(`stored answer rows of ${q.type} question "${q.id}" ${what}`);
    const single = (): AnswerRow => {
      if (list.length !== 1 || list[0].itemIndex !== 0) throw bad('must be one row with itemIndex 0');
      return list[0];
    };
    switch (q.type) {
      case 'single_choice': {
        const v = single().optionValue;
        if (v === null) throw bad('have no optionValue');
        out[q.id] = v;
        break;
      }
      case 'multi_choice': {
        const positions = (q.options ?? []).map((o) => o.value);
        out[q.id] = list.map((r) => {
          if (r.optionValue === null || positions.indexOf(r.optionValue) + 1 !== r.itemIndex) {
            throw bad(`have an optionValue that does not match itemIndex ${r.itemIndex}`);
          }
          return r.optionValue;
        });
        break;
      }
      case 'likert':
      case 'rating':
      case 'nps':
      case 'number': {
        const v = single().numericValue;
        if (v === null) throw bad('have no numericValue');
        out[q.id] = v;
        break;
      }
      case 'sus':
        if (list.length !== SUS_ITEM_COUNT || list.some((r, i) => r.itemIndex !== i + 1 || r.numericValue === null)) {
          throw bad(`must be ${SUS_ITEM_COUNT} rows with itemIndex 1..${SUS_ITEM_COUNT} and a numericValue`);
        }
        out[q.id] = list.map((r) => r.numericValue as number);
        break;
      case 'text': {
        const v = single().textValue;
        if (v === null) throw bad('have no textValue');
        out[q.id] = v;
        break;
      }
    }
  }
  return out;
}
