import {
  type NpsCounts,
  histogramOf,
  nps,
  npsCounts,
  SUS_GRADE_FLOORS,
  SUS_GRADES,
  summarizeSus,
  susGrade,
  type SusGrade,
  susScore,
  top2box,
  type TopBoxScale,
  topBoxRange,
  wilson,
  Z_95,
} from './statistics';
import { bins, expectInterval } from './statistics.fixtures';

// Reference values: published t tables (7–9 significant digits) and, for the rest, values
// computed independently with SciPy 1.17 (stats.t.ppf/cdf, special.betainc,
// binomtest(...).proportion_ci(method="wilson"), numpy std(ddof=1)). The code under test does
// not depend on SciPy; the numbers are pinned here.

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
