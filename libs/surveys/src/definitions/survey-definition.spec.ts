import { LEAD_USER_DIMENSIONS } from '@leadpanel/platform';
import { isValidDefinition, QUESTION_TYPES, SURVEY_KINDS, textMaxLength, validateDefinition, type Question } from './survey-definition';
import { base, manyOpts, opts, q, survey } from './survey-definition.fixtures';

const fields = (input: unknown) => validateDefinition(input).map((p) => p.field);

describe('validateDefinition: valid definitions', () => {
  it.each<[string, unknown]>([
    ['one question of every type', survey(Object.values(base))],
    ...SURVEY_KINDS.map((kind): [string, unknown] => [`kind ${kind}`, survey([base.text], { kind })]),
    ['extra top-level keys (studyId, points: checked by the DTO)', survey([base.text], { studyId: 's1', points: 10 })],
    ['title of 200 characters', survey([base.text], { title: 't'.repeat(200) })],
    ['title of 200 emoji (counted as characters)', survey([base.text], { title: '😀'.repeat(200) })],
    ['200 questions', survey(Array.from({ length: 200 }, (_, i) => ({ id: `q${i}`, type: 'text', prompt: 'p' })))],
    ['id of 64 characters', survey([q('text', { id: 'a'.repeat(64) })])],
    ['id with upper case, digits, "_" and "-"', survey([q('text', { id: 'Q-1_b' })])],
    ['prompt of 2000 characters', survey([q('text', { prompt: 'p'.repeat(2000) })])],
    ['required true', survey([q('text', { required: true })])],
    ['required false', survey([q('text', { required: false })])],
    ['50 options', survey([q('single', { options: manyOpts(50) })])],
    ['option value of 100 characters', survey([q('single', { options: [{ value: 'v'.repeat(100), label: 'L' }, ...opts('b')] })])],
    ['option label of 500 characters', survey([q('multi', { options: [{ value: 'a', label: 'l'.repeat(500) }, ...opts('b')] })])],
    ['option values differing by case', survey([q('single', { options: opts('a', 'A') })])],
    ['number without min and max', survey([q('number', { min: undefined, max: undefined })])],
    ['number with only min', survey([q('number', { max: undefined, min: -3.5 })])],
    ['number with min = max', survey([q('number', { min: 4, max: 4 })])],
    ['text maxLength 1', survey([q('text', { maxLength: 1 })])],
    ['text maxLength 10000', survey([q('text', { maxLength: 10000 })])],
    ...LEAD_USER_DIMENSIONS.map((dimension): [string, unknown] => [
      `dimension ${dimension} on a 7-point likert in a screener`,
      survey([q('likert7', { dimension })], { kind: 'screener' }),
    ]),
    ['reverse true with a dimension', survey([q('likert7', { dimension: 'expertise', reverse: true })], { kind: 'screener' })],
    ['reverse false with a dimension', survey([q('likert7', { dimension: 'expertise', reverse: false })], { kind: 'screener' })],
    ['showIf on a single_choice option', survey([base.single, q('text', { showIf: { questionId: 'single', equals: 'no' } })])],
    ['showIf on a multi_choice option', survey([base.multi, q('text', { showIf: { questionId: 'multi', equals: 'c' } })])],
    ['showIf on likert 1', survey([base.likert5, q('text', { showIf: { questionId: 'likert5', equals: 1 } })])],
    ['showIf on likert 7 of 7', survey([base.likert7, q('text', { showIf: { questionId: 'likert7', equals: 7 } })])],
    ['showIf on rating 0', survey([base.rating, q('text', { showIf: { questionId: 'rating', equals: 0 } })])],
    ['showIf on nps 10', survey([base.nps, q('text', { showIf: { questionId: 'nps', equals: 10 } })])],
    ['showIf on a number within min/max', survey([base.number, q('text', { showIf: { questionId: 'number', equals: 2.5 } })])],
    [
      'showIf on an unbounded number',
      survey([q('number', { min: undefined, max: undefined }), q('text', { showIf: { questionId: 'number', equals: -1e6 } })]),
    ],
    [
      'showIf chain through several questions',
      survey([
        base.single,
        q('multi', { showIf: { questionId: 'single', equals: 'yes' } }),
        q('text', { showIf: { questionId: 'multi', equals: 'b' } }),
      ]),
    ],
    [
      'required question behind a showIf',
      survey([base.single, q('text', { required: true, showIf: { questionId: 'single', equals: 'yes' } })]),
    ],
  ])('%s', (_name, input) => {
    expect(validateDefinition(input)).toEqual([]);
    expect(isValidDefinition(input)).toBe(true);
  });
});

describe('validateDefinition: reports every problem at once', () => {
  it('lists the problems of several questions, each with its own path', () => {
    const input = survey(
      [
        q('text', { id: 'bad id', prompt: '' }),
        q('single', {
          options: [
            { value: 'a', label: 'A' },
            { value: 'a', label: '' },
          ],
        }),
        q('likert5', { scale: 4, dimension: 'expertise', reverse: 1 }),
        q('nps', { id: 'single', showIf: { questionId: 'later', equals: 3 } }),
        q('number', { id: 'later', min: 5, max: 1, maxLength: 10 }),
      ],
      { kind: 'usage', title: '' },
    );
    expect(fields(input)).toEqual([
      'title',
      'questions[0].id',
      'questions[0].prompt',
      'questions[1].options[1].value',
      'questions[1].options[1].label',
      'questions[2].scale',
      'questions[2].dimension',
      'questions[2].reverse',
      'questions[3].id',
      'questions[3].showIf.questionId',
      'questions[4].min',
      'questions[4].maxLength',
    ]);
  });

  it('checks no type-specific property when the type itself is wrong, and says so once', () => {
    expect(fields(survey([q('text', { type: 'slider', maxLength: 3, options: opts('a', 'b') })]))).toEqual(['questions[0].type']);
  });

  it('does not check showIf.equals against a parent whose own definition is broken', () => {
    expect(fields(survey([q('likert5', { scale: 9 }), q('text', { showIf: { questionId: 'likert5', equals: 8 } })]))).toEqual([
      'questions[0].scale',
    ]);
  });

  it('has a problem message for every path', () => {
    for (const p of validateDefinition(survey([{}, { id: 'x', type: 'likert' }]))) expect(p.message.length).toBeGreaterThan(5);
  });
});

describe('constants and helpers', () => {
  it('has the eight question types of the issue', () => {
    expect(QUESTION_TYPES).toEqual(['single_choice', 'multi_choice', 'likert', 'rating', 'nps', 'sus', 'number', 'text']);
  });

  it.each<[Partial<Question>, number]>([
    [{}, 5000],
    [{ maxLength: 20 }, 20],
  ])('text max length of %j is %i', (patch, expected) => {
    expect(textMaxLength({ id: 't', type: 'text', prompt: 'p', ...patch })).toBe(expected);
  });
});
