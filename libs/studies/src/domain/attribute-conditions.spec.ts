import { type AttributeCondition, type AttributeOp, conditionHolds, describeCondition } from './attribute-conditions';
import { validateCriteria } from './criteria';
import { cond, DEFS } from './criteria.fixture';

const one = (field: string, message: string) => [{ field, message: expect.stringContaining(message) as unknown as string }];

describe('validateCriteria: attribute conditions accepted', () => {
  it.each<[string, unknown]>([
    ['string eq', { attributes: [cond('city', 'eq', 'Lyon')] }],
    ['string in', { attributes: [cond('city', 'in', ['Lyon', 'Nantes'])] }],
    ['number eq, gte, lte', { attributes: [cond('cars', 'eq', 2), cond('cars', 'gte', 1), cond('cars', 'lte', 3)] }],
    ['number gte = lte', { attributes: [cond('cars', 'gte', 2), cond('cars', 'lte', 2)] }],
    ['negative and decimal numbers', { attributes: [cond('cars', 'gte', -1.5)] }],
    ['boolean eq false', { attributes: [cond('has_kids', 'eq', false)] }],
    ['enum eq and compatible in', { attributes: [cond('plan', 'eq', 'pro'), cond('plan', 'in', ['pro', 'team'])] }],
    ['two overlapping ins', { attributes: [cond('plan', 'in', ['free', 'pro']), cond('plan', 'in', ['pro', 'team'])] }],
    ['the same eq twice', { attributes: [cond('plan', 'eq', 'pro'), cond('plan', 'eq', 'pro')] }],
    ['multi_enum: two different eqs (selected both)', { attributes: [cond('sports', 'eq', 'bike'), cond('sports', 'eq', 'run')] }],
    ['multi_enum: eq outside an in', { attributes: [cond('sports', 'eq', 'swim'), cond('sports', 'in', ['bike', 'run'])] }],
    ['50 conditions', { attributes: Array.from({ length: 50 }, () => cond('cars', 'gte', 1)) }],
  ])('%s', (_name, criteria) => {
    expect(validateCriteria(criteria, DEFS)).toEqual([]);
  });
});

describe('validateCriteria: attribute conditions, one problem each', () => {
  it.each<[string, unknown, string, string]>([
    // attribute conditions: shape
    ['attributes not a list', { attributes: {} }, 'criteria.attributes', 'must be a list'],
    ['attributes empty', { attributes: [] }, 'criteria.attributes', 'at least one'],
    ['51 conditions', { attributes: Array.from({ length: 51 }, () => cond('cars', 'gte', 1)) }, 'criteria.attributes', 'at most 50'],
    ['condition not an object', { attributes: ['plan=pro'] }, 'criteria.attributes[0]', 'must be an object'],
    [
      'condition with extra field',
      { attributes: [{ ...cond('plan', 'eq', 'pro'), not: true }] },
      'criteria.attributes[0].not',
      'not a known',
    ],
    [
      'unknown attribute',
      { attributes: [cond('plan', 'eq', 'pro'), cond('pets', 'eq', 'cat')] },
      'criteria.attributes[1].key',
      'unknown attribute "pets"',
    ],
    ['key not a string', { attributes: [cond(7 as unknown as string, 'eq', 'x')] }, 'criteria.attributes[0].key', 'must be the key'],
    ['unknown op', { attributes: [cond('cars', 'gt' as AttributeOp, 1)] }, 'criteria.attributes[0].op', 'must be one of eq, in, gte, lte'],
    // attribute conditions: values
    ['string eq empty', { attributes: [cond('city', 'eq', ' ')] }, 'criteria.attributes[0].value', 'non-empty string'],
    ['string eq too long', { attributes: [cond('city', 'eq', 'x'.repeat(501))] }, 'criteria.attributes[0].value', 'at most 500'],
    ['string eq a number', { attributes: [cond('city', 'eq', 69)] }, 'criteria.attributes[0].value', 'non-empty string'],
    ['number eq a string', { attributes: [cond('cars', 'eq', '2')] }, 'criteria.attributes[0].value', 'must be a number'],
    ['number gte Infinity', { attributes: [cond('cars', 'gte', Infinity)] }, 'criteria.attributes[0].value', 'must be a number'],
    ['boolean eq "true"', { attributes: [cond('has_kids', 'eq', 'true')] }, 'criteria.attributes[0].value', 'true or false'],
    [
      'enum eq not an option',
      { attributes: [cond('plan', 'eq', 'gold')] },
      'criteria.attributes[0].value',
      'must be one of free, pro, team',
    ],
    ['enum eq with a list', { attributes: [cond('plan', 'eq', ['pro'])] }, 'criteria.attributes[0].value', 'must be one of'],
    ['multi_enum eq not an option', { attributes: [cond('sports', 'eq', 'golf')] }, 'criteria.attributes[0].value', 'must be one of bike'],
    ['in with a single value', { attributes: [cond('plan', 'in', 'pro')] }, 'criteria.attributes[0].value', 'non-empty list'],
    ['in empty', { attributes: [cond('plan', 'in', [])] }, 'criteria.attributes[0].value', 'non-empty list'],
    [
      'in with a bad option',
      { attributes: [cond('plan', 'in', ['pro', 'gold'])] },
      'criteria.attributes[0].value',
      'each value must be one of',
    ],
    ['in with a value twice', { attributes: [cond('plan', 'in', ['pro', 'pro'])] }, 'criteria.attributes[0].value', 'twice'],
    [
      'string in, 101 values',
      {
        attributes: [
          cond(
            'city',
            'in',
            Array.from({ length: 101 }, (_, i) => `c${i}`),
          ),
        ],
      },
      'criteria.attributes[0].value',
      'at most 100',
    ],
    // contradictions
    [
      'gte above lte',
      { attributes: [cond('cars', 'gte', 3), cond('cars', 'lte', 2)] },
      'criteria.attributes[1].value',
      'contradicts the earlier condition on "cars" (≥ 3)',
    ],
    [
      'lte below gte',
      { attributes: [cond('cars', 'lte', 2), cond('cars', 'gte', 3)] },
      'criteria.attributes[1].value',
      'no value is ≥ 3 as well',
    ],
    ['two different number eqs', { attributes: [cond('cars', 'eq', 1), cond('cars', 'eq', 2)] }, 'criteria.attributes[1].value', '(= 1)'],
    [
      'number eq outside the range',
      { attributes: [cond('cars', 'gte', 2), cond('cars', 'eq', 1)] },
      'criteria.attributes[1].value',
      'contradicts',
    ],
    [
      'two different enum eqs',
      { attributes: [cond('plan', 'eq', 'free'), cond('plan', 'eq', 'pro')] },
      'criteria.attributes[1].value',
      'contradicts',
    ],
    [
      'two different string eqs',
      { attributes: [cond('city', 'eq', 'Lyon'), cond('city', 'eq', 'lyon')] },
      'criteria.attributes[1].value',
      'contradicts',
    ],
    [
      'boolean true and false',
      { attributes: [cond('has_kids', 'eq', true), cond('has_kids', 'eq', false)] },
      'criteria.attributes[1].value',
      'contradicts',
    ],
    [
      'enum eq outside an in',
      { attributes: [cond('plan', 'in', ['free', 'pro']), cond('plan', 'eq', 'team')] },
      'criteria.attributes[1].value',
      'in ["free", "pro"]',
    ],
    [
      'disjoint ins',
      { attributes: [cond('city', 'in', ['Lyon']), cond('city', 'in', ['Nantes'])] },
      'criteria.attributes[1].value',
      'contradicts',
    ],
  ])('%s', (_name, criteria, field, message) => {
    expect(validateCriteria(criteria, DEFS)).toEqual(one(field, message));
  });
});

describe('validateCriteria: op × attribute type', () => {
  const LEGAL: Record<string, AttributeOp[]> = {
    string: ['eq', 'in'],
    number: ['eq', 'gte', 'lte'],
    boolean: ['eq'],
    enum: ['eq', 'in'],
    multi_enum: ['eq', 'in'],
  };
  const SAMPLE: Record<string, unknown> = { city: 'Lyon', cars: 2, has_kids: true, plan: 'pro', sports: 'bike' };
  const cases = DEFS.flatMap((def) =>
    (['eq', 'in', 'gte', 'lte'] as const).map((op): [string, AttributeOp, boolean] => [def.key, op, LEGAL[def.type].includes(op)]),
  );

  it.each(cases)('%s %s: legal %s', (key, op, legal) => {
    const value = op === 'in' ? [SAMPLE[key]] : SAMPLE[key];
    const problems = validateCriteria({ attributes: [cond(key, op, value)] }, DEFS);
    if (legal) expect(problems).toEqual([]);
    else expect(problems).toEqual(one('criteria.attributes[0].op', `${op} does not apply to a`));
  });
});

describe('validateCriteria: several problems at once', () => {
  it('a malformed condition takes no part in the contradiction check', () => {
    const problems = validateCriteria({ attributes: [cond('cars', 'gte', 'five'), cond('cars', 'lte', 1)] }, DEFS);
    expect(problems).toEqual(one('criteria.attributes[0].value', 'must be a number'));
  });
});

describe('conditionHolds', () => {
  it.each<[string, AttributeCondition, unknown, boolean]>([
    ['string eq, same', { key: 'k', op: 'eq', value: 'Lyon' }, 'Lyon', true],
    ['string eq, other case', { key: 'k', op: 'eq', value: 'Lyon' }, 'lyon', false],
    ['string in', { key: 'k', op: 'in', value: ['Lyon', 'Nantes'] }, 'Nantes', true],
    ['string in, absent', { key: 'k', op: 'in', value: ['Lyon'] }, 'Paris', false],
    ['number eq', { key: 'k', op: 'eq', value: 2 }, 2, true],
    ['number gte, equal', { key: 'k', op: 'gte', value: 2 }, 2, true],
    ['number gte, below', { key: 'k', op: 'gte', value: 2 }, 1, false],
    ['number lte, equal', { key: 'k', op: 'lte', value: 2 }, 2, true],
    ['number lte, above', { key: 'k', op: 'lte', value: 2 }, 3, false],
    ['gte on a string value', { key: 'k', op: 'gte', value: 2 }, '3', false],
    ['boolean eq false', { key: 'k', op: 'eq', value: false }, false, true],
    ['boolean eq, other', { key: 'k', op: 'eq', value: true }, false, false],
    ['multi_enum eq: selected', { key: 'k', op: 'eq', value: 'run' }, ['bike', 'run'], true],
    ['multi_enum eq: not selected', { key: 'k', op: 'eq', value: 'swim' }, ['bike', 'run'], false],
    ['multi_enum in: one selected', { key: 'k', op: 'in', value: ['swim', 'run'] }, ['bike', 'run'], true],
    ['multi_enum in: none selected', { key: 'k', op: 'in', value: ['swim'] }, ['bike'], false],
    ['multi_enum: empty selection', { key: 'k', op: 'in', value: ['swim'] }, [], false],
    ['missing value', { key: 'k', op: 'eq', value: false }, undefined, false],
    ['null value', { key: 'k', op: 'lte', value: 10 }, null, false],
  ])('%s', (_name, condition, actual, expected) => {
    expect(conditionHolds(condition, actual)).toBe(expected);
  });
});

describe('describeCondition', () => {
  it.each<[Pick<AttributeCondition, 'op' | 'value'>, string]>([
    [{ op: 'eq', value: 'pro' }, '= "pro"'],
    [{ op: 'eq', value: true }, '= true'],
    [{ op: 'gte', value: 3 }, '≥ 3'],
    [{ op: 'lte', value: 2.5 }, '≤ 2.5'],
    [{ op: 'in', value: ['a', 'b'] }, 'in ["a", "b"]'],
  ])('%j → %s', (c, expected) => {
    expect(describeCondition(c)).toBe(expected);
  });
});
