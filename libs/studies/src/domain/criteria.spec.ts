import {
  type AttributeCondition,
  type AttributeDef,
  type AttributeOp,
  conditionHolds,
  criteriaExcludeCell,
  describeCondition,
  normalizeCriteria,
  type QuotaDimension,
  type StudyCriteria,
  validateCriteria,
  validateQuotas,
} from './criteria';

const DEFS: AttributeDef[] = [
  { key: 'city', type: 'string', options: null },
  { key: 'cars', type: 'number', options: null },
  { key: 'has_kids', type: 'boolean', options: null },
  { key: 'plan', type: 'enum', options: ['free', 'pro', 'team'] },
  { key: 'sports', type: 'multi_enum', options: ['bike', 'run', 'swim'] },
];

const cond = (key: string, op: AttributeOp, value: unknown) => ({ key, op, value });
const one = (field: string, message: string) => [{ field, message: expect.stringContaining(message) as unknown as string }];

describe('validateCriteria: accepted', () => {
  it.each<[string, unknown]>([
    ['no criteria at all', {}],
    [
      'every criterion',
      {
        countries: ['FR', 'BE'],
        ageMin: 25,
        ageMax: 45,
        genders: ['female', 'non_binary'],
        minScore: 60,
        tiers: ['lead_user', 'emerging'],
        interestsAny: ['cycling', 'e-bikes'],
        attributes: [cond('plan', 'in', ['pro', 'team']), cond('cars', 'gte', 1)],
      },
    ],
    ['ages at the bounds', { ageMin: 18, ageMax: 120 }],
    ['ageMin = ageMax', { ageMin: 30, ageMax: 30 }],
    ['only ageMin', { ageMin: 99 }],
    ['minScore 0 and 100', { minScore: 0 }],
    ['minScore with one decimal', { minScore: 72.5 }],
    ['minScore 49.9 with mainstream only', { minScore: 49.9, tiers: ['mainstream'] }],
    ['minScore 80 with mainstream among others', { minScore: 80, tiers: ['emerging', 'mainstream'] }],
    ['250 countries', { countries: Array.from({ length: 250 }, (_, i) => String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26))) }],
    ['interests in any case (normalized later)', { interestsAny: [' Cycling ', 'hiking'] }],
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

describe('validateCriteria: one problem each', () => {
  it.each<[string, unknown, string, string]>([
    // shape
    ['not an object', [], 'criteria', 'must be an object'],
    ['null', null, 'criteria', 'must be an object'],
    ['unknown field', { country: ['FR'] }, 'criteria.country', 'not a known field'],
    // countries
    ['countries not a list', { countries: 'FR' }, 'criteria.countries', 'must be a list'],
    ['countries null', { countries: null }, 'criteria.countries', 'must be a list, or be left out'],
    ['countries empty', { countries: [] }, 'criteria.countries', 'at least one'],
    ['country lower case', { countries: ['FR', 'be'] }, 'criteria.countries[1]', 'alpha-2'],
    ['country alpha-3', { countries: ['FRA'] }, 'criteria.countries[0]', 'alpha-2'],
    ['country not a string', { countries: [33] }, 'criteria.countries[0]', 'alpha-2'],
    ['country twice', { countries: ['FR', 'BE', 'FR'] }, 'criteria.countries[2]', 'listed twice'],
    ['251 countries', { countries: Array.from({ length: 251 }, () => 'FR') }, 'criteria.countries', 'at most 250'],
    // ages
    ['ageMin below 18', { ageMin: 17 }, 'criteria.ageMin', 'from 18 to 120'],
    ['ageMax above 120', { ageMax: 121 }, 'criteria.ageMax', 'from 18 to 120'],
    ['ageMin not whole', { ageMin: 20.5 }, 'criteria.ageMin', 'whole number'],
    ['ageMax a string', { ageMax: '40' }, 'criteria.ageMax', 'whole number'],
    ['ageMin null', { ageMin: null }, 'criteria.ageMin', 'whole number'],
    ['ageMin > ageMax', { ageMin: 40, ageMax: 30 }, 'criteria.ageMax', 'must be at least ageMin (40)'],
    // genders, tiers
    ['unknown gender', { genders: ['woman'] }, 'criteria.genders[0]', 'must be one of female, male'],
    ['gender twice', { genders: ['male', 'male'] }, 'criteria.genders[1]', 'listed twice'],
    ['unknown tier', { tiers: ['laggard'] }, 'criteria.tiers[0]', 'must be one of lead_user, emerging, mainstream'],
    ['tiers empty', { tiers: [] }, 'criteria.tiers', 'at least one'],
    // score
    ['minScore negative', { minScore: -1 }, 'criteria.minScore', 'from 0 to 100'],
    ['minScore above 100', { minScore: 100.1 }, 'criteria.minScore', 'from 0 to 100'],
    ['minScore NaN', { minScore: Number.NaN }, 'criteria.minScore', 'from 0 to 100'],
    ['minScore 50 with mainstream only', { minScore: 50, tiers: ['mainstream'] }, 'criteria.minScore', 'contradicts tiers [mainstream]'],
    // interests
    ['interest empty after trim', { interestsAny: ['  '] }, 'criteria.interestsAny[0]', '1 to 50 characters'],
    ['interest too long', { interestsAny: ['x'.repeat(51)] }, 'criteria.interestsAny[0]', '1 to 50 characters'],
    ['interest twice after normalizing', { interestsAny: ['Cycling', 'cycling '] }, 'criteria.interestsAny[1]', 'listed twice'],
    ['101 interests', { interestsAny: Array.from({ length: 101 }, (_, i) => `t${i}`) }, 'criteria.interestsAny', 'at most 100'],
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
  it('reports each, in field order, and each contradiction once', () => {
    const problems = validateCriteria(
      {
        countries: ['fr'],
        ageMin: 50,
        ageMax: 20,
        attributes: [cond('cars', 'gte', 5), cond('cars', 'lte', 1), cond('cars', 'lte', 2), cond('pets', 'eq', 1)],
      },
      DEFS,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'criteria.countries[0]',
      'criteria.ageMax',
      'criteria.attributes[3].key',
      'criteria.attributes[1].value',
      'criteria.attributes[2].value',
    ]);
  });

  it('a malformed condition takes no part in the contradiction check', () => {
    const problems = validateCriteria({ attributes: [cond('cars', 'gte', 'five'), cond('cars', 'lte', 1)] }, DEFS);
    expect(problems).toEqual(one('criteria.attributes[0].value', 'must be a number'));
  });
});

describe('normalizeCriteria', () => {
  it.each<[StudyCriteria, StudyCriteria]>([
    [{}, {}],
    [{ countries: ['FR'] }, { countries: ['FR'] }],
    [{ interestsAny: [' Cycling', 'hiking', 'CYCLING '] }, { interestsAny: ['cycling', 'hiking'] }],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCriteria(input)).toEqual(expected);
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

const QDEFS: AttributeDef[] = [...DEFS, { key: 'owns_ebike', type: 'boolean', options: null }];
const q = (dimension: string, value: unknown, target: unknown = 10) => ({ dimension, value, target });

describe('validateQuotas: accepted', () => {
  it.each<[string, unknown, StudyCriteria]>([
    ['no quotas', [], {}],
    [
      'one cell of each dimension',
      [
        q('country', 'FR'),
        q('gender', 'female'),
        q('ageBand', '25-34'),
        q('tier', 'lead_user'),
        q('attribute:plan', 'pro'),
        q('attribute:owns_ebike', 'true'),
      ],
      {},
    ],
    ['country within the criteria', [q('country', 'FR'), q('country', 'BE')], { countries: ['FR', 'BE'] }],
    ['band partly inside the age range', [q('ageBand', '18-24'), q('ageBand', '35-44')], { ageMin: 24, ageMax: 35 }],
    ['65+ with ageMin 70', [q('ageBand', '65+')], { ageMin: 70 }],
    ['mainstream with minScore 49.9', [q('tier', 'mainstream')], { minScore: 49.9 }],
    ['enum cell inside an in', [q('attribute:plan', 'pro')], { attributes: [{ key: 'plan', op: 'in', value: ['pro', 'team'] }] }],
    ['boolean false cell with no condition', [q('attribute:owns_ebike', 'false')], { attributes: [{ key: 'cars', op: 'gte', value: 1 }] }],
    ['same value, different dimensions', [q('attribute:plan', 'pro'), q('tier', 'emerging'), q('gender', 'other')], {}],
    ['target 1 and 100000', [q('country', 'FR', 1), q('country', 'DE', 100_000)], {}],
  ])('%s', (_name, quotas, criteria) => {
    expect(validateQuotas(quotas, criteria, QDEFS)).toEqual([]);
  });
});

describe('validateQuotas: one problem each', () => {
  it.each<[string, unknown, StudyCriteria, string, string]>([
    ['not a list', {}, {}, 'quotas', 'must be a list'],
    ['501 cells', Array.from({ length: 501 }, () => q('country', 'FR')), {}, 'quotas', 'at most 500'],
    ['cell not an object', ['country=FR'], {}, 'quotas[0]', 'must be an object'],
    ['extra field', [{ ...q('country', 'FR'), label: 'x' }], {}, 'quotas[0].label', 'not a known field'],
    ['unknown dimension', [q('city', 'Lyon')], {}, 'quotas[0].dimension', 'must be country, gender, ageBand, tier or attribute:<key>'],
    ['dimension not a string', [q(3 as unknown as string, 'FR')], {}, 'quotas[0].dimension', 'must be country'],
    ['unknown attribute', [q('attribute:pets', 'cat')], {}, 'quotas[0].dimension', 'unknown attribute "pets"'],
    ['string attribute', [q('attribute:city', 'Lyon')], {}, 'quotas[0].dimension', 'a string attribute cannot carry quotas'],
    ['number attribute', [q('attribute:cars', '2')], {}, 'quotas[0].dimension', 'a number attribute cannot'],
    ['multi_enum attribute', [q('attribute:sports', 'bike')], {}, 'quotas[0].dimension', 'a multi_enum attribute cannot'],
    ['value not a string', [q('attribute:owns_ebike', true)], {}, 'quotas[0].value', 'must be a string'],
    ['country lower case', [q('country', 'fr')], {}, 'quotas[0].value', 'alpha-2'],
    ['unknown gender', [q('gender', 'f')], {}, 'quotas[0].value', 'must be one of female'],
    ['unknown band', [q('ageBand', '25-35')], {}, 'quotas[0].value', 'must be one of 18-24, 25-34'],
    ['unknown tier', [q('tier', 'top')], {}, 'quotas[0].value', 'must be one of lead_user'],
    ['enum value not an option', [q('attribute:plan', 'gold')], {}, 'quotas[0].value', 'must be one of free, pro, team'],
    ['boolean value "yes"', [q('attribute:owns_ebike', 'yes')], {}, 'quotas[0].value', 'must be "true" or "false"'],
    ['target 0', [q('country', 'FR', 0)], {}, 'quotas[0].target', 'from 1 to 100000'],
    ['target not whole', [q('country', 'FR', 2.5)], {}, 'quotas[0].target', 'whole number'],
    ['target a string', [q('country', 'FR', '10')], {}, 'quotas[0].target', 'whole number'],
    ['target too big', [q('country', 'FR', 100_001)], {}, 'quotas[0].target', 'from 1 to 100000'],
    [
      'duplicate cell',
      [q('country', 'FR'), q('country', 'DE'), q('country', 'FR', 5)],
      {},
      'quotas[2].value',
      'duplicate cell country=FR (also quotas[0])',
    ],
    ['country excluded', [q('country', 'FR'), q('country', 'DE')], { countries: ['FR'] }, 'quotas[1].value', 'country DE is not in [FR]'],
    ['gender excluded', [q('gender', 'male')], { genders: ['female'] }, 'quotas[0].value', 'gender male is not in [female]'],
    ['tier excluded', [q('tier', 'mainstream')], { tiers: ['lead_user'] }, 'quotas[0].value', 'tier mainstream is not in [lead_user]'],
    ['mainstream with minScore 50', [q('tier', 'mainstream')], { minScore: 50 }, 'quotas[0].value', 'a score below 50, and minScore is 50'],
    ['band below the age range', [q('ageBand', '18-24')], { ageMin: 25 }, 'quotas[0].value', 'age band 18-24 lies outside the ages 25–120'],
    ['band above the age range', [q('ageBand', '65+')], { ageMax: 64 }, 'quotas[0].value', 'outside the ages 18–64'],
    [
      'enum cell outside an in',
      [q('attribute:plan', 'free')],
      { attributes: [{ key: 'plan', op: 'in', value: ['pro', 'team'] }] },
      'quotas[0].value',
      'attribute plan = free does not meet in ["pro", "team"]',
    ],
    [
      'boolean cell against eq',
      [q('attribute:owns_ebike', 'false')],
      { attributes: [{ key: 'owns_ebike', op: 'eq', value: true }] },
      'quotas[0].value',
      'does not meet = true',
    ],
  ])('%s', (_name, quotas, criteria, field, message) => {
    expect(validateQuotas(quotas, criteria, QDEFS)).toEqual(one(field, message));
  });

  it('a bad target and an excluded cell are both reported', () => {
    expect(validateQuotas([q('country', 'DE', 0)], { countries: ['FR'] }, QDEFS).map((p) => p.field)).toEqual([
      'quotas[0].target',
      'quotas[0].value',
    ]);
  });
});

describe('criteriaExcludeCell: no criteria exclude nothing', () => {
  it.each<[QuotaDimension, string]>([
    ['country', 'FR'],
    ['gender', 'other'],
    ['ageBand', '18-24'],
    ['ageBand', '65+'],
    ['tier', 'mainstream'],
    ['attribute:plan', 'free'],
  ])('%s=%s', (dimension, value) => {
    expect(criteriaExcludeCell({}, dimension, value)).toBeNull();
  });
});
