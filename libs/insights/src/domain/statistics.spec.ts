import {
  type Bin,
  countOf,
  distribution,
  histogramOf,
  logGamma,
  nps,
  npsCounts,
  type NpsCounts,
  regularizedIncompleteBeta,
  SUS_GRADE_FLOORS,
  SUS_GRADES,
  summarizeHistogram,
  summarizeSus,
  susGrade,
  type SusGrade,
  susScore,
  tCdf,
  top2box,
  type TopBoxScale,
  topBoxRange,
  tQuantile,
  wilson,
  Z_95,
} from './statistics';

// Reference values: published t tables (7–9 significant digits) and, for the rest, values
// computed independently with SciPy 1.17 (stats.t.ppf/cdf, special.betainc,
// binomtest(...).proportion_ci(method="wilson"), numpy std(ddof=1)). The code under test does
// not depend on SciPy; the numbers are pinned here.

const bins = (counts: Record<number, number>): Bin[] => Object.entries(counts).map(([value, n]) => ({ value: Number(value), n }));
const repeat = (counts: Record<number, number>): number[] => Object.entries(counts).flatMap(([v, n]) => Array<number>(n).fill(Number(v)));

function expectInterval(actual: [number, number] | undefined, low: number, high: number, digits = 9): void {
  expect(actual).toBeDefined();
  const [l, h] = actual as [number, number];
  expect(l).toBeCloseTo(low, digits);
  expect(h).toBeCloseTo(high, digits);
}

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

describe('wilson (percent)', () => {
  it('default z is Φ⁻¹(0.975)', () => {
    expect(Z_95).toBe(1.959963984540054);
  });

  it.each<[number, number, number, number, number, number]>([
    // successes, n, published (2 decimals), exact (SciPy)
    [0, 10, 0, 27.75, 0, 27.753279986288927],
    [5, 10, 23.66, 76.34, 23.6593090512564, 76.3406909487436],
    [10, 10, 72.25, 100, 72.24672001371108, 100],
    // 81/263: the Wilson interval is [25.53, 36.62] (SciPy and the formula agree); the
    // [25.46, 36.66] sometimes quoted for it is not a Wilson interval.
    [81, 263, 25.53, 36.62, 25.528851987827423, 36.62095769828],
    [3, 7, 15.82, 74.95, 15.82198552514697, 74.95416354723427],
    [1, 1, 20.65, 100, 20.654931437723747, 100],
    [0, 1, 0, 79.35, 0, 79.34506856227625],
    [999, 1000, 99.44, 99.98, 99.4357441402042, 99.98234536293738],
  ])('%d/%d → [%d, %d]', (x, n, low2, high2, low, high) => {
    const ci = wilson(x, n) as [number, number];
    expect(ci[0]).toBeCloseTo(low2, 2);
    expect(ci[1]).toBeCloseTo(high2, 2);
    expectInterval(ci, low, high, 10);
  });

  it('0 successes → low exactly 0; all successes → high exactly 100', () => {
    for (const n of [1, 2, 3, 7, 10, 263, 10_000]) {
      expect(wilson(0, n)?.[0]).toBe(0);
      expect(wilson(n, n)?.[1]).toBe(100);
    }
  });

  it('stays within [0, 100] and contains the observed share', () => {
    for (const n of [1, 2, 5, 13, 100]) {
      for (let x = 0; x <= n; x++) {
        const [low, high] = wilson(x, n) as [number, number];
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(100);
        expect(low).toBeLessThanOrEqual((100 * x) / n);
        expect(high).toBeGreaterThanOrEqual((100 * x) / n);
      }
    }
  });

  it.each<[number, number, number, number, number]>([
    [5, 10, 1, 34.924432771111825, 65.07556722888818],
    [3, 20, 2.5758293035489004, 3.8787060508071622, 43.55867202610557],
  ])('custom z: %d/%d, z %d', (x, n, z, low, high) => {
    expectInterval(wilson(x, n, z), low, high, 10);
  });

  it('n = 0 → undefined', () => {
    expect(wilson(0, 0)).toBeUndefined();
  });

  it.each<[number, number, number | undefined]>([
    [11, 10, undefined],
    [-1, 10, undefined],
    [1.5, 10, undefined],
    [1, 10, 0],
    [1, 10, -1.96],
    [1, 10, Number.NaN],
  ])('refuses %d/%d with z %d', (x, n, z) => {
    expect(() => wilson(x, n, z)).toThrow(RangeError);
  });
});

describe('top2box', () => {
  it.each<[TopBoxScale, number, number, number]>([
    [{ type: 'likert', scale: 5 }, 1, 5, 4],
    [{ type: 'likert', scale: 7 }, 1, 7, 6],
    [{ type: 'rating' }, 0, 10, 9],
  ])('%j: answers %d–%d, top box from %d', (scale, min, max, from) => {
    expect(topBoxRange(scale)).toEqual({ min, max, top: [from, max] });
  });

  it.each<[string, TopBoxScale, Record<number, number>, number, number, number]>([
    [
      'likert 5 (4–5)',
      { type: 'likert', scale: 5 },
      { 1: 2, 2: 3, 3: 5, 4: 10, 5: 6 },
      61.53846153846154,
      42.53485008511553,
      77.5714055642872,
    ],
    [
      'likert 7 (6–7), 5 is not top',
      { type: 'likert', scale: 7 },
      { 1: 1, 4: 3, 5: 2, 6: 3, 7: 1 },
      40,
      16.818032970623616,
      68.73262302663417,
    ],
    ['rating (9–10), 8 is not top', { type: 'rating' }, { 0: 3, 6: 2, 7: 4, 8: 1, 9: 5, 10: 5 }, 50, 29.929800819821228, 70.07019918017878],
    ['likert 5, nobody on top', { type: 'likert', scale: 5 }, { 1: 4, 3: 6 }, 0, 0, 27.753279986288927],
    ['likert 5, everybody on top', { type: 'likert', scale: 5 }, { 4: 4, 5: 6 }, 100, 72.24672001371108, 100],
  ])('%s', (_name, scale, counts, pct, low, high) => {
    const box = top2box(bins(counts), scale);
    expect(box?.pct).toBeCloseTo(pct, 12);
    expectInterval(box?.ci95, low, high, 10);
  });

  it('n = 0 → undefined', () => {
    expect(top2box([], { type: 'rating' })).toBeUndefined();
    expect(top2box([{ value: 5, n: 0 }], { type: 'likert', scale: 5 })).toBeUndefined();
  });

  it.each<[TopBoxScale, number]>([
    [{ type: 'likert', scale: 5 }, 6],
    [{ type: 'likert', scale: 5 }, 0],
    [{ type: 'likert', scale: 7 }, 8],
    [{ type: 'likert', scale: 7 }, 6.5],
    [{ type: 'rating' }, 11],
    [{ type: 'rating' }, -1],
  ])('%j refuses an answer of %d', (scale, value) => {
    expect(() => top2box([{ value, n: 1 }], scale)).toThrow(RangeError);
  });
});

describe('NPS', () => {
  it('classifies 0–6 / 7–8 / 9–10', () => {
    const all = bins({ 0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 10, 8: 10, 9: 100, 10: 100 });
    expect(npsCounts(all)).toEqual({ detractors: 7, passives: 20, promoters: 200 });
    expect(npsCounts([])).toEqual({ detractors: 0, passives: 0, promoters: 0 });
  });

  it.each<[number, number]>([
    [11, 1],
    [-1, 1],
    [8.5, 1],
    [5, -1],
  ])('npsCounts refuses value %d with count %d', (value, n) => {
    expect(() => npsCounts([{ value, n }])).toThrow(RangeError);
  });

  it.each<[string, NpsCounts, number, number, number, number, number, number]>([
    ['50/30/20', { promoters: 50, passives: 30, detractors: 20 }, 30, 50, 30, 20, 14.691910635222959, 45.30808936477704],
    ['7/8/5', { promoters: 7, passives: 8, detractors: 5 }, 10, 35, 40, 25, -23.66410551314263, 43.66410551314263],
    // docs/http-contract.md's formula is not clamped: with 1 promoter and 1 detractor it reaches past ±100
    ['1/0/1 (unclamped)', { promoters: 1, passives: 0, detractors: 1 }, 0, 50, 0, 50, -138.59292911256333, 138.59292911256333],
    ['all promoters', { promoters: 10, passives: 0, detractors: 0 }, 100, 100, 0, 0, 100, 100],
    ['all passives', { promoters: 0, passives: 5, detractors: 0 }, 0, 0, 100, 0, 0, 0],
    ['all detractors', { promoters: 0, passives: 0, detractors: 3 }, -100, 0, 0, 100, -100, -100],
    ['single promoter', { promoters: 1, passives: 0, detractors: 0 }, 100, 100, 0, 0, 100, 100],
  ])('%s', (_name, counts, score, promoters, passives, detractors, low, high) => {
    const result = nps(counts);
    expect(result?.score).toBeCloseTo(score, 12);
    expect(result?.promoters).toBeCloseTo(promoters, 12);
    expect(result?.passives).toBeCloseTo(passives, 12);
    expect(result?.detractors).toBeCloseTo(detractors, 12);
    expectInterval(result?.ci95, low, high, 10);
  });

  it('uses 1.96 exactly, as docs/http-contract.md writes it', () => {
    const result = nps({ promoters: 50, passives: 30, detractors: 20 }) as { ci95: [number, number] };
    expect((result.ci95[1] - result.ci95[0]) / 2).toBeCloseTo(1.96 * 100 * Math.sqrt((0.5 + 0.2 - 0.09) / 100), 12);
  });

  it('from a histogram', () => {
    expect(nps(npsCounts(bins({ 0: 3, 6: 2, 7: 4, 8: 1, 9: 5, 10: 5 })))?.score).toBeCloseTo(25, 12);
  });

  it('n = 0 → undefined', () => {
    expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
  });

  it.each<NpsCounts>([
    { promoters: -1, passives: 0, detractors: 2 },
    { promoters: 0, passives: 0.5, detractors: 2 },
    { promoters: 0, passives: 0, detractors: Number.NaN },
  ])('refuses %j', (counts) => {
    expect(() => nps(counts)).toThrow(RangeError);
  });
});

describe('SUS', () => {
  it.each<[string, number[], number]>([
    ['all 3s', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 50],
    ['best pattern', [5, 1, 5, 1, 5, 1, 5, 1, 5, 1], 100],
    ['worst pattern', [1, 5, 1, 5, 1, 5, 1, 5, 1, 5], 0],
    ['all 5s (odd items max, even items min)', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 50],
    ['all 1s', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 50],
    ['typical', [4, 2, 4, 1, 5, 2, 4, 2, 4, 1], 82.5],
    ['only item 1 moves', [5, 3, 3, 3, 3, 3, 3, 3, 3, 3], 55],
    ['only item 10 moves', [3, 3, 3, 3, 3, 3, 3, 3, 3, 1], 55],
    ['item 2 at 5 costs', [3, 5, 3, 3, 3, 3, 3, 3, 3, 3], 45],
  ])('%s → %d', (_name, answers, score) => {
    expect(susScore(answers)).toBe(score);
  });

  it.each<[string, number[]]>([
    ['9 items', [3, 3, 3, 3, 3, 3, 3, 3, 3]],
    ['11 items', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]],
    ['a 0', [0, 3, 3, 3, 3, 3, 3, 3, 3, 3]],
    ['a 6', [3, 3, 3, 3, 3, 3, 3, 3, 3, 6]],
    ['a fraction', [3, 3, 3.5, 3, 3, 3, 3, 3, 3, 3]],
    ['NaN', [3, 3, 3, 3, Number.NaN, 3, 3, 3, 3, 3]],
  ])('refuses %s', (_name, answers) => {
    expect(() => susScore(answers)).toThrow(RangeError);
  });

  it('grades best first, ASCII hyphen-minus', () => {
    expect(SUS_GRADES).toEqual(['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D', 'F']);
    expect(SUS_GRADES.join('')).toMatch(/^[A-F+-]+$/);
  });

  // Every boundary on both sides: exactly on the floor earns the grade, a hair below does not.
  const boundaries: [SusGrade, number, SusGrade][] = [
    ['A+', 84.1, 'A'],
    ['A', 80.8, 'A-'],
    ['A-', 78.9, 'B+'],
    ['B+', 77.2, 'B'],
    ['B', 74.1, 'B-'],
    ['B-', 72.6, 'C+'],
    ['C+', 71.1, 'C'],
    ['C', 65.0, 'C-'],
    ['C-', 62.7, 'D'],
    ['D', 51.7, 'F'],
  ];
  it.each(boundaries)('%s from %d; just below is %s', (grade, floor, below) => {
    expect(susGrade(floor)).toBe(grade);
    expect(susGrade(floor + 0.05)).toBe(grade);
    expect(susGrade(floor - 1e-9)).toBe(below);
    expect(susGrade(floor - 0.05)).toBe(below);
  });

  it('floors are those of the Sauro–Lewis table', () => {
    expect(SUS_GRADE_FLOORS).toEqual(boundaries.map(([grade, floor]) => [grade, floor]));
  });

  it.each<[number, SusGrade]>([
    [100, 'A+'],
    [68, 'C'],
    [50, 'F'],
    [0, 'F'],
  ])('susGrade(%d) = %s', (mean, grade) => {
    expect(susGrade(mean)).toBe(grade);
  });

  it.each([-0.1, 100.1, Number.NaN])('susGrade refuses %d', (mean) => {
    expect(() => susGrade(mean)).toThrow(RangeError);
  });

  it('summary: mean, sd, t interval and grade (SciPy)', () => {
    const scores = [50, 75, 85, 62.5, 80, 70, 90];
    const summary = summarizeSus(histogramOf(scores));
    expect(summary?.mean).toBeCloseTo(73.21428571428571, 12);
    expect(summary?.sd).toBeCloseTo(13.747294106044842, 12);
    expectInterval(summary?.ci95, 60.500159209432425, 85.92841221913899, 9);
    expect(summary?.grade).toBe('B-');
  });

  it('summary of one respondent: mean and grade, no sd or interval', () => {
    expect(summarizeSus([{ value: 85, n: 1 }])).toStrictEqual({ mean: 85, grade: 'A+' });
  });

  it('summary of nobody → undefined', () => {
    expect(summarizeSus([])).toBeUndefined();
  });

  it.each([101, -2.5, 51, Number.NaN])('summary refuses a score of %d', (value) => {
    expect(() => summarizeSus([{ value, n: 1 }])).toThrow(RangeError);
  });
});

describe('the values the insights issue pins', () => {
  it.each([
    ['alternating 4 and 2', [4, 2, 4, 2, 4, 2, 4, 2, 4, 2], 75],
    ['Tullis & Albert’s worked example', [5, 4, 2, 1, 2, 3, 2, 4, 5, 2], 55],
  ])('SUS of %s is %d', (_what, answers, score) => {
    expect(susScore(answers)).toBe(score);
  });

  it('Wilson 4/5 at 95 % is [37.55, 96.38] %', () => {
    const [low, high] = wilson(4, 5)!;
    expect(low).toBeCloseTo(37.553, 2);
    expect(high).toBeCloseTo(96.377, 2);
  });

  it.each([
    [84.0, 'A'],
    [84.1, 'A+'],
    [74.0, 'B-'],
    [74.1, 'B'],
    [51.6, 'F'],
    [51.7, 'D'],
  ] as const)('a SUS mean of %d grades %s', (mean, grade) => {
    expect(susGrade(mean)).toBe(grade);
  });
});
