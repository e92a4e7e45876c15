/**
 * CSV out, RFC 4180, for every download (pick lists, report data).
 *
 * - A cell is quoted when it contains a comma, a double quote, CR or LF; quotes are
 *   doubled. Other cells are written bare. Lines end with CRLF, the last one included.
 * - Formula injection (OWASP "CSV Injection"): a *string* starting with `=`, `+`, `-`,
 *   `@`, TAB or CR gets a leading apostrophe, which spreadsheets show as text and do
 *   not evaluate. This alters the value (`-3` becomes `'-3`, a phone number `+33…`
 *   becomes `'+33…`): the price of never letting user-typed text run as a formula.
 * - A genuine number is passed as a `number` and written as is (`-3`), never
 *   neutralised: a finite number cannot be a formula. NaN/Infinity throw (a bug).
 * - `null`/`undefined` are empty cells. No BOM unless asked (`{ bom: true }` helps
 *   Excel read UTF-8 accents).
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
