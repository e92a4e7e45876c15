import { normalizeCriteria, type StudyCriteria, validateCriteria } from './criteria';
import { cond, DEFS } from './criteria.fixture';

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
  ])('%s', (_name, criteria, field, message) => {
    expect(validateCriteria(criteria, DEFS)).toEqual(one(field, message));
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
