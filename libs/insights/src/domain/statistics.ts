/**
 * Report statistics (docs/http-contract.md, "Report JSON"; docs/domain.md, "Insights"). Pure: no I/O, no
 * dependency; the maths is small enough to own and is pinned to published values in the spec.
 *
 * Decisions:
 * - Inputs are histograms (what SQL's GROUP BY gives), not raw answers. A bad count or a
 *   non-finite value throws RangeError: answers were validated on submit, so bad data here
 *   is a bug, not something to hide in a report.
 * - A figure that does not apply is absent, never 0 and never NaN (n = 1 has no sd).
 * - Numbers are unrounded (rounding is for HTML).
 * - Student's t quantile is computed here (incomplete beta, bisection): accurate to ~1e-12,
 *   far below what a report shows.
 * - NPS ci95 uses 1.96 exactly as docs/http-contract.md defines it and is *not clamped*:
 *   with few respondents it can reach past ±100, and readers of the JSON can recompute it
 *   from the formula; the HTML may clamp when it draws.
 * - SUS grades use ASCII hyphen-minus (`A-`, not U+2212) so that CSV, JSON and filters
 *   compare them as typed.
 * - Age bands are not redefined here: use `ageBandOf` from @leadpanel/platform.
 */

export interface Bin<V = number> {
  value: V;
  n: number;
}
export type Interval = [low: number, high: number];

/** z for a two-sided 95 % interval: Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

function assertProbability(p: number): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must lie strictly between 0 and 1, got ${p}`);
}

function assertDegreesOfFreedom(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`degrees of freedom must be positive and finite, got ${df}`);
}

// ---------------------------------------------------------------------------------------
// Special functions

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma needs a positive finite x, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TINY = 1e-300;
const EPSILON = 1e-16;

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const maxIterations = 10_000 + Math.ceil(10 * Math.sqrt(Math.max(a, b)));
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  throw new Error(`incomplete beta did not converge for a=${a}, b=${b}, x=${x}`);
}

/** I_x(a, b) with y = 1 − x passed separately, so that x near 1 keeps its precision. */
function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/** Regularized incomplete beta function I_x(a, b), 0 ≤ x ≤ 1, a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x must lie in [0, 1], got ${x}`);
  if (!(a > 0 && b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`a and b must be positive, got ${a}, ${b}`);
  return incompleteBeta(x, 1 - x, a, b);
}

/** P(T > t) for t ≥ 0, computed directly (not as 1 − CDF) to keep precision in the tail. */
function tUpperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * incompleteBeta(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
}

/** Student's t cumulative distribution function P(T ≤ t) with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  assertDegreesOfFreedom(df);
  if (Number.isNaN(t)) throw new RangeError('t must be a number');
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return t >= 0 ? 1 - tUpperTail(t, df) : tUpperTail(-t, df);
}

/** Student's t quantile: the t with P(T ≤ t) = p, 0 < p < 1, df > 0 (need not be an integer). */
export function tQuantile(p: number, df: number): number {
  assertProbability(p);
  assertDegreesOfFreedom(df);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  const tail = 1 - p;
  let low = 0;
  let high = 1;
  while (tUpperTail(high, df) > tail) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < 200 && high - low > 1e-15 * high; i++) {
    const mid = (low + high) / 2;
    if (tUpperTail(mid, df) > tail) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

// ---------------------------------------------------------------------------------------
// Histograms

/** Sorted, merged, non-empty bins; throws on a bad count or value. */
function normalizeBins(histogram: readonly Bin[]): Bin[] {
  const merged = new Map<number, number>();
  for (const { value, n } of histogram) {
    if (!Number.isFinite(value)) throw new RangeError(`histogram value must be a finite number, got ${value}`);
    assertCount(n, `count of ${value}`);
    if (n > 0) merged.set(value, (merged.get(value) ?? 0) + n);
  }
  return [...merged].map(([value, n]) => ({ value, n })).sort((a, b) => a.value - b.value);
}

/** The histogram of a list of numbers, ascending by value. */
export function histogramOf(values: readonly number[]): Bin[] {
  return normalizeBins(values.map((value) => ({ value, n: 1 })));
}

/** Σ n over the bins. */
export function countOf(histogram: readonly Bin<unknown>[]): number {
  return histogram.reduce((sum, { n }) => {
    assertCount(n, 'count');
    return sum + n;
  }, 0);
}

export interface NumericSummary {
  n: number;
  mean?: number;
  median?: number;
  sd?: number;
  ci95?: Interval;
}

/** The value at 1-based rank `rank` of the sorted answers. */
function valueAtRank(bins: readonly Bin[], rank: number): number {
  let seen = 0;
  for (const bin of bins) {
    seen += bin.n;
    if (seen >= rank) return bin.value;
  }
  throw new Error(`rank ${rank} beyond ${seen} answers`);
}

/** n, mean, median, sample SD and the t-based 95 % CI of the mean, from a histogram. */
export function summarizeHistogram(histogram: readonly Bin[]): NumericSummary {
  const bins = normalizeBins(histogram);
  const n = countOf(bins);
  if (n === 0) return { n };
  const mean = bins.reduce((sum, b) => sum + b.value * b.n, 0) / n;
  const median = n % 2 === 1 ? valueAtRank(bins, (n + 1) / 2) : (valueAtRank(bins, n / 2) + valueAtRank(bins, n / 2 + 1)) / 2;
  if (n === 1) return { n, mean, median };
  const sd = Math.sqrt(bins.reduce((sum, b) => sum + b.n * (b.value - mean) ** 2, 0) / (n - 1));
  const half = (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, median, sd, ci95: [mean - half, mean + half] };
}

export interface DistributionRow<V> {
  value: V;
  n: number;
  /** 100·n/respondents, unrounded; absent when there are no respondents. */
  pct?: number;
}

/**
 * `{value, n, pct}` rows, pct = 100·n/respondents unrounded, in the order given (callers pass
 * options in their definition order, zero counts included). `respondents` is passed rather
 * than summed because a multi_choice respondent may count in several rows (pct then adds up
 * to more than 100). With 0 respondents every row must be 0 and pct is absent.
 */
export function distribution<V>(histogram: readonly Bin<V>[], respondents: number): DistributionRow<V>[] {
  assertCount(respondents, 'respondents');
  return histogram.map(({ value, n }) => {
    assertCount(n, 'count');
    if (n > respondents) throw new RangeError(`count ${n} exceeds the ${respondents} respondents`);
    return respondents === 0 ? { value, n } : { value, n, pct: (100 * n) / respondents };
  });
}

// ---------------------------------------------------------------------------------------
// Proportions

/** Wilson score interval for successes/n, in percent 0–100; undefined when n = 0. */
export function wilson(successes: number, n: number, z: number = Z_95): Interval | undefined {
  assertCount(successes, 'successes');
  assertCount(n, 'n');
  if (successes > n) throw new RangeError(`successes ${successes} exceed n ${n}`);
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`z must be positive, got ${z}`);
  if (n === 0) return undefined;
  const p = successes / n;
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (p + z2n / 2) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  const low = successes === 0 ? 0 : Math.max(0, 100 * (centre - half));
  const high = successes === n ? 100 : Math.min(100, 100 * (centre + half));
  return [low, high];
}

export type TopBoxScale = { type: 'likert'; scale: 5 | 7 } | { type: 'rating' };

/** The answer range of a scale and its two top points. */
export function topBoxRange(scale: TopBoxScale): { min: number; max: number; top: readonly [number, number] } {
  switch (scale.type) {
    case 'likert':
      return { min: 1, max: scale.scale, top: [scale.scale - 1, scale.scale] };
    case 'rating':
      return { min: 0, max: 10, top: [9, 10] };
  }
}

function assertOnScale(bins: readonly Bin[], min: number, max: number, what: string): void {
  for (const { value } of bins) {
    if (!Number.isInteger(value) || value < min || value > max)
      throw new RangeError(`${what} answer ${value} is not an integer ${min}–${max}`);
  }
}

export interface TopBox {
  pct: number;
  ci95: Interval;
}

/** Share of answers on the two top points, with its Wilson interval; undefined for n = 0. */
export function top2box(histogram: readonly Bin[], scale: TopBoxScale): TopBox | undefined {
  const bins = normalizeBins(histogram);
  const { min, max, top } = topBoxRange(scale);
  assertOnScale(bins, min, max, scale.type === 'likert' ? `likert ${scale.scale}` : 'rating');
  const n = countOf(bins);
  const successes = countOf(bins.filter((b) => top.includes(b.value)));
  const ci95 = wilson(successes, n);
  return ci95 === undefined ? undefined : { pct: (100 * successes) / n, ci95 };
}

// ---------------------------------------------------------------------------------------
// NPS

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface Nps {
  /** %promoters − %detractors, −100..100. */
  score: number;
  /** Percent of n. */
  promoters: number;
  passives: number;
  detractors: number;
  ci95: Interval;
}

/** Promoters (9–10), passives (7–8) and detractors (0–6) of a 0–10 histogram. */
export function npsCounts(histogram: readonly Bin[]): NpsCounts {
  const bins = normalizeBins(histogram);
  assertOnScale(bins, 0, 10, 'nps');
  const sum = (from: number, to: number) => countOf(bins.filter((b) => b.value >= from && b.value <= to));
  return { promoters: sum(9, 10), passives: sum(7, 8), detractors: sum(0, 6) };
}

/** NPS from counts; undefined when nobody answered. */
export function nps(counts: NpsCounts): Nps | undefined {
  assertCount(counts.promoters, 'promoters');
  assertCount(counts.passives, 'passives');
  assertCount(counts.detractors, 'detractors');
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return undefined;
  const pPlus = counts.promoters / n;
  const pMinus = counts.detractors / n;
  const score = 100 * (pPlus - pMinus);
  const half = 1.96 * 100 * Math.sqrt(Math.max(0, pPlus + pMinus - (pPlus - pMinus) ** 2) / n);
  return {
    score,
    promoters: 100 * pPlus,
    passives: (100 * counts.passives) / n,
    detractors: 100 * pMinus,
    ci95: [score - half, score + half],
  };
}

// ---------------------------------------------------------------------------------------
// SUS

export const SUS_GRADES = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D', 'F'] as const;
export type SusGrade = (typeof SUS_GRADES)[number];

/** Sauro–Lewis curved grading scale: lowest mean that earns each grade, best first. */
export const SUS_GRADE_FLOORS: readonly (readonly [SusGrade, number])[] = [
  ['A+', 84.1],
  ['A', 80.8],
  ['A-', 78.9],
  ['B+', 77.2],
  ['B', 74.1],
  ['B-', 72.6],
  ['C+', 71.1],
  ['C', 65.0],
  ['C-', 62.7],
  ['D', 51.7],
];

/** SUS score 0–100 of one respondent's 10 answers (1–5), item 1 first. */
export function susScore(answers: readonly number[]): number {
  if (answers.length !== 10) throw new RangeError(`a SUS answer has 10 items, got ${answers.length}`);
  let sum = 0;
  answers.forEach((x, i) => {
    if (!Number.isInteger(x) || x < 1 || x > 5) throw new RangeError(`SUS item ${i + 1} must be an integer 1–5, got ${x}`);
    sum += i % 2 === 0 ? x - 1 : 5 - x; // index 0 is item 1 (odd)
  });
  return 2.5 * sum;
}

export function susGrade(mean: number): SusGrade {
  if (!(mean >= 0 && mean <= 100)) throw new RangeError(`a SUS mean lies in 0–100, got ${mean}`);
  return SUS_GRADE_FLOORS.find(([, floor]) => mean >= floor)?.[0] ?? 'F';
}

export interface SusSummary {
  mean: number;
  sd?: number;
  ci95?: Interval;
  grade: SusGrade;
}

/** Mean, SD, t-based CI and grade of per-respondent SUS scores (as a histogram); undefined for n = 0. */
export function summarizeSus(scores: readonly Bin[]): SusSummary | undefined {
  for (const { value } of scores) {
    if (!(value >= 0 && value <= 100) || !Number.isInteger(value / 2.5)) throw new RangeError(`not a SUS score: ${value}`);
  }
  const { mean, sd, ci95 } = summarizeHistogram(scores);
  if (mean === undefined) return undefined;
  return { mean, ...(sd === undefined ? {} : { sd }), ...(ci95 === undefined ? {} : { ci95 }), grade: susGrade(mean) };
}
