/**
 * Age bands for quotas (docs/domain.md, "Studies").
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
