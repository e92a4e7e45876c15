import { CORE_DIMENSIONS, LEAD_USER_DIMENSIONS as DIMENSIONS, type LeadUserDimension as Dimension, type Tier } from '@leadpanel/platform';
import {
  type LeadUserScore,
  roundToTenth,
  type ScoredItem,
  scoreLeadUser,
  tierFor,
  validateWeights,
  type Weights,
} from './lead-user-score';

// Dimension score = (mean − 1) / 6 × 100. Every expected value below was worked out by hand;
// the arithmetic sits in the comment above each case. "→ x" after an unrounded value is the
// one-decimal rounding we report.

/** Plain items on one dimension. */
const on = (dimension: Dimension, ...values: number[]): ScoredItem[] => values.map((value) => ({ dimension, value }));
/** One reverse-keyed item (value x counts as 8 − x). */
const rev = (dimension: Dimension, value: number): ScoredItem => ({ dimension, value, reverse: true });
/** `count` copies of `value`. */
const times = (count: number, value: number): number[] => Array.from({ length: count }, () => value);

interface Case {
  name: string;
  items: ScoredItem[];
  weights?: Weights;
  expected: LeadUserScore;
}

describe('scoreLeadUser', () => {
  const cases: Case[] = [
    {
      // Each dimension: mean 7 → (7 − 1) / 6 × 100 = 100. Overall (5 × 100) / 5 = 100 ≥ 70, cores 100 ≥ 60.
      name: 'all 7s → 100, lead_user',
      items: DIMENSIONS.flatMap((d) => on(d, 7, 7)),
      expected: {
        overall: 100,
        dimensions: { ahead_of_trend: 100, expected_benefit: 100, own_solutions: 100, expertise: 100, opinion_leadership: 100 },
        tier: 'lead_user',
      },
    },
    {
      // Reverse 6 counts as 8 − 6 = 2, so every dimension has mean 2 → (2 − 1) / 6 × 100 = 16.666… → 16.7.
      // Overall (3 × 16.666…) / 3 = 16.666… → 16.7 < 50 → mainstream.
      name: 'all 2s with a reverse item at 6 → 16.7, mainstream',
      items: [...on('ahead_of_trend', 2, 2), ...on('expected_benefit', 2), rev('expected_benefit', 6), ...on('own_solutions', 2)],
      expected: {
        overall: 16.7,
        dimensions: { ahead_of_trend: 16.7, expected_benefit: 16.7, own_solutions: 16.7 },
        tier: 'mainstream',
      },
    },
    {
      // ahead_of_trend [6, 5]: mean 5.5 → 4.5 / 6 × 100 = 75.
      // expected_benefit [4, reverse 3 → 5]: mean 4.5 → 3.5 / 6 × 100 = 58.333… → 58.3.
      // own_solutions [3]: mean 3 → 2 / 6 × 100 = 33.333… → 33.3.
      // Overall (75 + 58.333… + 33.333…) / 3 = 166.666… / 3 = 55.555… → 55.6: 50 ≤ 55.6 < 70 → emerging.
      name: 'a mixed case → 55.6, emerging',
      items: [...on('ahead_of_trend', 6, 5), ...on('expected_benefit', 4), rev('expected_benefit', 3), ...on('own_solutions', 3)],
      expected: { overall: 55.6, dimensions: { ahead_of_trend: 75, expected_benefit: 58.3, own_solutions: 33.3 }, tier: 'emerging' },
    },
    {
      // ahead_of_trend [7, 7, 7, 7]: 100. expected_benefit [7, 7]: 100.
      // own_solutions [4, 4, 4]: mean 4 → 3 / 6 × 100 = 50. expertise [1, 1]: 0. opinion_leadership [3]: 33.333… → 33.3.
      // Overall (100 + 100 + 50 + 0 + 33.333…) / 5 = 283.333… / 5 = 56.666… → 56.7. Equal weights per
      // dimension, not per item: the 4 ahead_of_trend items count no more than the 1 opinion_leadership item.
      name: 'equal weights are per dimension, not per item',
      items: [
        ...on('ahead_of_trend', 7, 7, 7, 7),
        ...on('expected_benefit', 7, 7),
        ...on('own_solutions', 4, 4, 4),
        ...on('expertise', 1, 1),
        ...on('opinion_leadership', 3),
      ],
      expected: {
        overall: 56.7,
        dimensions: { ahead_of_trend: 100, expected_benefit: 100, own_solutions: 50, expertise: 0, opinion_leadership: 33.3 },
        tier: 'emerging',
      },
    },

    // ── weights ── ahead_of_trend [7] = 100, expected_benefit [5] = 4 / 6 × 100 = 66.666… → 66.7, expertise [1] = 0.
    {
      // (100 + 66.666… + 0) / 3 = 55.555… → 55.6 → emerging.
      name: 'weights: none given → equal',
      items: [...on('ahead_of_trend', 7), ...on('expected_benefit', 5), ...on('expertise', 1)],
      expected: { overall: 55.6, dimensions: { ahead_of_trend: 100, expected_benefit: 66.7, expertise: 0 }, tier: 'emerging' },
    },
    {
      // expertise weight 0 leaves it out: (100 + 66.666…) / 2 = 83.333… → 83.3 ≥ 70, cores 100 and 66.7 ≥ 60 → lead_user.
      // expertise is still reported (0).
      name: 'weights: 0 excludes a dimension from the overall, its score is still reported',
      items: [...on('ahead_of_trend', 7), ...on('expected_benefit', 5), ...on('expertise', 1)],
      weights: { expertise: 0 },
      expected: { overall: 83.3, dimensions: { ahead_of_trend: 100, expected_benefit: 66.7, expertise: 0 }, tier: 'lead_user' },
    },
    {
      // Missing keys weigh 1: (2 × 100 + 1 × 66.666… + 1 × 0) / (2 + 1 + 1) = 266.666… / 4 = 66.666… → 66.7 → emerging.
      name: 'weights: a double weight, the others default to 1',
      items: [...on('ahead_of_trend', 7), ...on('expected_benefit', 5), ...on('expertise', 1)],
      weights: { ahead_of_trend: 2 },
      expected: { overall: 66.7, dimensions: { ahead_of_trend: 100, expected_benefit: 66.7, expertise: 0 }, tier: 'emerging' },
    },
    {
      // (4 × 100 + 2 × 66.666… + 1 × 0) / (4 + 2 + 1) = 533.333… / 7 = 76.190… → 76.2 ≥ 70, cores ≥ 60 → lead_user.
      name: 'weights: non-trivial weights change the tier',
      items: [...on('ahead_of_trend', 7), ...on('expected_benefit', 5), ...on('expertise', 1)],
      weights: { ahead_of_trend: 4, expected_benefit: 2, expertise: 1 },
      expected: { overall: 76.2, dimensions: { ahead_of_trend: 100, expected_benefit: 66.7, expertise: 0 }, tier: 'lead_user' },
    },
    {
      // opinion_leadership was not answered: its weight is ignored, the rest re-normalised →
      // (0.5 × 100 + 1 × 66.666… + 1 × 0) / (0.5 + 1 + 1) = 116.666… / 2.5 = 46.666… → 46.7 → mainstream.
      name: 'weights: a weight on an unanswered dimension is ignored (re-normalised over the answered ones)',
      items: [...on('ahead_of_trend', 7), ...on('expected_benefit', 5), ...on('expertise', 1)],
      weights: { ahead_of_trend: 0.5, opinion_leadership: 10 },
      expected: { overall: 46.7, dimensions: { ahead_of_trend: 100, expected_benefit: 66.7, expertise: 0 }, tier: 'mainstream' },
    },
    {
      // Every answered dimension has weight 0: nothing to average → overall and tier null; the scores are still kept.
      name: 'weights: all answered dimensions at 0 → overall null, dimensions kept',
      items: [...on('ahead_of_trend', 7), ...on('expected_benefit', 5), ...on('expertise', 1)],
      weights: { ahead_of_trend: 0, expected_benefit: 0, expertise: 0 },
      expected: { overall: null, dimensions: { ahead_of_trend: 100, expected_benefit: 66.7, expertise: 0 }, tier: null },
    },

    // ── tier edges through the scorer ──
    {
      // ahead_of_trend: 27 items, 16 × 5 + 11 × 4 = 124 → mean 124 / 27 = 4.592592… → 3.592592… / 6 × 100 = 59.876… → 59.9
      //   (27 items is the fewest giving 59.85 ≤ score < 60; exact value 4850 / 81).
      // expected_benefit [7]: 100. Overall (59.876… + 100) / 2 = 79.938… → 79.9 ≥ 70, but a core is 59.9 < 60 → emerging.
      name: 'lead_user-level overall but a core dimension at 59.9 → emerging',
      items: [...on('ahead_of_trend', ...times(16, 5), ...times(11, 4)), ...on('expected_benefit', 7)],
      expected: { overall: 79.9, dimensions: { ahead_of_trend: 59.9, expected_benefit: 100 }, tier: 'emerging' },
    },
    {
      // Same, the low core on expected_benefit: (100 + 59.876…) / 2 = 79.938… → 79.9 → emerging.
      name: 'expected_benefit at 59.9 also blocks lead_user',
      items: [...on('ahead_of_trend', 7), ...on('expected_benefit', ...times(16, 5), ...times(11, 4))],
      expected: { overall: 79.9, dimensions: { ahead_of_trend: 100, expected_benefit: 59.9 }, tier: 'emerging' },
    },
    {
      // ahead_of_trend [1] with weight 0: score 0, left out of the overall. expected_benefit [7] and own_solutions [7]: 100.
      // Overall (100 + 100) / 2 = 100, but ahead_of_trend was answered and is 0 < 60 → emerging.
      // (A weight only shapes the overall; a measured core trait still gates lead_user.)
      name: 'a core dimension at weight 0 is still checked by the tier rule',
      items: [...on('ahead_of_trend', 1), ...on('expected_benefit', 7), ...on('own_solutions', 7)],
      weights: { ahead_of_trend: 0 },
      expected: { overall: 100, dimensions: { ahead_of_trend: 0, expected_benefit: 100, own_solutions: 100 }, tier: 'emerging' },
    },
    {
      // ahead_of_trend [5, 5, 5, 4, 4]: sum 23, mean 4.6 → 3.6 / 6 × 100 = 60.
      // expected_benefit [6, 6, 6, 6, 5]: sum 29, mean 5.8 → 4.8 / 6 × 100 = 80.
      // Overall (60 + 80) / 2 = 70 exactly, core 60 exactly → lead_user (both bounds are inclusive).
      name: 'overall exactly 70 with a core exactly 60 → lead_user',
      items: [...on('ahead_of_trend', 5, 5, 5, 4, 4), ...on('expected_benefit', 6, 6, 6, 6, 5)],
      expected: { overall: 70, dimensions: { ahead_of_trend: 60, expected_benefit: 80 }, tier: 'lead_user' },
    },
    {
      // ahead_of_trend: 8 items, 3 × 5 + 5 × 6 = 45 → mean 5.625 → 4.625 / 6 × 100 = 77.083… → 77.1  (= 925 / 12)
      // expected_benefit: 25 items, 16 × 5 + 9 × 6 = 134 → mean 5.36 → 4.36 / 6 × 100 = 72.666… → 72.7  (= 872 / 12)
      // own_solutions, expertise, opinion_leadership [5]: 4 / 6 × 100 = 66.666… → 66.7  (= 800 / 12 each)
      // Overall (925 + 872 + 3 × 800) / 12 / 5 = 4197 / 60 = 69.95 exactly → rounds half up to 70.0.
      // The tier uses the rounded overall (the number we report): 70.0 ≥ 70, cores ≥ 60 → lead_user.
      name: 'overall exactly 69.95 → reported 70, lead_user (tier uses the rounded overall)',
      items: [
        ...on('ahead_of_trend', ...times(3, 5), ...times(5, 6)),
        ...on('expected_benefit', ...times(16, 5), ...times(9, 6)),
        ...on('own_solutions', 5),
        ...on('expertise', 5),
        ...on('opinion_leadership', 5),
      ],
      expected: {
        overall: 70,
        dimensions: { ahead_of_trend: 77.1, expected_benefit: 72.7, own_solutions: 66.7, expertise: 66.7, opinion_leadership: 66.7 },
        tier: 'lead_user',
      },
    },
    {
      // ahead_of_trend [7, 6, 6, 6]: sum 25, mean 6.25 → 5.25 / 6 × 100 = 87.5.
      // expected_benefit [7, 6, 6]: sum 19, mean 6.333… → 5.333… / 6 × 100 = 88.888… → 88.9.
      // own_solutions [3]: 33.333… → 33.3.
      // Overall (87.5 + 88.888… + 33.333…) / 3 = 209.722… / 3 = 69.907… → 69.9 < 70 → emerging.
      name: 'overall 69.907… → 69.9, emerging',
      items: [...on('ahead_of_trend', 7, 6, 6, 6), ...on('expected_benefit', 7, 6, 6), ...on('own_solutions', 3)],
      expected: { overall: 69.9, dimensions: { ahead_of_trend: 87.5, expected_benefit: 88.9, own_solutions: 33.3 }, tier: 'emerging' },
    },
    {
      // Every dimension [4]: 3 / 6 × 100 = 50. Overall 50 exactly → emerging (inclusive bound).
      name: 'overall exactly 50 → emerging',
      items: DIMENSIONS.flatMap((d) => on(d, 4)),
      expected: {
        overall: 50,
        dimensions: { ahead_of_trend: 50, expected_benefit: 50, own_solutions: 50, expertise: 50, opinion_leadership: 50 },
        tier: 'emerging',
      },
    },
    {
      // ahead_of_trend [7]: 100, expected_benefit [1]: 0 → (100 + 0) / 2 = 50 → emerging: a low core only gates lead_user.
      name: 'overall exactly 50 with a core at 0 → emerging',
      items: [...on('ahead_of_trend', 7), ...on('expected_benefit', 1)],
      expected: { overall: 50, dimensions: { ahead_of_trend: 100, expected_benefit: 0 }, tier: 'emerging' },
    },
    {
      // ahead_of_trend [2, 1, 1, 1]: sum 5, mean 1.25 → 0.25 / 6 × 100 = 4.166… → 4.2.
      // expected_benefit [5, 4, 4]: sum 13, mean 4.333… → 3.333… / 6 × 100 = 55.555… → 55.6.
      // own_solutions [7, 7, 6, 6, 6]: sum 32, mean 6.4 → 5.4 / 6 × 100 = 90.
      // Overall (4.166… + 55.555… + 90) / 3 = 149.722… / 3 = 49.907… → 49.9 < 50 → mainstream.
      name: 'overall 49.907… → 49.9, mainstream',
      items: [...on('ahead_of_trend', 2, 1, 1, 1), ...on('expected_benefit', 5, 4, 4), ...on('own_solutions', 7, 7, 6, 6, 6)],
      expected: { overall: 49.9, dimensions: { ahead_of_trend: 4.2, expected_benefit: 55.6, own_solutions: 90 }, tier: 'mainstream' },
    },
    {
      // No core dimension answered, so none can block lead_user.
      // own_solutions [7, 6]: mean 6.5 → 5.5 / 6 × 100 = 91.666… → 91.7. expertise [6]: 5 / 6 × 100 = 83.333… → 83.3.
      // Overall (91.666… + 83.333…) / 2 = 87.5 ≥ 70 → lead_user.
      name: 'only non-core dimensions answered can still be lead_user',
      items: [...on('own_solutions', 7, 6), ...on('expertise', 6)],
      expected: { overall: 87.5, dimensions: { own_solutions: 91.7, expertise: 83.3 }, tier: 'lead_user' },
    },
    {
      // Reverse 1 counts as 7, reverse 7 as 1: ahead_of_trend [rev 1, rev 7] = [7, 1] → mean 4 → 50.
      // expected_benefit [rev 1] = [7] → 100. Overall (50 + 100) / 2 = 75 ≥ 70 but a core is 50 < 60 → emerging.
      name: 'reverse items at the scale ends',
      items: [rev('ahead_of_trend', 1), rev('ahead_of_trend', 7), rev('expected_benefit', 1)],
      expected: { overall: 75, dimensions: { ahead_of_trend: 50, expected_benefit: 100 }, tier: 'emerging' },
    },
    {
      name: 'no items → overall null, tier null',
      items: [],
      expected: { overall: null, dimensions: {}, tier: null },
    },
  ];

  it.each(cases)('$name', ({ items, weights, expected }) => {
    const result = scoreLeadUser(items, weights);
    expect(result).toEqual(expected);
    // Unanswered dimensions are absent, not 0 or undefined-valued keys.
    expect(Object.keys(result.dimensions).sort()).toEqual(Object.keys(expected.dimensions).sort());
    // The tier can be re-derived from the reported (stored) numbers.
    if (result.overall !== null) expect(tierFor(result.overall, result.dimensions)).toBe(result.tier);
  });

  // Dimension scores are rounded to one decimal; the value is k / 6 × 100 for a mean of 1 + k.
  it.each<[string, number[], number]>([
    ['[1] → 0 / 6 × 100 = 0', [1], 0],
    ['[2] → 1 / 6 × 100 = 16.666… → 16.7', [2], 16.7],
    ['[3] → 2 / 6 × 100 = 33.333… → 33.3', [3], 33.3],
    ['[3, 4] → mean 3.5 → 2.5 / 6 × 100 = 41.666… → 41.7', [3, 4], 41.7],
    ['[6] → 5 / 6 × 100 = 83.333… → 83.3', [6], 83.3],
    ['[7, 6, 6] → mean 6.333… → 5.333… / 6 × 100 = 88.888… → 88.9', [7, 6, 6], 88.9],
    ['[2, 1, 1, 1] → mean 1.25 → 0.25 / 6 × 100 = 4.166… → 4.2', [2, 1, 1, 1], 4.2],
    ['[2, 1, 1, 1, 1, 1] → mean 7/6 → (1/6) / 6 × 100 = 2.777… → 2.8', [2, 1, 1, 1, 1, 1], 2.8],
  ])('dimension score %s', (_label, values, expected) => {
    const { dimensions, overall } = scoreLeadUser(on('expertise', ...values));
    expect(dimensions).toEqual({ expertise: expected });
    expect(overall).toBe(expected);
  });

  it('computes the overall from unrounded dimension scores, rounding once at the end', () => {
    // expertise [2, 1, 1, 1]: mean 1.25 → 4.166… (reported 4.2). opinion_leadership [1]: 0. Weights 1 : 3.
    // From the unrounded score: (1 × 4.166… + 3 × 0) / 4 = 1.0416… → 1.0.
    // Rounding the dimension first would give (1 × 4.2 + 3 × 0) / 4 = 1.05 → 1.1 — not what we do.
    const result = scoreLeadUser([...on('expertise', 2, 1, 1, 1), ...on('opinion_leadership', 1)], { opinion_leadership: 3 });
    expect(result).toEqual({ overall: 1, dimensions: { expertise: 4.2, opinion_leadership: 0 }, tier: 'mainstream' });
  });

  it('does not depend on the order of the items', () => {
    const items = [...on('ahead_of_trend', 6, 5), ...on('expected_benefit', 4), rev('expected_benefit', 3), ...on('own_solutions', 3)];
    expect(scoreLeadUser([...items].reverse())).toEqual(scoreLeadUser(items));
  });

  it('does not mutate its inputs', () => {
    const items = [...on('ahead_of_trend', 6), rev('expected_benefit', 3)];
    const weights: Weights = { ahead_of_trend: 2 };
    const before = JSON.stringify({ items, weights });
    scoreLeadUser(items, weights);
    expect(JSON.stringify({ items, weights })).toBe(before);
  });

  describe('rejects bad input with a RangeError', () => {
    it.each<[string, ScoredItem[], Weights | undefined, RegExp]>([
      ['a value of 0', on('expertise', 0), undefined, /integer 1\.\.7, got 0/],
      ['a value of 8', on('expertise', 8), undefined, /integer 1\.\.7, got 8/],
      ['a negative value', on('expertise', -1), undefined, /integer 1\.\.7/],
      ['a non-integer value', on('expertise', 3.5), undefined, /integer 1\.\.7, got 3\.5/],
      ['a NaN value', on('expertise', Number.NaN), undefined, /got NaN/],
      ['an infinite value', on('expertise', Number.POSITIVE_INFINITY), undefined, /got Infinity/],
      ['a bad value among good ones (reverse or not)', [...on('expertise', 4), rev('expertise', 9)], undefined, /item 1 \(expertise\)/],
      ['an unknown dimension', [{ dimension: 'charisma' as Dimension, value: 4 }], undefined, /unknown dimension "charisma"/],
      ['a negative weight', on('expertise', 4), { expertise: -1 }, /weight for expertise must be a finite number ≥ 0, got -1/],
      ['a NaN weight', on('expertise', 4), { expertise: Number.NaN }, /got NaN/],
      ['an infinite weight', on('expertise', 4), { ahead_of_trend: Number.POSITIVE_INFINITY }, /got Infinity/],
      ['a weight on an unknown dimension', on('expertise', 4), { charisma: 1 } as Weights, /unknown weight dimension "charisma"/],
      ['a bad weight even with no items', [], { expertise: -0.5 }, /weight for expertise/],
    ])('%s', (_label, items, weights, message) => {
      expect(() => scoreLeadUser(items, weights)).toThrow(RangeError);
      expect(() => scoreLeadUser(items, weights)).toThrow(message);
    });

    it('accepts weights above 10 (the cap is the DTO’s check, not the scorer’s)', () => {
      // (20 × 100 + 1 × 0) / 21 = 95.238… → 95.2
      expect(scoreLeadUser([...on('expertise', 7), ...on('own_solutions', 1)], { expertise: 20 }).overall).toBe(95.2);
    });
  });
});

describe('tierFor', () => {
  it.each<[number, Partial<Record<Dimension, number>>, Tier]>([
    // lead_user: overall ≥ 70 and every answered core ≥ 60 (our rule).
    [100, { ahead_of_trend: 100, expected_benefit: 100 }, 'lead_user'],
    [70, { ahead_of_trend: 60, expected_benefit: 60 }, 'lead_user'],
    [70, {}, 'lead_user'], // no core answered: nothing blocks
    [70, { own_solutions: 0, expertise: 0, opinion_leadership: 0 }, 'lead_user'], // non-core scores never block
    [70, { ahead_of_trend: 60 }, 'lead_user'], // only one core answered: only that one is checked
    [69.95, { ahead_of_trend: 60 }, 'lead_user'], // rounds to 70.0
    [100, { ahead_of_trend: 59.95 }, 'lead_user'], // core rounds to 60.0
    // A core below 60 turns a lead_user-level overall into emerging.
    [100, { ahead_of_trend: 59.9, expected_benefit: 100 }, 'emerging'],
    [100, { ahead_of_trend: 100, expected_benefit: 59.9 }, 'emerging'],
    [100, { ahead_of_trend: 59.94 }, 'emerging'], // core rounds to 59.9
    [70, { ahead_of_trend: 60, expected_benefit: 59.9 }, 'emerging'],
    // Overall just under 70.
    [69.9, { ahead_of_trend: 100, expected_benefit: 100 }, 'emerging'],
    [69.94, {}, 'emerging'], // rounds to 69.9
    // emerging: overall ≥ 50, cores irrelevant.
    [50, {}, 'emerging'],
    [50, { ahead_of_trend: 0, expected_benefit: 0 }, 'emerging'],
    [49.95, {}, 'emerging'], // rounds to 50.0
    // mainstream.
    [49.94, {}, 'mainstream'], // rounds to 49.9
    [49.9, { ahead_of_trend: 100, expected_benefit: 100 }, 'mainstream'],
    [0, {}, 'mainstream'],
  ])('overall %p with %p → %s', (overall, dimensions, tier) => {
    expect(tierFor(overall, dimensions)).toBe(tier);
  });

  it.each<[string, number, Partial<Record<Dimension, number>>]>([
    ['a NaN overall', Number.NaN, {}],
    ['an infinite overall', Number.POSITIVE_INFINITY, {}],
    ['a NaN core score', 80, { ahead_of_trend: Number.NaN }],
  ])('throws a RangeError for %s', (_label, overall, dimensions) => {
    expect(() => tierFor(overall, dimensions)).toThrow(RangeError);
  });
});

describe('roundToTenth', () => {
  it.each<[number, number]>([
    [100 / 6, 16.7], // 16.666…
    [500 / 6, 83.3], // 83.333…
    [4197 / 60, 70], // 69.95 (computed) → half up
    [69.95, 70],
    [69.94999999999999, 70], // float noise around a half counts as the half
    [69.94, 69.9],
    [49.95, 50],
    [49.94, 49.9],
    [0.05, 0.1],
    [0, 0],
    [100, 100],
  ])('%p → %p', (x, expected) => {
    expect(roundToTenth(x)).toBe(expected);
  });
});

describe('validateWeights', () => {
  it.each<[string, unknown, string[]]>([
    ['no weights (all equal)', {}, []],
    [
      'every dimension within 0..10',
      { ahead_of_trend: 10, expected_benefit: 0, own_solutions: 0.5, expertise: 1, opinion_leadership: 3 },
      [],
    ],
    ['some at 0, the others default to 1', { ahead_of_trend: 0, expected_benefit: 0 }, []],
    [
      'all five at 0',
      { ahead_of_trend: 0, expected_benefit: 0, own_solutions: 0, expertise: 0, opinion_leadership: 0 },
      ['at least one dimension must have a weight above 0'],
    ],
    ['an unknown key', { charisma: 2 }, ['unknown dimension "charisma" (expected one of ' + DIMENSIONS.join(', ') + ')']],
    ['a negative weight', { expertise: -1 }, ['weight for expertise must be between 0 and 10, got -1']],
    ['a weight above 10', { expertise: 10.5 }, ['weight for expertise must be between 0 and 10, got 10.5']],
    ['a string weight', { expertise: '2' }, ['weight for expertise must be a finite number']],
    ['a NaN weight', { expertise: Number.NaN }, ['weight for expertise must be a finite number']],
    ['an infinite weight', { expertise: Number.POSITIVE_INFINITY }, ['weight for expertise must be a finite number']],
    ['null', null, ['weights must be an object mapping dimensions to numbers']],
    ['an array', [1, 2], ['weights must be an object mapping dimensions to numbers']],
    ['a number', 3, ['weights must be an object mapping dimensions to numbers']],
    [
      'several problems at once, all reported',
      { charisma: 1, expertise: 11, own_solutions: null },
      [
        'unknown dimension "charisma" (expected one of ' + DIMENSIONS.join(', ') + ')',
        'weight for expertise must be between 0 and 10, got 11',
        'weight for own_solutions must be a finite number',
      ],
    ],
  ])('%s', (_label, weights, problems) => {
    expect(validateWeights(weights)).toEqual(problems);
  });

  it('accepts exactly what the scorer accepts, within 0..10', () => {
    const ok: Weights = { ahead_of_trend: 3, expertise: 0 };
    expect(validateWeights(ok)).toEqual([]);
    expect(() => scoreLeadUser(on('expertise', 4), ok)).not.toThrow();
  });
});

describe('constants', () => {
  it('lists the five dimensions, the two core ones first', () => {
    expect(DIMENSIONS).toEqual(['ahead_of_trend', 'expected_benefit', 'own_solutions', 'expertise', 'opinion_leadership']);
    expect(CORE_DIMENSIONS).toEqual(['ahead_of_trend', 'expected_benefit']);
  });
});
