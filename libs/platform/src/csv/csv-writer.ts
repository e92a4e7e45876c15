/**
 * CSV out, RFC 4180, for every download (pick lists, report data).
 *
 * Formula injection (OWASP "CSV Injection"): a *string* starting with `=`, `+`, `-`, `@`,
 * TAB or CR gets a leading apostrophe. That alters the value (`+33…` becomes `'+33…`): the
 * price of never letting user-typed text run as a formula. A genuine number is passed as a
 * `number` and written as is, since a finite number cannot be a formula.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to CSV`);
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((row, i) => {
    if (row.length !== header.length) throw new RangeError(`CSV row ${i} has ${row.length} cells, header has ${header.length}`);
    return `${csvRow(row)}\r\n`;
  });
  return (options.bom ? '\uFEFF' : '') + lines.join('');
}
