import type { AttributeDef } from './attribute-conditions';
import type { StudyCriteria } from './criteria';
import { DEFS } from './criteria.fixture';
import {
  acceptOutcome,
  type CellRef,
  cellKey,
  cellsOf,
  criteriaExcludeCell,
  dimensionOfKey,
  INVITATIONS_PER_PLACE,
  isFull,
  openInvitationRoom,
  type QuotaDimension,
  type QuotaFacts,
  remainingNeed,
  roomFor,
  validateQuotas,
  valuesOn,
} from './quotas';

const REF = 2026;
const anna: QuotaFacts = {
  country: 'FR',
  birthYear: 1996, // age 30 → 25-34
  gender: 'female',
  tier: 'emerging',
  attributes: { plan: 'pro', owns_ebike: true, cars: 2, sports: ['bike', 'run'] },
};
const cell = (dimension: QuotaDimension, value: string): CellRef => ({ dimension, value });

describe('remainingNeed = max(0, target − enrolled) and isFull', () => {
  it.each<[number, number, number, boolean]>([
    [10, 0, 10, false],
    [10, 3, 7, false],
    [10, 9, 1, false],
    [10, 10, 0, true],
    [10, 12, 0, true], // over-enrolled (target lowered after enrolment): full, never negative
    [1, 0, 1, false],
    [1, 1, 0, true],
  ])('target %d, enrolled %d → remaining %d, full %s', (target, enrolled, remaining, full) => {
    expect(remainingNeed({ target, enrolled })).toBe(remaining);
    expect(isFull({ target, enrolled })).toBe(full);
  });
});

describe('openInvitationRoom = max(0, 3 × remaining − open)', () => {
  it('three invitations per place', () => {
    expect(INVITATIONS_PER_PLACE).toBe(3);
  });

  it.each<[number, number, number, number]>([
    [10, 0, 0, 30],
    [10, 0, 12, 18],
    [10, 0, 29, 1],
    [10, 0, 30, 0],
    [10, 0, 35, 0], // more open than allowed (places filled meanwhile): no room, never negative
    [10, 7, 0, 9],
    [10, 7, 9, 0],
    [10, 10, 0, 0], // full: no room at all
    [10, 12, 3, 0],
    [1, 0, 2, 1],
  ])('target %d, enrolled %d, open %d → room %d', (target, enrolled, openInvitations, room) => {
    expect(openInvitationRoom({ target, enrolled, openInvitations })).toBe(room);
  });

  it.each<[number, number, number]>([
    [5, 0, 15],
    [5, 14, 1],
    [0, 0, 0],
    [-2, 0, 0], // a negative remaining counts as none
  ])('roomFor(%d remaining, %d open) → %d', (remaining, open, room) => {
    expect(roomFor(remaining, open)).toBe(room);
  });
});

describe('acceptOutcome', () => {
  it.each<[string, { target: number; enrolled: number }[], 'enrolled' | 'waitlisted']>([
    ['no quotas', [], 'enrolled'],
    ['one cell with room', [{ target: 10, enrolled: 9 }], 'enrolled'],
    [
      'all cells with room',
      [
        { target: 10, enrolled: 3 },
        { target: 5, enrolled: 4 },
      ],
      'enrolled',
    ],
    ['one cell full', [{ target: 10, enrolled: 10 }], 'waitlisted'],
    [
      'one of several full',
      [
        { target: 10, enrolled: 3 },
        { target: 5, enrolled: 5 },
      ],
      'waitlisted',
    ],
    ['over-full', [{ target: 4, enrolled: 6 }], 'waitlisted'],
  ])('%s → %s', (_name, cells, outcome) => {
    expect(acceptOutcome(cells)).toBe(outcome);
  });
});

describe('valuesOn: a panellist on each dimension', () => {
  it.each<[string, Partial<QuotaFacts>, QuotaDimension, string[]]>([
    ['country', {}, 'country', ['FR']],
    ['gender', {}, 'gender', ['female']],
    ['no gender', { gender: null }, 'gender', []],
    ['tier', {}, 'tier', ['emerging']],
    ['no tier yet', { tier: null }, 'tier', []],
    ['age band from the reference year', {}, 'ageBand', ['25-34']],
    ['under 18: no band', { birthYear: 2010 }, 'ageBand', []],
    ['enum attribute', {}, 'attribute:plan', ['pro']],
    ['boolean attribute as "true"', {}, 'attribute:owns_ebike', ['true']],
    ['boolean false as "false"', { attributes: { owns_ebike: false } }, 'attribute:owns_ebike', ['false']],
    ['number attribute as its string', {}, 'attribute:cars', ['2']],
    ['multi_enum: every option selected', {}, 'attribute:sports', ['bike', 'run']],
    ['attribute not set', {}, 'attribute:pets', []],
    ['attribute null', { attributes: { plan: null } }, 'attribute:plan', []],
  ])('%s', (_name, patch, dimension, expected) => {
    expect(valuesOn({ ...anna, ...patch }, dimension, REF)).toEqual(expected);
  });
});

describe('cellsOf', () => {
  const quotas = [
    { ...cell('country', 'FR'), target: 10 },
    { ...cell('country', 'DE'), target: 10 },
    { ...cell('gender', 'female'), target: 8 },
    { ...cell('gender', 'male'), target: 8 },
    { ...cell('ageBand', '25-34'), target: 5 },
    { ...cell('ageBand', '35-44'), target: 5 },
    { ...cell('tier', 'lead_user'), target: 5 },
    { ...cell('attribute:plan', 'pro'), target: 3 },
    { ...cell('attribute:owns_ebike', 'false'), target: 3 },
  ];

  it.each<[string, Partial<QuotaFacts>, number, string[]]>([
    ['Anna, 2026', {}, REF, ['country=FR', 'gender=female', 'ageBand=25-34', 'attribute:plan=pro']],
    ['Anna, ten years on: next band', {}, REF + 10, ['country=FR', 'gender=female', 'ageBand=35-44', 'attribute:plan=pro']],
    ['in no cell', { country: 'IT', gender: null, birthYear: 1950, tier: 'mainstream', attributes: {} }, REF, []],
    [
      'lead user without an e-bike',
      { tier: 'lead_user', attributes: { owns_ebike: false } },
      REF,
      ['country=FR', 'gender=female', 'ageBand=25-34', 'tier=lead_user', 'attribute:owns_ebike=false'],
    ],
  ])('%s', (_name, patch, referenceYear, expected) => {
    expect(cellsOf({ ...anna, ...patch }, quotas, referenceYear).map(cellKey)).toEqual(expected);
  });

  it('returns the given cells, state included', () => {
    expect(cellsOf(anna, quotas, REF)[0]).toBe(quotas[0]);
  });

  it('no quotas, no cells', () => {
    expect(cellsOf(anna, [], REF)).toEqual([]);
  });
});

describe('cell keys', () => {
  it.each<[QuotaDimension, string, string]>([
    ['country', 'FR', 'country=FR'],
    ['ageBand', '65+', 'ageBand=65+'],
    ['attribute:plan', 'pro', 'attribute:plan=pro'],
    ['attribute:formula', 'a=b', 'attribute:formula=a=b'],
  ])('%s + %s → %s, whose dimension is %s', (dimension, value, key) => {
    expect(cellKey({ dimension, value })).toBe(key);
    expect(dimensionOfKey(key)).toBe(dimension);
  });

  it('a key without "=" is its own dimension', () => {
    expect(dimensionOfKey('loose')).toBe('loose');
  });
});

const one = (field: string, message: string) => [{ field, message: expect.stringContaining(message) as unknown as string }];
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
