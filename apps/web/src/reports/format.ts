/**
 * Report figures for display, with Intl in the reader's language. The report JSON keeps its
 * numbers unrounded: percentages, means and scores are shown with one decimal, counts as integers.
 */
export function fmtCount(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
}

/** One decimal at most (a mean of 4 is "4", of 3.6667 is "3.7"). */
export function fmtDecimal(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
}

/** A percentage given as 0–100. */
export function fmtPercent(pct: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(pct / 100);
}

/** The ranges a figure can take: an interval computed around it (Wilson, normal, Student) may run past them. */
export const NPS_RANGE = [-100, 100] as const;
export const SUS_RANGE = [0, 100] as const;
export const PERCENT_RANGE = [0, 100] as const;

/**
 * An interval `[low, high]`, both ends one decimal, with an en dash. With a `range`, both ends
 * are clamped to it first: an NPS interval never reads "-112 – 104", a share never "-3% – 12%".
 */
export function fmtInterval(
  [low, high]: readonly [number, number] | readonly number[],
  lang: string,
  percent = false,
  range?: readonly [number, number],
): string {
  const clamp = (x: number) => (range ? Math.min(range[1], Math.max(range[0], x)) : x);
  const f = percent ? (x: number) => fmtPercent(clamp(x), lang) : (x: number) => fmtDecimal(clamp(x), lang);
  return `${f(low)} – ${f(high)}`;
}

/** A country code (ISO 3166) as its name in the reader's language; the code if Intl does not know it. */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
