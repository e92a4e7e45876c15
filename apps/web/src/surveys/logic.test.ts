import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { PROBLEM_KEYS, resumeIndex, validateAnswers, validateQuestion, visibleQuestions } from './logic';
import type { Question, SurveyDefinition } from './types';

const def: SurveyDefinition = {
  questions: [
    {
      id: 'owns',
      type: 'single_choice',
      prompt: 'Do you own a bike?',
      required: true,
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    },
    { id: 'km', type: 'number', prompt: 'Km per week?', required: true, min: 0, max: 500, showIf: { questionId: 'owns', equals: 'yes' } },
    { id: 'far', type: 'text', prompt: 'Where to?', showIf: { questionId: 'km', equals: 100 } },
    {
      id: 'uses',
      type: 'multi_choice',
      prompt: 'Uses',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    },
    { id: 'more', type: 'rating', prompt: 'More?', showIf: { questionId: 'uses', equals: 'b' } },
  ],
};

const ids = (qs: Question[]) => qs.map((q) => q.id);

function lookup(catalogue: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => {
    const n = node as Record<string, unknown> | undefined;
    return n?.[part] ?? n?.[`${part}_other`];
  }, catalogue);
}

describe('visibleQuestions (showIf, as the server)', () => {
  it('shows a question when its parent is shown and its answer equals the condition', () => {
    expect(ids(visibleQuestions(def, {}))).toEqual(['owns', 'uses']);
    expect(ids(visibleQuestions(def, { owns: 'yes' }))).toEqual(['owns', 'km', 'uses']);
    expect(ids(visibleQuestions(def, { owns: 'yes', km: 100 }))).toEqual(['owns', 'km', 'far', 'uses']);
    // a chain: hiding the parent hides the grandchild even with a matching answer
    expect(ids(visibleQuestions(def, { owns: 'no', km: 100 }))).toEqual(['owns', 'uses']);
    // multi_choice parent: included in the answer
    expect(ids(visibleQuestions(def, { uses: ['a', 'b'] }))).toContain('more');
    expect(ids(visibleQuestions(def, { uses: ['a'] }))).not.toContain('more');
  });
});

describe('validateAnswers (the server rules in the browser)', () => {
  it('requires shown required questions only, and drops the answers of hidden ones', () => {
    expect(validateAnswers(def, {}).errors).toEqual({ owns: { key: 'survey.errors.required' } });
    expect(validateAnswers(def, { owns: 'yes' }).errors).toEqual({ km: { key: 'survey.errors.required' } });
    const check = validateAnswers(def, { owns: 'no', km: 100, far: 'Paris' });
    expect(check.errors).toEqual({});
    expect(check.normalized).toEqual({ owns: 'no' });
  });

  it('checks options, ranges and text like the server', () => {
    const single = def.questions[0];
    expect(validateQuestion(single, 'maybe')).toEqual({ key: 'survey.errors.option' });
    expect(validateQuestion(def.questions[1], 501)).toEqual({ key: 'survey.errors.max', values: { max: 500 } });
    expect(validateQuestion(def.questions[1], -1)).toEqual({ key: 'survey.errors.min', values: { min: 0 } });
    expect(validateQuestion({ id: 'r', type: 'nps', prompt: 'p' }, 11)).toEqual({
      key: 'survey.errors.range',
      values: { min: 0, max: 10 },
    });
    expect(validateQuestion({ id: 'l', type: 'likert', prompt: 'p', scale: 7 }, 7)).toBeNull();
    expect(validateQuestion({ id: 'l', type: 'likert', prompt: 'p', scale: 5 }, 6)).toEqual({
      key: 'survey.errors.range',
      values: { min: 1, max: 5 },
    });
    expect(validateQuestion({ id: 'm', type: 'multi_choice', prompt: 'p', options: def.questions[3].options }, ['a', 'z'])).toEqual({
      key: 'survey.errors.option',
    });
    expect(validateQuestion({ id: 't', type: 'text', prompt: 'p', maxLength: 3, required: true }, '  ')).toEqual({
      key: 'survey.errors.required',
    });
    // code points, as the server counts: three emoji fit in three characters
    expect(validateQuestion({ id: 't', type: 'text', prompt: 'p', maxLength: 3 }, '😀😀😀')).toBeNull();
    expect(validateQuestion({ id: 't', type: 'text', prompt: 'p', maxLength: 3 }, 'abcd')).toEqual({
      key: 'survey.errors.tooLong',
      values: { max: 3 },
    });
    expect(validateQuestion({ id: 's', type: 'sus', prompt: 'p' }, [1, 2, 3, null, 5, 1, 2, 3, 4, 5])).toEqual({
      key: 'survey.errors.susIncomplete',
      values: { count: 1 },
    });
  });

  it('normalizes multi_choice to the order of the options and trims text', () => {
    const check = validateAnswers(
      { questions: [def.questions[3], { id: 't', type: 'text', prompt: 'p' }] },
      { uses: ['b', 'a'], t: '  hello ' },
    );
    expect(check.normalized).toEqual({ uses: ['a', 'b'], t: 'hello' });
  });

  it('returns only catalogue keys that both languages hold', () => {
    for (const key of PROBLEM_KEYS) {
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
      expect(typeof lookup(fr, key), `fr ${key}`).toBe('string');
    }
  });
});

describe('resumeIndex', () => {
  it('is the first shown question without a valid answer, or -1 when all are answered', () => {
    expect(resumeIndex(def, {})).toBe(0);
    expect(resumeIndex(def, { owns: 'yes' })).toBe(1);
    expect(resumeIndex(def, { owns: 'no' })).toBe(1); // 'uses', the second shown question
    expect(resumeIndex(def, { owns: 'no', uses: ['a'] })).toBe(-1);
  });
});
