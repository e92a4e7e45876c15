/**
 * Lead-user score (docs/domain.md, "Panel" → "Lead-user score"). Pure: the screener, the
 * campaign DTO and the confirmation step all call into this file.
 *
 * - Dimension scores are computed as 100 × (Σ values − n) / (6 × n), the domain's
 *   (mean − 1) / 6 × 100 written as one division of integers (no float noise).
 * - The overall is computed from the UNROUNDED dimension scores and rounded once, so
 *   rounding errors do not pile up.
 * - The tier is decided on the ROUNDED values, the numbers we report and store: 69.95 is
 *   reported as 70.0 and is `lead_user` material. Anyone re-deriving the tier from the
 *   stored scores gets the same answer.
 */
import { CORE_DIMENSIONS, LEAD_USER_DIMENSIONS, type LeadUserDimension, type Tier } from '@leadpanel/platform';

export const SCALE_MIN = 1;
export const SCALE_MAX = 7;

/** Weight of a dimension the campaign does not mention ("default equal"). */
export const DEFAULT_WEIGHT = 1;
/** Upper bound for a campaign weight (checked by `validateWeights`, not by the scorer). */
export const MAX_WEIGHT = 10;

/**
 * Tier thresholds. OUR RULE, not von Hippel's: the literature defines lead users by the
 * two traits but gives no cut-offs. `lead_user` needs overall ≥ 70 AND every core
 * dimension that was answered ≥ 60 (a high overall carried by the secondary traits alone
 * is not enough when a core trait was measured low); `emerging` needs overall ≥ 50.
 */
export const LEAD_USER_MIN_OVERALL = 70;
export const LEAD_USER_MIN_CORE = 60;
export const EMERGING_MIN_OVERALL = 50;

/** One answered screener item that carries a dimension. */
export interface ScoredItem {
  dimension: LeadUserDimension;
  /** Raw answer on the 7-point scale, an integer 1..7 (before reversing). */
  value: number;
  /** Reverse-keyed item: value x counts as 8 − x. */
  reverse?: boolean;
}

/** Campaign weights. A missing (or `undefined`) key means `DEFAULT_WEIGHT`; 0 excludes the dimension from the overall. */
export type Weights = Partial<Record<LeadUserDimension, number>>;

export interface LeadUserScore {
  /** Weighted mean of the answered dimensions with a weight > 0, one decimal; null when there is none. */
  overall: number | null;
  /** Every answered dimension's score, one decimal (including weight-0 ones); unanswered dimensions are absent. */
  dimensions: Partial<Record<LeadUserDimension, number>>;
  /** null exactly when `overall` is null. */
  tier: Tier | null;
}

/**
 * Scores a screener's dimension items.
 *
 * A weight of 0 leaves the dimension out of the overall, but its score is still reported
 * and, for a core dimension, still checked by the tier rule: it was measured. The 0..10 cap
 * on weights is the campaign DTO's business (`validateWeights`).
 */
export function scoreLeadUser(items: readonly ScoredItem[], weights?: Weights): LeadUserScore {
  const w = checkedWeights(weights ?? {});

  const sums = new Map<LeadUserDimension, { sum: number; count: number }>();
  items.forEach((item, i) => {
    if (!isDimension(item.dimension)) {
      throw new RangeError(`item ${i}: unknown dimension ${JSON.stringify(item.dimension)}`);
    }
    if (!Number.isInteger(item.value) || item.value < SCALE_MIN || item.value > SCALE_MAX) {
      throw new RangeError(`item ${i} (${item.dimension}): value must be an integer ${SCALE_MIN}..${SCALE_MAX}, got ${String(item.value)}`);
    }
    const value = item.reverse ? SCALE_MIN + SCALE_MAX - item.value : item.value;
    const acc = sums.get(item.dimension) ?? { sum: 0, count: 0 };
    acc.sum += value;
    acc.count += 1;
    sums.set(item.dimension, acc);
  });

  const dimensions: Partial<Record<LeadUserDimension, number>> = {};
  let weightedSum = 0;
  let weightTotal = 0;
  for (const dimension of LEAD_USER_DIMENSIONS) {
    const acc = sums.get(dimension);
    if (!acc) continue;
    // (mean − 1) / 6 × 100 with mean = sum / count, as one integer division.
    const score = (100 * (acc.sum - SCALE_MIN * acc.count)) / ((SCALE_MAX - SCALE_MIN) * acc.count);
    dimensions[dimension] = roundToTenth(score);
    const weight = w[dimension] ?? DEFAULT_WEIGHT;
    weightedSum += weight * score; // unrounded on purpose
    weightTotal += weight;
  }

  if (weightTotal === 0) return { overall: null, dimensions, tier: null };
  const overall = roundToTenth(weightedSum / weightTotal);
  return { overall, dimensions, tier: tierFor(overall, dimensions) };
}

/**
 * Our tier rule (docs/domain.md, "Panel"). A core dimension not answered does not block
 * `lead_user`. The inputs are rounded to one decimal first, so the tier always follows the
 * reported numbers (69.95 → 70.0 → may be `lead_user`).
 */
export function tierFor(overall: number, dimensions: Partial<Record<LeadUserDimension, number>>): Tier {
  if (!Number.isFinite(overall)) throw new RangeError(`overall must be a finite number, got ${String(overall)}`);
  const o = roundToTenth(overall);
  if (o >= LEAD_USER_MIN_OVERALL) {
    const coresOk = CORE_DIMENSIONS.every((d) => {
      const score = dimensions[d];
      if (score === undefined) return true;
      if (!Number.isFinite(score)) throw new RangeError(`${d} must be a finite number, got ${String(score)}`);
      return roundToTenth(score) >= LEAD_USER_MIN_CORE;
    });
    if (coresOk) return 'lead_user';
  }
  return o >= EMERGING_MIN_OVERALL ? 'emerging' : 'mainstream';
}

/**
 * Checks campaign weights as they arrive in a DTO. At least one dimension must weigh more
 * than 0, counting a dimension left out as `DEFAULT_WEIGHT` (so `{}`, "all equal", is fine).
 */
export function validateWeights(weights: unknown): string[] {
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) {
    return ['weights must be an object mapping dimensions to numbers'];
  }
  const problems: string[] = [];
  const given = weights as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    if (!isDimension(key)) {
      problems.push(`unknown dimension ${JSON.stringify(key)} (expected one of ${LEAD_USER_DIMENSIONS.join(', ')})`);
    } else if (value === undefined) {
      continue;
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`weight for ${key} must be a finite number`);
    } else if (value < 0 || value > MAX_WEIGHT) {
      problems.push(`weight for ${key} must be between 0 and ${MAX_WEIGHT}, got ${value}`);
    }
  }
  const anyPositive = LEAD_USER_DIMENSIONS.some((d) => {
    const value = given[d] ?? DEFAULT_WEIGHT;
    return typeof value === 'number' && Number.isFinite(value) && value > 0;
  });
  if (!anyPositive) problems.push('at least one dimension must have a weight above 0');
  return problems;
}

/**
 * Rounds to one decimal, half up (callers only pass values ≥ 0). The ×10 value is first
 * snapped to 12 significant digits so that float noise from the weighted mean
 * (69.95 computed as 69.94999999999999 or 69.95000000000002) cannot decide a half.
 */
export function roundToTenth(x: number): number {
  return Math.round(Number((x * 10).toPrecision(12))) / 10;
}

function isDimension(value: unknown): value is LeadUserDimension {
  return typeof value === 'string' && (LEAD_USER_DIMENSIONS as readonly string[]).includes(value);
}

function checkedWeights(weights: Weights): Weights {
  for (const [key, value] of Object.entries(weights) as [string, unknown][]) {
    if (!isDimension(key)) throw new RangeError(`unknown weight dimension ${JSON.stringify(key)}`);
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`weight for ${key} must be a finite number ≥ 0, got ${String(value)}`);
    }
  }
  return weights;
}
