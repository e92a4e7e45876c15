/** Dates and numbers in the page's language, through Intl (no library, no catalogue strings). */
export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(value);
}

export function formatDate(value: Date | string, lang: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  return new Intl.DateTimeFormat(lang, options).format(typeof value === 'string' ? new Date(value) : value);
}
