import { isValidDefinition, validateDefinition } from './survey-definition';
import { base, manyOpts, opts, q, survey } from './survey-definition.fixtures';

describe('validateDefinition: invalid definitions, each problem with its path', () => {
  it.each<[string, unknown, string[], string]>([
    // the definition itself
    ['null', null, ['definition'], 'must be an object'],
    ['an array', [], ['definition'], 'must be an object'],
    ['a string', 'survey', ['definition'], 'must be an object'],
    ['kind missing', survey([base.text], { kind: undefined }), ['kind'], 'screener, usage, beta, general'],
    ['unknown kind', survey([base.text], { kind: 'poll' }), ['kind'], 'must be one of'],
    ['kind in upper case', survey([base.text], { kind: 'BETA' }), ['kind'], 'must be one of'],
    ['title missing', survey([base.text], { title: undefined }), ['title'], 'non-empty string'],
    ['title empty', survey([base.text], { title: '' }), ['title'], 'non-empty string'],
    ['title blank', survey([base.text], { title: '  \t ' }), ['title'], 'non-empty string'],
    ['title a number', survey([base.text], { title: 42 }), ['title'], 'non-empty string'],
    ['title of 201 characters', survey([base.text], { title: 't'.repeat(201) }), ['title'], 'at most 200'],
    ['questions missing', { kind: 'general', title: 'T' }, ['questions'], 'must be an array'],
    ['questions an object', survey({} as unknown[]), ['questions'], 'must be an array'],
    ['no questions', survey([]), ['questions'], 'at least 1'],
    [
      '201 questions',
      survey(Array.from({ length: 201 }, (_, i) => ({ id: `q${i}`, type: 'text', prompt: 'p' }))),
      ['questions'],
      'at most 200 questions (has 201)',
    ],

    // a question's shape
    ['question null', survey([base.text, null]), ['questions[1]'], 'must be an object'],
    ['question a string', survey(['text']), ['questions[0]'], 'must be an object'],
    ['question an array', survey([[]]), ['questions[0]'], 'must be an object'],
    ['unknown question key', survey([q('text', { requried: true })]), ['questions[0].requried'], 'is not a question property'],
    ['null is not absent', survey([q('text', { showIf: null })]), ['questions[0].showIf'], 'must be an object'],

    // id
    ['id missing', survey([q('text', { id: undefined })]), ['questions[0].id'], 'letters, digits'],
    ['id empty', survey([q('text', { id: '' })]), ['questions[0].id'], 'letters, digits'],
    ['id of 65 characters', survey([q('text', { id: 'a'.repeat(65) })]), ['questions[0].id'], '1 to 64'],
    ['id with a space', survey([q('text', { id: 'q 1' })]), ['questions[0].id'], 'letters, digits'],
    ['id with a dot', survey([q('text', { id: 'q.1' })]), ['questions[0].id'], 'letters, digits'],
    ['id with an accent', survey([q('text', { id: 'qé' })]), ['questions[0].id'], 'letters, digits'],
    ['id a number', survey([q('text', { id: 1 })]), ['questions[0].id'], 'letters, digits'],
    ['id __proto__', survey([q('text', { id: '__proto__' })]), ['questions[0].id'], 'reserved'],
    ['id constructor', survey([q('text', { id: 'constructor' })]), ['questions[0].id'], 'reserved'],
    ['duplicate id', survey([base.text, base.single, q('nps', { id: 'text' })]), ['questions[2].id'], 'duplicates the id of questions[0]'],
    ['duplicate id differing by case', survey([base.text, q('nps', { id: 'TEXT' })]), ['questions[1].id'], 'ignoring case'],

    // type
    ['type missing', survey([q('text', { type: undefined })]), ['questions[0].type'], 'single_choice, multi_choice, likert'],
    ['unknown type', survey([q('text', { type: 'slider' })]), ['questions[0].type'], 'must be one of'],

    // prompt
    ['prompt missing', survey([q('text', { prompt: undefined })]), ['questions[0].prompt'], 'non-empty string'],
    ['prompt empty', survey([q('text', { prompt: '' })]), ['questions[0].prompt'], 'non-empty string'],
    ['prompt blank', survey([q('text', { prompt: ' \n ' })]), ['questions[0].prompt'], 'non-empty string'],
    ['prompt not a string', survey([q('text', { prompt: ['a'] })]), ['questions[0].prompt'], 'non-empty string'],
    ['prompt of 2001 characters', survey([q('text', { prompt: 'p'.repeat(2001) })]), ['questions[0].prompt'], 'at most 2000'],

    // required
    ['required a string', survey([q('text', { required: 'yes' })]), ['questions[0].required'], 'true or false'],
    ['required 1', survey([q('text', { required: 1 })]), ['questions[0].required'], 'true or false'],

    // options on choice questions
    ['single_choice without options', survey([q('single', { options: undefined })]), ['questions[0].options'], 'needs an array of 2 to 50'],
    ['multi_choice without options', survey([q('multi', { options: undefined })]), ['questions[0].options'], 'needs an array of 2 to 50'],
    ['options an object', survey([q('single', { options: { a: 'A' } })]), ['questions[0].options'], 'needs an array'],
    ['no options', survey([q('single', { options: [] })]), ['questions[0].options'], '2 to 50 options (has 0)'],
    ['1 option', survey([q('multi', { options: opts('a') })]), ['questions[0].options'], '2 to 50 options (has 1)'],
    ['51 options', survey([q('single', { options: manyOpts(51) })]), ['questions[0].options'], '2 to 50 options (has 51)'],
    ['option not an object', survey([q('single', { options: ['a', ...opts('b')] })]), ['questions[0].options[0]'], '{value, label}'],
    [
      'option value missing',
      survey([q('single', { options: [{ label: 'A' }, ...opts('b')] })]),
      ['questions[0].options[0].value'],
      'non-empty',
    ],
    [
      'option value empty',
      survey([q('single', { options: [...opts('a'), { value: '', label: 'B' }] })]),
      ['questions[0].options[1].value'],
      'non-empty',
    ],
    [
      'option value blank',
      survey([q('single', { options: [...opts('a'), { value: '  ', label: 'B' }] })]),
      ['questions[0].options[1].value'],
      'non-empty',
    ],
    [
      'option value a number',
      survey([q('single', { options: [...opts('a'), { value: 2, label: 'B' }] })]),
      ['questions[0].options[1].value'],
      'non-empty string',
    ],
    [
      'option value of 101 characters',
      survey([q('single', { options: [...opts('a'), { value: 'v'.repeat(101), label: 'B' }] })]),
      ['questions[0].options[1].value'],
      'at most 100',
    ],
    [
      'duplicate option values',
      survey([q('multi', { options: opts('a', 'b', 'a') })]),
      ['questions[0].options[2].value'],
      'duplicates the value of options[0]',
    ],
    [
      'option label missing',
      survey([q('single', { options: [...opts('a'), { value: 'b' }] })]),
      ['questions[0].options[1].label'],
      'non-empty',
    ],
    [
      'option label blank',
      survey([q('single', { options: [...opts('a'), { value: 'b', label: ' ' }] })]),
      ['questions[0].options[1].label'],
      'non-empty',
    ],
    [
      'option label of 501 characters',
      survey([q('single', { options: [...opts('a'), { value: 'b', label: 'l'.repeat(501) }] })]),
      ['questions[0].options[1].label'],
      'at most 500',
    ],
    [
      'unknown option key',
      survey([q('single', { options: [...opts('a'), { value: 'b', label: 'B', score: 1 }] })]),
      ['questions[0].options[1].score'],
      'not an option property',
    ],

    // options anywhere else
    ...(['likert5', 'rating', 'nps', 'number', 'text'] as const).map((name): [string, unknown, string[], string] => [
      `options on ${String(base[name].type)}`,
      survey([q(name, { options: opts('a', 'b') })]),
      ['questions[0].options'],
      'only single_choice, multi_choice questions have options',
    ]),
    ['options on sus', survey([q('sus', { options: opts('a', 'b') })]), ['questions[0].options'], 'the 10 standard SUS items'],

    // scale
    ['likert without scale', survey([q('likert5', { scale: undefined })]), ['questions[0].scale'], 'is required on a likert question'],
    ['likert scale 6', survey([q('likert5', { scale: 6 })]), ['questions[0].scale'], 'must be 5 or 7'],
    ['likert scale 10', survey([q('likert5', { scale: 10 })]), ['questions[0].scale'], 'must be 5 or 7'],
    ['likert scale "5"', survey([q('likert5', { scale: '5' })]), ['questions[0].scale'], 'must be 5 or 7'],
    ...(['single', 'rating', 'nps', 'number', 'sus', 'text'] as const).map((name): [string, unknown, string[], string] => [
      `scale on ${String(base[name].type)}`,
      survey([q(name, { scale: 5 })]),
      ['questions[0].scale'],
      'only likert questions have a scale',
    ]),

    // min / max
    ['min a string', survey([q('number', { min: '0' })]), ['questions[0].min'], 'finite number'],
    ['max NaN', survey([q('number', { max: NaN })]), ['questions[0].max'], 'finite number'],
    ['max Infinity', survey([q('number', { max: Infinity })]), ['questions[0].max'], 'finite number'],
    ['min greater than max', survey([q('number', { min: 11, max: 10 })]), ['questions[0].min'], 'must not be greater than max (11 > 10)'],
    ...(['likert5', 'rating', 'nps', 'sus', 'text', 'single'] as const).flatMap((name) =>
      (['min', 'max'] as const).map((key): [string, unknown, string[], string] => [
        `${key} on ${String(base[name].type)}`,
        survey([q(name, { [key]: 1 })]),
        [`questions[0].${key}`],
        `only number questions have ${key}`,
      ]),
    ),

    // maxLength
    ['maxLength 0', survey([q('text', { maxLength: 0 })]), ['questions[0].maxLength'], 'integer from 1 to 10000'],
    ['maxLength 10001', survey([q('text', { maxLength: 10001 })]), ['questions[0].maxLength'], 'integer from 1 to 10000'],
    ['maxLength 1.5', survey([q('text', { maxLength: 1.5 })]), ['questions[0].maxLength'], 'integer from 1 to 10000'],
    ['maxLength "100"', survey([q('text', { maxLength: '100' })]), ['questions[0].maxLength'], 'integer from 1 to 10000'],
    ...(['number', 'single', 'sus'] as const).map((name): [string, unknown, string[], string] => [
      `maxLength on ${String(base[name].type)}`,
      survey([q(name, { maxLength: 100 })]),
      ['questions[0].maxLength'],
      'only text questions have maxLength',
    ]),

    // dimension / reverse
    [
      'unknown dimension',
      survey([q('likert7', { dimension: 'charisma' })], { kind: 'screener' }),
      ['questions[0].dimension'],
      'ahead_of_trend, expected_benefit',
    ],
    ...(['usage', 'beta', 'general'] as const).map((kind): [string, unknown, string[], string] => [
      `dimension in a ${kind} survey`,
      survey([q('likert7', { dimension: 'expertise' })], { kind }),
      ['questions[0].dimension'],
      'only screener surveys',
    ]),
    [
      'dimension on a 5-point likert',
      survey([q('likert5', { dimension: 'expertise' })], { kind: 'screener' }),
      ['questions[0].dimension'],
      '7-point likert',
    ],
    [
      'dimension on a rating',
      survey([q('rating', { dimension: 'expertise' })], { kind: 'screener' }),
      ['questions[0].dimension'],
      '7-point likert',
    ],
    [
      'dimension on a single_choice',
      survey([q('single', { dimension: 'expertise' })], { kind: 'screener' }),
      ['questions[0].dimension'],
      '7-point likert',
    ],
    [
      'reverse true without a dimension',
      survey([q('likert7', { reverse: true })], { kind: 'screener' }),
      ['questions[0].reverse'],
      'only a question with a dimension',
    ],
    [
      'reverse false without a dimension',
      survey([q('likert7', { reverse: false })]),
      ['questions[0].reverse'],
      'only a question with a dimension',
    ],
    [
      'reverse not a boolean',
      survey([q('likert7', { dimension: 'expertise', reverse: 'yes' })], { kind: 'screener' }),
      ['questions[0].reverse'],
      'true or false',
    ],

    // showIf
    ['showIf a string', survey([base.single, q('text', { showIf: 'single' })]), ['questions[1].showIf'], '{questionId, equals}'],
    [
      'showIf unknown key',
      survey([base.single, q('text', { showIf: { questionId: 'single', equals: 'yes', not: true } })]),
      ['questions[1].showIf.not'],
      'not a showIf property',
    ],
    [
      'showIf without equals',
      survey([base.single, q('text', { showIf: { questionId: 'single' } })]),
      ['questions[1].showIf.equals'],
      'is required',
    ],
    [
      'showIf equals a boolean',
      survey([base.single, q('text', { showIf: { questionId: 'single', equals: true } })]),
      ['questions[1].showIf.equals'],
      'option value or a number',
    ],
    [
      'showIf equals an array',
      survey([base.multi, q('text', { showIf: { questionId: 'multi', equals: ['a'] } })]),
      ['questions[1].showIf.equals'],
      'option value or a number',
    ],
    [
      'showIf without questionId',
      survey([base.single, q('text', { showIf: { equals: 'yes' } })]),
      ['questions[1].showIf.questionId'],
      'earlier question',
    ],
    [
      'showIf on an unknown question',
      survey([base.single, q('text', { showIf: { questionId: 'nope', equals: 'yes' } })]),
      ['questions[1].showIf.questionId'],
      'no question has the id "nope"',
    ],
    [
      'showIf on itself',
      survey([q('single', { showIf: { questionId: 'single', equals: 'yes' } })]),
      ['questions[0].showIf.questionId'],
      'cannot depend on itself',
    ],
    [
      'showIf on a later question',
      survey([q('text', { showIf: { questionId: 'single', equals: 'yes' } }), base.single]),
      ['questions[0].showIf.questionId'],
      'earlier question ("single" is questions[1])',
    ],
    [
      'showIf on a text question',
      survey([base.text, q('nps', { showIf: { questionId: 'text', equals: 'hi' } })]),
      ['questions[1].showIf.questionId'],
      'cannot depend on a text question',
    ],
    [
      'showIf on a sus question',
      survey([base.sus, q('text', { showIf: { questionId: 'sus', equals: 1 } })]),
      ['questions[1].showIf.questionId'],
      'cannot depend on a sus question',
    ],
    [
      'showIf equals not an option value',
      survey([base.single, q('text', { showIf: { questionId: 'single', equals: 'maybe' } })]),
      ['questions[1].showIf.equals'],
      'option values of the question it depends on: yes, no',
    ],
    [
      'showIf equals a label, not a value',
      survey([base.single, q('text', { showIf: { questionId: 'single', equals: 'YES' } })]),
      ['questions[1].showIf.equals'],
      'option values',
    ],
    [
      'showIf equals a number on a choice',
      survey([base.multi, q('text', { showIf: { questionId: 'multi', equals: 1 } })]),
      ['questions[1].showIf.equals'],
      'option values',
    ],
    [
      'showIf likert 0',
      survey([base.likert5, q('text', { showIf: { questionId: 'likert5', equals: 0 } })]),
      ['questions[1].showIf.equals'],
      'integer from 1 to 5',
    ],
    [
      'showIf likert 6 of 5',
      survey([base.likert5, q('text', { showIf: { questionId: 'likert5', equals: 6 } })]),
      ['questions[1].showIf.equals'],
      'integer from 1 to 5',
    ],
    [
      'showIf likert 8 of 7',
      survey([base.likert7, q('text', { showIf: { questionId: 'likert7', equals: 8 } })]),
      ['questions[1].showIf.equals'],
      'integer from 1 to 7',
    ],
    [
      'showIf likert "3"',
      survey([base.likert5, q('text', { showIf: { questionId: 'likert5', equals: '3' } })]),
      ['questions[1].showIf.equals'],
      'integer from 1 to 5',
    ],
    [
      'showIf rating 11',
      survey([base.rating, q('text', { showIf: { questionId: 'rating', equals: 11 } })]),
      ['questions[1].showIf.equals'],
      'integer from 0 to 10',
    ],
    [
      'showIf rating -1',
      survey([base.rating, q('text', { showIf: { questionId: 'rating', equals: -1 } })]),
      ['questions[1].showIf.equals'],
      'integer from 0 to 10',
    ],
    [
      'showIf nps 1.5',
      survey([base.nps, q('text', { showIf: { questionId: 'nps', equals: 1.5 } })]),
      ['questions[1].showIf.equals'],
      'integer from 0 to 10',
    ],
    [
      'showIf number below min',
      survey([base.number, q('text', { showIf: { questionId: 'number', equals: -1 } })]),
      ['questions[1].showIf.equals'],
      'at least 0',
    ],
    [
      'showIf number above max',
      survey([base.number, q('text', { showIf: { questionId: 'number', equals: 11 } })]),
      ['questions[1].showIf.equals'],
      'at most 10',
    ],
    [
      'showIf number a string',
      survey([base.number, q('text', { showIf: { questionId: 'number', equals: '5' } })]),
      ['questions[1].showIf.equals'],
      'must be a number',
    ],
  ])('%s', (_name, input, expectedFields, message) => {
    const problems = validateDefinition(input);
    expect(problems.map((p) => p.field)).toEqual(expectedFields);
    expect(problems[0].message).toContain(message);
    expect(isValidDefinition(input)).toBe(false);
  });
});
