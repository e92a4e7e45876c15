import {
  type Bin,
  countOf,
  distribution,
  histogramOf,
  logGamma,
  regularizedIncompleteBeta,
  summarizeHistogram,
  tCdf,
  tQuantile,
} from './statistics';
import { bins, expectInterval } from './statistics.fixtures';

// Reference values: published t tables (7–9 significant digits) and, for the rest, values
// computed independently with SciPy 1.17 (stats.t.ppf/cdf, special.betainc,
// binomtest(...).proportion_ci(method="wilson"), numpy std(ddof=1)). The code under test does
// not depend on SciPy; the numbers are pinned here.

const repeat = (counts: Record<number, number>): number[] => Object.entries(counts).flatMap(([v, n]) => Array<number>(n).fill(Number(v)));

describe('logGamma', () => {
  it.each<[number, number]>([
    [1, 0],
    [2, 0],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [0.25, 1.2880225246980774], // ln Γ(1/4), reflection branch
    [3, Math.log(2)],
    [10, Math.log(362880)],
    [100, 359.1342053695754],
    [1e6, 12815504.569147611],
  ])('ln Γ(%d) = %d', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, Math.abs(expected) > 1e5 ? 5 : 12);
  });

  it.each([0, -1, Number.NaN, Infinity])('refuses %d', (x) => {
    expect(() => logGamma(x)).toThrow(RangeError);
  });
});

describe('regularizedIncompleteBeta', () => {
  it.each<[string, number, number, number, number]>([
    ['x = 0', 0, 2, 3, 0],
    ['x = 1', 1, 2, 3, 1],
    ['I_x(a, 1) = x^a', 0.3, 2.5, 1, 0.3 ** 2.5],
    ['I_x(1, b) = 1 − (1 − x)^b', 0.2, 1, 4, 1 - 0.8 ** 4],
    ['I_½(a, a) = ½', 0.5, 7.5, 7.5, 0.5],
    ['SciPy (2.5, 0.5) at 0.3', 0.3, 2.5, 0.5, 0.018927124071945658],
    ['SciPy (50, 0.5) at 0.9 (symmetry branch)', 0.9, 50, 0.5, 0.001204149832559813],
    ['SciPy (0.5, 3) at 0.2', 0.2, 0.5, 3, 0.733430296619931],
  ])('%s', (_name, x, a, b, expected) => {
    expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(expected, 13);
  });

  it.each<[number, number, number]>([
    [-0.1, 1, 1],
    [1.1, 1, 1],
    [Number.NaN, 1, 1],
    [0.5, 0, 1],
    [0.5, 1, -2],
    [0.5, Infinity, 1],
  ])('refuses x=%d a=%d b=%d', (x, a, b) => {
    expect(() => regularizedIncompleteBeta(x, a, b)).toThrow(RangeError);
  });
});

describe('tQuantile', () => {
  it.each<[number, number]>([
    // t(0.975, df): published two-sided 95 % critical values
    [1, 12.7062047],
    [2, 4.30265273],
    [5, 2.57058184],
    [10, 2.22813885],
    [30, 2.04227246],
    [100, 1.98397152],
    [1000, 1.96233908],
  ])('t(0.975, %d) = %d (table, |error| < 1e-6)', (df, expected) => {
    expect(Math.abs(tQuantile(0.975, df) - expected)).toBeLessThan(1e-6);
  });

  it.each<[number, number, number]>([
    [0.975, 1, 12.706204736174694],
    [0.975, 3, 3.1824463052837078],
    [0.975, 4, 2.7764451051977934],
    [0.975, 100000, 1.9599877075346095],
    [0.95, 10, 1.8124611228116756],
    [0.995, 10, 3.16927267261695],
    [0.99, 5, 3.3649299989072174],
    [0.9, 1, 3.0776835371752544],
    [0.6, 3, 0.2766706623326898],
    [0.999, 2, 22.327124770119866],
    [0.9999, 7, 7.063432828157639],
    [0.5000001, 20, 2.5381445954034947e-7],
    [0.025, 30, -2.042272456301238],
    [0.975, 2.5, 3.5746548420036817], // df need not be an integer
    [0.975, 0.5, 164.55767348048818],
  ])('t(%d, %d) = %d (SciPy, 1e-9 relative)', (p, df, expected) => {
    expect(Math.abs(tQuantile(p, df) - expected)).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected)));
  });

  // Closed forms: df 1 is Cauchy, df 2 and df 4 have algebraic inverses.
  const ps = [0.001, 0.01, 0.1, 0.3, 0.5, 0.51, 0.7, 0.9, 0.95, 0.975, 0.99, 0.999999];
  it.each(ps)('df 1: t(%d) = tan(π(p − ½))', (p) => {
    const expected = Math.tan(Math.PI * (p - 0.5));
    expect(Math.abs(tQuantile(p, 1) - expected)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(expected)));
  });
  it.each(ps)('df 2: t(%d) = (2p − 1)/√(2p(1 − p))', (p) => {
    expect(tQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
  });
  it.each(ps)('df 4: t(%d) from the closed form', (p) => {
    const alpha = 4 * p * (1 - p);
    const q = Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha);
    expect(tQuantile(p, 4)).toBeCloseTo(Math.sign(p - 0.5) * 2 * Math.sqrt(q - 1), 9);
  });

  it.each<[number, number]>([
    [0.8, 3],
    [0.975, 12],
    [0.3, 50],
    [0.99999, 1],
    [0.00001, 9],
  ])('tCdf(tQuantile(%d, %d)) round-trips', (p, df) => {
    expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
    expect(tQuantile(1 - p, df)).toBeCloseTo(-tQuantile(p, df), 10);
  });

  it.each<[number, number]>([
    [0, 10],
    [1, 10],
    [-0.5, 10],
    [Number.NaN, 10],
    [0.5, 0],
    [0.5, -3],
    [0.5, Infinity],
    [0.5, Number.NaN],
  ])('refuses p=%d df=%d', (p, df) => {
    expect(() => tQuantile(p, df)).toThrow(RangeError);
  });
});

describe('tCdf', () => {
  it.each<[number, number, number]>([
    [0, 5, 0.5],
    [1.5, 3, 0.8847080673775886],
    [-2, 7, 0.042809664281488025],
    [0.3, 1000, 0.617880247916378],
    [10, 2, 0.9950737714883372],
    [1, 1, 0.75],
    [Infinity, 3, 1],
    [-Infinity, 3, 0],
  ])('P(T ≤ %d | df %d) = %d', (t, df, expected) => {
    expect(tCdf(t, df)).toBeCloseTo(expected, 12);
  });

  it.each<[number, number]>([
    [Number.NaN, 3],
    [1, 0],
  ])('refuses t=%d df=%d', (t, df) => {
    expect(() => tCdf(t, df)).toThrow(RangeError);
  });
});

describe('histogramOf and countOf', () => {
  it('counts values, ascending', () => {
    expect(histogramOf([3, 1, 3, 2, 3])).toEqual([
      { value: 1, n: 1 },
      { value: 2, n: 1 },
      { value: 3, n: 3 },
    ]);
    expect(histogramOf([])).toEqual([]);
  });

  it.each<[Bin<unknown>[], number]>([
    [[], 0],
    [[{ value: 'a', n: 3 }], 3],
    [
      [
        { value: 1, n: 2 },
        { value: 2, n: 0 },
        { value: 3, n: 5 },
      ],
      7,
    ],
  ])('countOf(%j) = %d', (histogram, n) => {
    expect(countOf(histogram)).toBe(n);
  });

  it.each([-1, 1.5, Number.NaN])('countOf refuses a count of %d', (n) => {
    expect(() => countOf([{ value: 1, n }])).toThrow(RangeError);
  });
});

describe('summarizeHistogram', () => {
  it.each<[string, Record<number, number>, number, number, number, number, number, number]>([
    ['1..5 once each', { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }, 5, 3, 3, 1.5811388300841898, 1.0367568385224428, 4.963243161477557],
    [
      'likert 5, odd-free n = 26',
      { 1: 2, 2: 3, 3: 5, 4: 10, 5: 6 },
      26,
      3.576923076923077,
      4,
      1.2057554287027505,
      3.0899079196001837,
      4.0639382342459704,
    ],
    ['n = 2: t(0.975, 1) = 12.7', { 4: 1, 6: 1 }, 2, 5, 5, 1.4142135623730951, -7.706204736174694, 17.706204736174694],
    ['even n, median between two values', { 1: 1, 2: 1, 3: 1, 10: 1 }, 4, 4, 2.5, 4.08248290463863, -2.496141318125554, 10.496141318125554],
    [
      'rating 0–10, n = 20',
      { 0: 3, 6: 2, 7: 4, 8: 1, 9: 5, 10: 5 },
      20,
      7.15,
      8.5,
      3.360372786337536,
      5.577297125052587,
      8.722702874947414,
    ],
    ['all answers equal: sd 0, interval collapses', { 4: 9 }, 9, 4, 4, 0, 4, 4],
    ['negative and decimal values', { [-2.5]: 1, 0: 2, 7.5: 1 }, 4, 1.25, 0, 4.330127018922194, -5.640198366389045, 8.140198366389045],
  ])('%s', (_name, counts, n, mean, median, sd, low, high) => {
    const s = summarizeHistogram(bins(counts));
    expect(s.n).toBe(n);
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.median).toBe(median);
    expect(s.sd).toBeCloseTo(sd, 12);
    expectInterval(s.ci95, low, high, 9);
  });

  it('n = 0: every figure absent, not 0', () => {
    expect(summarizeHistogram([])).toStrictEqual({ n: 0 });
    expect(summarizeHistogram([{ value: 3, n: 0 }])).toStrictEqual({ n: 0 });
  });

  it('n = 1: mean and median only', () => {
    expect(summarizeHistogram([{ value: 7, n: 1 }])).toStrictEqual({ n: 1, mean: 7, median: 7 });
  });

  it('does not depend on bin order; repeated values are added up; empty bins ignored', () => {
    const sorted = summarizeHistogram(bins({ 1: 2, 2: 3, 3: 5, 4: 10, 5: 6 }));
    const shuffled = summarizeHistogram([
      { value: 5, n: 6 },
      { value: 2, n: 3 },
      { value: 4, n: 4 },
      { value: 1, n: 2 },
      { value: 9, n: 0 },
      { value: 4, n: 6 },
      { value: 3, n: 5 },
    ]);
    expect(shuffled).toEqual(sorted);
  });

  it('median of an odd n is the middle answer, even when bins are lopsided', () => {
    expect(summarizeHistogram(bins({ 1: 1, 5: 2 })).median).toBe(5);
    expect(summarizeHistogram(bins({ 1: 2, 5: 1 })).median).toBe(1);
    expect(summarizeHistogram(bins({ 1: 2, 5: 2 })).median).toBe(3);
  });

  it('agrees with a plain computation over the expanded answers', () => {
    const counts = { 1: 4, 2: 7, 3: 1, 4: 12, 5: 3, 6: 9, 7: 2 };
    const values = repeat(counts);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    const s = summarizeHistogram(histogramOf(values));
    expect(s).toEqual(summarizeHistogram(bins(counts)));
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.sd).toBeCloseTo(sd, 12);
    expect(s.median).toBe(4); // 38 answers: 19th and 20th are both 4
  });

  it.each<[string, Bin[]]>([
    ['negative count', [{ value: 1, n: -1 }]],
    ['fractional count', [{ value: 1, n: 0.5 }]],
    ['NaN value', [{ value: Number.NaN, n: 1 }]],
    ['infinite value', [{ value: Infinity, n: 1 }]],
  ])('refuses a %s', (_name, histogram) => {
    expect(() => summarizeHistogram(histogram)).toThrow(RangeError);
  });
});

describe('distribution', () => {
  it('pct = 100·n/respondents, unrounded, order and zero rows kept', () => {
    expect(
      distribution(
        [
          { value: 'yes', n: 2 },
          { value: 'no', n: 1 },
          { value: 'maybe', n: 0 },
        ],
        3,
      ),
    ).toEqual([
      { value: 'yes', n: 2, pct: 200 / 3 },
      { value: 'no', n: 1, pct: 100 / 3 },
      { value: 'maybe', n: 0, pct: 0 },
    ]);
  });

  it('multi_choice: shares of respondents may add up to more than 100', () => {
    const rows = distribution(
      [
        { value: 'a', n: 4 },
        { value: 'b', n: 3 },
      ],
      4,
    );
    expect(rows.map((r) => r.pct)).toEqual([100, 75]);
  });

  it('no respondents: pct absent', () => {
    expect(distribution([{ value: 1, n: 0 }], 0)).toStrictEqual([{ value: 1, n: 0 }]);
    expect(distribution([], 0)).toEqual([]);
  });

  it.each<[string, Bin<string>[], number]>([
    ['a count above the respondents', [{ value: 'a', n: 5 }], 4],
    ['negative respondents', [], -1],
    ['fractional count', [{ value: 'a', n: 1.5 }], 4],
  ])('refuses %s', (_name, histogram, respondents) => {
    expect(() => distribution(histogram, respondents)).toThrow(RangeError);
  });
});
