import { fromAnswerRows, toAnswerRows, type AnswerRow } from './answer-rows';
import { validateAnswers, type AnswerValue } from './answers';
import type { SurveyDefinition } from './survey-definition';

const opts = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

const def: SurveyDefinition = {
  kind: 'general',
  title: 'Rows',
  questions: [
    { id: 'single', type: 'single_choice', prompt: 'One', options: opts('yes', 'no') },
    { id: 'multi', type: 'multi_choice', prompt: 'Several', options: opts('a', 'b', 'c', 'd') },
    { id: 'likert', type: 'likert', prompt: 'Agree', scale: 7 },
    { id: 'rating', type: 'rating', prompt: 'Rate' },
    { id: 'nps', type: 'nps', prompt: 'Recommend' },
    { id: 'number', type: 'number', prompt: 'How much' },
    { id: 'sus', type: 'sus', prompt: 'SUS' },
    { id: 'text', type: 'text', prompt: 'Tell' },
  ],
};

const r = (questionId: string, itemIndex: number, v: Partial<AnswerRow> = {}): AnswerRow => ({
  questionId,
  itemIndex,
  numericValue: null,
  optionValue: null,
  textValue: null,
  ...v,
});
const SUS = [5, 1, 4, 2, 5, 1, 4, 2, 5, 1];

describe('toAnswerRows / fromAnswerRows: one type at a time', () => {
  it.each<[string, AnswerValue, AnswerRow[]]>([
    ['single', 'no', [r('single', 0, { optionValue: 'no' })]],
    ['multi', ['b'], [r('multi', 2, { optionValue: 'b' })]],
    [
      'multi',
      ['a', 'c', 'd'],
      [r('multi', 1, { optionValue: 'a' }), r('multi', 3, { optionValue: 'c' }), r('multi', 4, { optionValue: 'd' })],
    ],
    ['likert', 7, [r('likert', 0, { numericValue: 7 })]],
    ['rating', 0, [r('rating', 0, { numericValue: 0 })]],
    ['nps', 10, [r('nps', 0, { numericValue: 10 })]],
    ['number', -2.5, [r('number', 0, { numericValue: -2.5 })]],
    ['sus', SUS, SUS.map((v, i) => r('sus', i + 1, { numericValue: v }))],
    ['text', 'Hello', [r('text', 0, { textValue: 'Hello' })]],
  ])('%s %j', (id, value, rows) => {
    expect(toAnswerRows(def, { [id]: value })).toEqual(rows);
    expect(fromAnswerRows(def, rows)).toEqual({ [id]: value });
    expect(fromAnswerRows(def, [...rows].reverse())).toEqual({ [id]: value });
  });
});

describe('a whole response', () => {
  const answers = { text: ' Great ', sus: SUS, multi: ['d', 'a'], single: 'yes', nps: 9, likert: 1, rating: 6, number: 12 };
  const { errors, normalized } = validateAnswers(def, answers, 'submit');

  it('is valid', () => {
    expect(errors).toEqual([]);
  });

  it('becomes rows in definition order, then item order', () => {
    const rows = toAnswerRows(def, normalized);
    expect(rows.map((x) => `${x.questionId}#${x.itemIndex}`)).toEqual([
      'single#0',
      'multi#1',
      'multi#4',
      'likert#0',
      'rating#0',
      'nps#0',
      'number#0',
      ...SUS.map((_, i) => `sus#${i + 1}`),
      'text#0',
    ]);
    expect(new Set(rows.map((x) => `${x.questionId}#${x.itemIndex}`)).size).toBe(rows.length);
  });

  it('fills exactly one value column per row', () => {
    for (const row of toAnswerRows(def, normalized)) {
      expect([row.numericValue, row.optionValue, row.textValue].filter((v) => v !== null)).toHaveLength(1);
    }
  });

  it('round-trips to the same normalized answers', () => {
    expect(fromAnswerRows(def, toAnswerRows(def, normalized))).toEqual(normalized);
  });

  it('gives no rows for no answers', () => {
    expect(toAnswerRows(def, {})).toEqual([]);
    expect(fromAnswerRows(def, [])).toEqual({});
  });
});

describe('toAnswerRows refuses what validateAnswers never returns', () => {
  it.each<[string, Record<string, AnswerValue>, string]>([
    ['an unknown question', { nope: 1 }, 'unknown question "nope"'],
    ['a number for single_choice', { single: 1 }, 'is not an option value'],
    ['an empty multi_choice', { multi: [] }, 'is not a non-empty array'],
    ['a foreign option', { multi: ['z'] }, 'holds "z"'],
    ['a string for a number', { nps: '9' }, 'is not a number'],
    ['9 SUS items', { sus: SUS.slice(0, 9) }, 'is not an array of 10 items'],
    ['11 SUS items', { sus: [...SUS, 1] }, 'is not an array of 10 items'],
    ['a string SUS item', { sus: [...SUS.slice(0, 9), 'x'] as string[] }, 'non-numeric item 10'],
    ['an array for text', { text: ['a'] }, 'is not a string'],
  ])('%s', (_name, normalized, message) => {
    expect(() => toAnswerRows(def, normalized)).toThrow(message);
  });
});

describe('fromAnswerRows refuses rows that do not fit the definition', () => {
  it.each<[string, AnswerRow[], string]>([
    ['an unknown question', [r('nope', 0, { numericValue: 1 })], 'unknown question "nope"'],
    [
      'two rows for a single_choice',
      [r('single', 0, { optionValue: 'yes' }), r('single', 1, { optionValue: 'no' })],
      'one row with itemIndex 0',
    ],
    ['a single_choice row with itemIndex 1', [r('single', 1, { optionValue: 'yes' })], 'one row with itemIndex 0'],
    ['a single_choice row without an option', [r('single', 0, { textValue: 'yes' })], 'no optionValue'],
    ['a multi_choice row whose index is not its option', [r('multi', 1, { optionValue: 'b' })], 'does not match itemIndex 1'],
    ['a multi_choice row without an option', [r('multi', 1)], 'does not match'],
    ['a numeric row without a number', [r('rating', 0, { textValue: '5' })], 'no numericValue'],
    ['9 SUS rows', SUS.slice(0, 9).map((v, i) => r('sus', i + 1, { numericValue: v })), '10 rows with itemIndex 1..10'],
    ['SUS rows numbered from 0', SUS.map((v, i) => r('sus', i, { numericValue: v })), '10 rows with itemIndex 1..10'],
    ['a SUS row without a number', SUS.map((v, i) => r('sus', i + 1, { numericValue: i === 4 ? null : v })), 'and a numericValue'],
    ['a text row without text', [r('text', 0)], 'no textValue'],
  ])('%s', (_name, rows, message) => {
    expect(() => fromAnswerRows(def, rows)).toThrow(message);
  });
});
