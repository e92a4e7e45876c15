import type { QuotaDimension } from './criteria';
import {
  acceptOutcome,
  type CellRef,
  cellKey,
  cellsOf,
  dimensionOfKey,
  INVITATIONS_PER_PLACE,
  isFull,
  openInvitationRoom,
  type QuotaFacts,
  remainingNeed,
  roomFor,
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
