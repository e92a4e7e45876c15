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

/** An interval `[low, high]`, both ends one decimal, with an en dash. */
export function fmtInterval([low, high]: readonly [number, number], lang: string, percent = false): string {
  const f = percent ? (x: number) => fmtPercent(x, lang) : (x: number) => fmtDecimal(x, lang);
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
