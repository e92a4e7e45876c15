import { checkAnswerValue, validateAnswers, visibleQuestions, type AnswerMode, type AnswerValue } from './answers';
import { validateDefinition, type SurveyDefinition } from './survey-definition';

const opts = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

/** One question of each type, none required, no display logic. */
const allTypes: SurveyDefinition = {
  kind: 'general',
  title: 'Every type',
  questions: [
    { id: 'single', type: 'single_choice', prompt: 'One', options: opts('yes', 'no', 'maybe') },
    { id: 'multi', type: 'multi_choice', prompt: 'Several', options: opts('a', 'b', 'c') },
    { id: 'likert5', type: 'likert', prompt: 'Agree 5', scale: 5 },
    { id: 'likert7', type: 'likert', prompt: 'Agree 7', scale: 7 },
    { id: 'rating', type: 'rating', prompt: 'Rate' },
    { id: 'nps', type: 'nps', prompt: 'Recommend' },
    { id: 'number', type: 'number', prompt: 'Bounded', min: -5, max: 100 },
    { id: 'free', type: 'number', prompt: 'Unbounded' },
    { id: 'sus', type: 'sus', prompt: 'SUS' },
    { id: 'text', type: 'text', prompt: 'Tell' },
    { id: 'short', type: 'text', prompt: 'Short', maxLength: 5 },
  ],
};

/**
 * Display logic:
 *   owns (yes/no, required)
 *   ├─ brand (showIf owns = yes, required)
 *   │  └─ brand_other (showIf brand = other, required)
 *   ├─ hours (showIf owns = yes, number)
 *   features (multi, required)
 *   └─ detail_c (showIf features includes c, required)
 *   score (nps)
 *   └─ why_low (showIf score = 0)
 *   comment (text, optional)
 */
const logic: SurveyDefinition = {
  kind: 'usage',
  title: 'Display logic',
  questions: [
    { id: 'owns', type: 'single_choice', prompt: 'Own one?', options: opts('yes', 'no'), required: true },
    {
      id: 'brand',
      type: 'single_choice',
      prompt: 'Which brand?',
      options: opts('acme', 'other'),
      required: true,
      showIf: { questionId: 'owns', equals: 'yes' },
    },
    { id: 'brand_other', type: 'text', prompt: 'Which other?', required: true, showIf: { questionId: 'brand', equals: 'other' } },
    { id: 'hours', type: 'number', prompt: 'Hours a week?', min: 0, max: 168, showIf: { questionId: 'owns', equals: 'yes' } },
    { id: 'features', type: 'multi_choice', prompt: 'Features?', options: opts('a', 'b', 'c'), required: true },
    { id: 'detail_c', type: 'text', prompt: 'About c?', required: true, showIf: { questionId: 'features', equals: 'c' } },
    { id: 'score', type: 'nps', prompt: 'Recommend?' },
    { id: 'why_low', type: 'text', prompt: 'Why 0?', showIf: { questionId: 'score', equals: 0 } },
    { id: 'comment', type: 'text', prompt: 'Anything else?' },
  ],
};

const SUS_OK = [1, 2, 3, 4, 5, 5, 4, 3, 2, 1];
const fields = (r: { errors: { field: string }[] }) => r.errors.map((e) => e.field);

describe('fixtures', () => {
  it.each([allTypes, logic])('$title is a valid definition', (def) => {
    expect(validateDefinition(def)).toEqual([]);
  });
});

describe('validateAnswers: legal values of every type', () => {
  it.each<[string, unknown, AnswerValue]>([
    ['single', 'yes', 'yes'],
    ['single', 'maybe', 'maybe'],
    ['multi', ['a'], ['a']],
    ['multi', ['a', 'b', 'c'], ['a', 'b', 'c']],
    ['multi', ['c', 'a'], ['a', 'c']], // normalized to the definition's option order
    ['likert5', 1, 1],
    ['likert5', 5, 5],
    ['likert7', 1, 1],
    ['likert7', 7, 7],
    ['rating', 0, 0],
    ['rating', 10, 10],
    ['rating', -0, 0],
    ['nps', 0, 0],
    ['nps', 10, 10],
    ['number', -5, -5],
    ['number', 100, 100],
    ['number', 2.75, 2.75],
    ['number', -0, 0],
    ['free', -1e9, -1e9],
    ['free', 123456.789, 123456.789],
    ['sus', SUS_OK, SUS_OK],
    ['sus', Array(10).fill(1), Array(10).fill(1)],
    ['sus', Array(10).fill(5), Array(10).fill(5)],
    ['text', 'hello', 'hello'],
    ['text', '  padded\n', 'padded'],
    ['text', 'x'.repeat(5000), 'x'.repeat(5000)],
    ['text', `  ${'x'.repeat(5000)}  `, 'x'.repeat(5000)], // length is checked after trimming
    ['text', 'multi\nline', 'multi\nline'],
    ['short', '12345', '12345'],
    ['short', '😀😀😀😀😀', '😀😀😀😀😀'], // characters, not UTF-16 units
    ['short', 'a', 'a'],
  ])('%s accepts %j', (id, value, normalized) => {
    for (const mode of ['partial', 'submit'] as const) {
      const r = validateAnswers(allTypes, { [id]: value }, mode);
      expect(r.errors).toEqual([]);
      expect(r.normalized).toEqual({ [id]: normalized });
    }
    expect(Object.is(validateAnswers(allTypes, { [id]: value }, 'partial').normalized[id], -0)).toBe(false);
  });
});

describe('validateAnswers: illegal values of every type', () => {
  it.each<[string, unknown, string]>([
    ['single', 'YES', 'must be one of the option values "yes", "no", "maybe", not "YES"'],
    ['single', 'other', 'option values'],
    ['single', '', 'option values'],
    ['single', 1, 'not 1'],
    ['single', ['yes'], 'not an array'],
    ['single', true, 'not a boolean'],
    ['single', {}, 'not an object'],
    ['multi', [], 'non-empty array'],
    ['multi', 'a', 'non-empty array of option values ("a", "b", "c"), not a string'],
    ['multi', ['a', 'a'], 'must not select "a" twice'],
    ['multi', ['a', 'd'], 'item 2 must be one of the option values'],
    ['multi', ['a', 1], 'item 2'],
    ['multi', [null], 'item 1'],
    ['multi', { 0: 'a' }, 'non-empty array'],
    ['likert5', 0, 'must be an integer from 1 to 5, not 0'],
    ['likert5', 6, 'integer from 1 to 5, not 6'],
    ['likert5', 7, 'integer from 1 to 5'],
    ['likert5', 2.5, 'not 2.5'],
    ['likert5', '3', 'not a string'],
    ['likert7', 0, 'integer from 1 to 7'],
    ['likert7', 8, 'integer from 1 to 7'],
    ['likert7', -1, 'integer from 1 to 7'],
    ['rating', -1, 'must be an integer from 0 to 10, not -1'],
    ['rating', 11, 'not 11'],
    ['rating', 1.5, 'not 1.5'],
    ['rating', '5', 'not a string'],
    ['rating', NaN, 'not NaN'],
    ['rating', true, 'not a boolean'],
    ['rating', [5], 'not an array'],
    ['nps', -1, 'integer from 0 to 10'],
    ['nps', 11, 'integer from 0 to 10'],
    ['nps', 9.99, 'integer from 0 to 10'],
    ['nps', '10', 'not a string'],
    ['number', -5.01, 'must be at least -5, not -5.01'],
    ['number', 100.5, 'must be at most 100, not 100.5'],
    ['number', '50', 'must be a finite number, not a string'],
    ['number', NaN, 'finite number'],
    ['free', Infinity, 'finite number'],
    ['free', -Infinity, 'finite number'],
    ['free', [1], 'not an array'],
    ['sus', SUS_OK.slice(0, 9), 'exactly 10 integers from 1 to 5, not 9 items'],
    ['sus', [...SUS_OK, 3], 'not 11 items'],
    ['sus', [], 'not 0 items'],
    ['sus', [3], 'not 1 item'],
    ['sus', 3, 'not 3'],
    ['sus', '1,2,3,4,5,5,4,3,2,1', 'not a string'],
    ['sus', [0, 2, 3, 4, 5, 5, 4, 3, 2, 1], '(item 1 is not)'],
    ['sus', [1, 2, 3, 4, 5, 6, 4, 3, 2, 1], '(item 6 is not)'],
    ['sus', [1, 2, 3.5, 4, 5, 5, 4, 3, 2, '1'], '(items 3, 10 are not)'],
    ['sus', [1, 2, 3, 4, 5, 5, 4, 3, 2, null], '(item 10 is not)'],
    ['text', '', 'must not be blank'],
    ['text', '   \n\t', 'must not be blank'],
    ['text', 'x'.repeat(5001), 'at most 5000 characters, not 5001'],
    ['text', 'a\u0000b', 'NUL'],
    ['text', 42, 'must be a string, not 42'],
    ['text', ['hi'], 'not an array'],
    ['short', '123456', 'at most 5 characters, not 6'],
    ['short', '😀😀😀😀😀😀', 'not 6'],
  ])('%s refuses %j', (id, value, message) => {
    for (const mode of ['partial', 'submit'] as const) {
      const r = validateAnswers(allTypes, { [id]: value }, mode);
      expect(r.errors).toEqual([{ field: `answers.${id}`, message: expect.stringContaining(message) as string }]);
      expect(r.normalized).toEqual({});
    }
  });

  it('checkAnswerValue gives the same verdict for one question', () => {
    const q = allTypes.questions.find((x) => x.id === 'rating')!;
    expect(checkAnswerValue(q, 10)).toEqual({ ok: true, value: 10 });
    expect(checkAnswerValue(q, 11)).toEqual({ ok: false, message: 'must be an integer from 0 to 10, not 11' });
  });
});

describe('validateAnswers: unknown question ids and malformed input', () => {
  it.each<[string, Record<string, unknown>, AnswerMode, string[]]>([
    ['an unknown id', { nope: 1 }, 'partial', ['answers.nope']],
    ['an unknown id in submit mode', { nope: 1, comment: 'ok' }, 'submit', ['answers.nope', 'answers.owns', 'answers.features']],
    ['an unknown id cleared with null', { nope: null }, 'partial', ['answers.nope']],
    ['a question id in another case', { OWNS: 'yes' }, 'partial', ['answers.OWNS']],
    [
      'a prototype key',
      JSON.parse('{"__proto__": "x", "constructor": 1}') as Record<string, unknown>,
      'partial',
      ['answers.__proto__', 'answers.constructor'],
    ],
    ['toString', { toString: 'x' }, 'partial', ['answers.toString']],
  ])('refuses %s', (_name, answers, mode, expected) => {
    expect(fields(validateAnswers(logic, answers, mode))).toEqual(expected);
  });

  it('names the unknown question', () => {
    expect(validateAnswers(logic, { nope: 1 }, 'partial').errors[0].message).toBe('this survey has no question "nope"');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', ['owns']],
    ['a string', 'owns=yes'],
  ])('refuses answers that are %s', (_name, answers) => {
    expect(validateAnswers(logic, answers as Record<string, unknown>, 'partial')).toEqual({
      errors: [{ field: 'answers', message: 'must be an object keyed by question id' }],
      normalized: {},
    });
  });

  it('ignores undefined values (they cannot come from JSON)', () => {
    expect(validateAnswers(logic, { comment: undefined }, 'partial')).toEqual({ errors: [], normalized: {} });
  });
});

describe('visibleQuestions', () => {
  const ids = (answers: Record<string, unknown>) => visibleQuestions(logic, answers).map((q) => q.id);
  const always = ['owns', 'features', 'score', 'comment'];

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no answers: only unconditional questions', {}, always],
    ['owns = no hides brand and hours', { owns: 'no' }, always],
    ['owns = yes shows brand and hours', { owns: 'yes' }, ['owns', 'brand', 'hours', 'features', 'score', 'comment']],
    [
      'owns = yes, brand = other shows the chain',
      { owns: 'yes', brand: 'other' },
      ['owns', 'brand', 'brand_other', 'hours', 'features', 'score', 'comment'],
    ],
    ['owns = no hides the whole chain even with brand = other', { owns: 'no', brand: 'other' }, always],
    ['owns unanswered hides the whole chain', { brand: 'other' }, always],
    ['multi_choice including c', { features: ['a', 'c'] }, ['owns', 'features', 'detail_c', 'score', 'comment']],
    ['multi_choice without c', { features: ['a', 'b'] }, always],
    ['multi_choice equal to the string c (not an array) does not match', { features: 'c' }, always],
    ['numeric parent equal to 0', { score: 0 }, ['owns', 'features', 'score', 'why_low', 'comment']],
    ['numeric parent 1', { score: 1 }, always],
    ['numeric parent "0" (a string) does not match', { score: '0' }, always],
  ])('%s', (_name, answers, expected) => {
    expect(ids(answers)).toEqual(expected);
  });
});

describe('validateAnswers: display logic', () => {
  const complete = { owns: 'no', features: ['a'] };

  it.each<[string, Record<string, unknown>, AnswerMode, string[]]>([
    // required only when shown
    ['submit with nothing: the unconditional required questions', {}, 'submit', ['answers.owns', 'answers.features']],
    ['submit owns = no: brand is hidden, so not required', complete, 'submit', []],
    ['submit owns = yes without brand', { ...complete, owns: 'yes' }, 'submit', ['answers.brand']],
    ['submit owns = yes, brand = acme: brand_other hidden', { ...complete, owns: 'yes', brand: 'acme' }, 'submit', []],
    ['submit brand = other without brand_other', { ...complete, owns: 'yes', brand: 'other' }, 'submit', ['answers.brand_other']],
    ['submit brand = other with brand_other', { ...complete, owns: 'yes', brand: 'other', brand_other: 'Zed' }, 'submit', []],
    ['submit features with c without detail_c', { ...complete, features: ['c'] }, 'submit', ['answers.detail_c']],
    ['submit features with c and detail_c', { ...complete, features: ['b', 'c'], detail_c: 'fine' }, 'submit', []],
    ['submit with a required question cleared by null', { ...complete, owns: null }, 'submit', ['answers.owns']],
    ['partial with nothing: missing answers are fine', {}, 'partial', []],
    ['partial owns = yes without brand: fine', { owns: 'yes' }, 'partial', []],

    // answers to hidden questions
    ['brand while owns = no', { owns: 'no', brand: 'acme' }, 'partial', ['answers.brand']],
    ['brand while owns is unanswered', { brand: 'acme' }, 'partial', ['answers.brand']],
    [
      'brand_other while its grandparent hides its parent',
      { owns: 'no', brand: 'other', brand_other: 'Zed' },
      'partial',
      ['answers.brand', 'answers.brand_other'],
    ],
    ['detail_c while c is not selected', { features: ['a'], detail_c: 'x' }, 'submit', ['answers.owns', 'answers.detail_c']],
    ['why_low while score is not 0', { score: 5, why_low: 'x' }, 'partial', ['answers.why_low']],
    ['hours while owns = no, in submit mode', { ...complete, hours: 3 }, 'submit', ['answers.hours']],
    ['null for a hidden question is fine (nothing to clear)', { owns: 'no', brand: null }, 'partial', []],

    // an invalid parent: only the parent is reported
    ['an invalid parent does not make its child hidden', { owns: 'perhaps', brand: 'acme' }, 'partial', ['answers.owns']],
    ['an invalid parent does not make its child required', { owns: 'perhaps', features: ['a'] }, 'submit', ['answers.owns']],
    ['nor its grandchild', { owns: 'yes', brand: 'acme?', brand_other: 'Zed' }, 'partial', ['answers.brand']],
    ['an invalid child value is reported as invalid', { owns: 'yes', brand: 'nope' }, 'partial', ['answers.brand']],
    ['an invalid value of a hidden question is reported once', { owns: 'no', hours: -1 }, 'partial', ['answers.hours']],
  ])('%s (%s)', (_name, answers, mode, expected) => {
    expect(fields(validateAnswers(logic, answers, mode))).toEqual(expected);
  });

  it('says why a hidden question cannot be answered', () => {
    expect(validateAnswers(logic, { owns: 'no', brand: 'acme' }, 'partial').errors).toEqual([
      { field: 'answers.brand', message: expect.stringContaining('not shown with these answers') as string },
    ]);
  });

  it('says a missing required question is required', () => {
    expect(validateAnswers(logic, { features: ['a'] }, 'submit').errors).toEqual([{ field: 'answers.owns', message: 'is required' }]);
  });

  it('returns the normalized answers of shown questions in definition order', () => {
    const r = validateAnswers(
      logic,
      { comment: ' thanks ', features: ['c', 'a'], detail_c: 'ok', owns: 'yes', brand: 'acme', score: 10 },
      'submit',
    );
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.normalized)).toEqual(['owns', 'brand', 'features', 'detail_c', 'score', 'comment']);
    expect(r.normalized).toEqual({ owns: 'yes', brand: 'acme', features: ['a', 'c'], detail_c: 'ok', score: 10, comment: 'thanks' });
  });

  it('does not let a prototype key through to the normalized answers', () => {
    const r = validateAnswers(logic, JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>, 'partial');
    expect(fields(r)).toEqual(['answers.__proto__']);
    expect(Object.getPrototypeOf(r.normalized)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validateAnswers: merging a patch over saved answers', () => {
  const saved: Record<string, AnswerValue> = { owns: 'yes', brand: 'other', brand_other: 'Zed', hours: 4, features: ['c'], detail_c: 'ok' };

  it.each<[string, Record<string, unknown>, AnswerMode, string[], Record<string, AnswerValue | undefined>]>([
    ['an empty patch keeps everything', {}, 'partial', [], saved],
    ['a patch adds an answer', { comment: 'hi' }, 'partial', [], { ...saved, comment: 'hi' }],
    ['a patch replaces an answer', { hours: 10 }, 'partial', [], { ...saved, hours: 10 }],
    ['null clears an optional answer', { hours: null }, 'partial', [], { ...saved, hours: undefined }],
    ['null clears a required answer in partial mode', { brand_other: null }, 'partial', [], { ...saved, brand_other: undefined }],
    [
      'null on a required answer fails in submit mode',
      { brand_other: null },
      'submit',
      ['answers.brand_other'],
      { ...saved, brand_other: undefined },
    ],
    [
      'changing owns to no drops the saved answers it hides, without an error',
      { owns: 'no' },
      'partial',
      [],
      { owns: 'no', features: ['c'], detail_c: 'ok' },
    ],
    ['clearing owns drops its whole chain', { owns: null }, 'partial', [], { features: ['c'], detail_c: 'ok' }],
    ['changing brand to acme drops brand_other', { brand: 'acme' }, 'submit', [], { ...saved, brand: 'acme', brand_other: undefined }],
    ['deselecting c drops detail_c', { features: ['a', 'b'] }, 'submit', [], { ...saved, features: ['a', 'b'], detail_c: undefined }],
    [
      'but answering the hidden question in the same patch is an error',
      { owns: 'no', hours: 5 },
      'partial',
      ['answers.hours'],
      { owns: 'no', features: ['c'], detail_c: 'ok' },
    ],
    ['a saved parent shows a newly answered child', { brand_other: 'Other Co' }, 'submit', [], { ...saved, brand_other: 'Other Co' }],
  ])('%s', (_name, patch, mode, expected, normalized) => {
    const r = validateAnswers(logic, patch, mode, { saved });
    expect(fields(r)).toEqual(expected);
    expect(r.normalized).toEqual(JSON.parse(JSON.stringify(normalized)));
  });

  it('ignores saved answers to questions the definition does not have', () => {
    expect(validateAnswers(logic, {}, 'partial', { saved: { ...saved, gone: 1 } })).toEqual({ errors: [], normalized: saved });
  });

  it('submits what was saved in partial saves', () => {
    const first = validateAnswers(logic, { owns: 'yes', brand: 'acme' }, 'partial');
    const second = validateAnswers(logic, { features: ['b'] }, 'partial', { saved: first.normalized });
    const submit = validateAnswers(logic, {}, 'submit', { saved: second.normalized });
    expect(submit).toEqual({ errors: [], normalized: { owns: 'yes', brand: 'acme', features: ['b'] } });
  });
});
