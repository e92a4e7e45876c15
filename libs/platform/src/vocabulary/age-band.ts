/**
 * Age bands (docs/domain.md, "Studies"): quotas, eligibility, reports and the study rules
 * all read the bands and their edges from here, in TypeScript and in SQL.
 *
 * Age is `referenceYear − birthYear`: the profile holds a birth year only, so this is the
 * age the panellist reaches during the reference year (someone born in 2001 counts as 25
 * for all of 2026, even before their birthday). Callers pass the current UTC year.
 */
export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Inclusive bounds; `max` null means no upper bound. */
export const AGE_BAND_RANGES: Readonly<Record<AgeBand, { min: number; max: number | null }>> = {
  '18-24': { min: 18, max: 24 },
  '25-34': { min: 25, max: 34 },
  '35-44': { min: 35, max: 44 },
  '45-54': { min: 45, max: 54 },
  '55-64': { min: 55, max: 64 },
  '65+': { min: 65, max: null },
};

export function isAgeBand(value: unknown): value is AgeBand {
  return typeof value === 'string' && (AGE_BANDS as readonly string[]).includes(value);
}

export function ageIn(birthYear: number, referenceYear: number): number {
  return referenceYear - birthYear;
}

/** The band of someone born in `birthYear`; null under 18 (no band). */
export function ageBandOf(birthYear: number, referenceYear: number): AgeBand | null {
  const age = ageIn(birthYear, referenceYear);
  return (
    AGE_BANDS.find((band) => {
      const { min, max } = AGE_BAND_RANGES[band];
      return age >= min && (max === null || age <= max);
    }) ?? null
  );
}

function int(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return String(n);
}

/**
 * SQL for the age band of birth year column `birthYear` (e.g. `p.birth_year`) in year
 * `yearParam` (a placeholder such as `$4`): a band name, or the literal `otherwise` below
 * the lowest band or when the birth year is null. `otherwise` is written into the SQL as is.
 */
export function ageBandSql(birthYear: string, yearParam: string, otherwise: string): string {
  const age = `(${yearParam}::int - ${birthYear})`;
  const cases = AGE_BANDS.map((band) => {
    const { min, max } = AGE_BAND_RANGES[band];
    const test = max === null ? `${age} >= ${int(min)}` : `${age} BETWEEN ${int(min)} AND ${int(max)}`;
    return `WHEN ${test} THEN '${band}'`;
  });
  return `CASE ${cases.join(' ')} ELSE '${otherwise}' END`;
}

/**
 * SQL condition "birth year column `birthYear` is in age band `band` in `referenceYear`", on
 * birth years so that an index on the column serves it; `param` turns a value into a
 * placeholder (the lower edge is asked for first). `false` for a value that is no band.
 */
export function inAgeBandSql(band: string, birthYear: string, referenceYear: number, param: (value: number) => string): string {
  if (!isAgeBand(band)) return 'false';
  const { min, max } = AGE_BAND_RANGES[band];
  const lower = `${birthYear} <= ${param(referenceYear - min)}`;
  return max === null ? lower : `${lower} AND ${birthYear} >= ${param(referenceYear - max)}`;
}
