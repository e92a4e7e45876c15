/**
 * CSV out (pick list) and in (tracking numbers), RFC 4180.
 *
 * Writing — decisions:
 * - A cell is quoted when it contains a comma, a double quote, CR or LF; quotes are
 *   doubled. Other cells are written bare. Lines end with CRLF, the last one included.
 * - Formula injection (OWASP "CSV Injection"): a *string* starting with `=`, `+`, `-`,
 *   `@`, TAB or CR gets a leading apostrophe, which spreadsheets show as text and do
 *   not evaluate. This alters the value (`-3` becomes `'-3`, a phone number `+33…`
 *   becomes `'+33…`): the price of never letting panellist-typed text run as a formula.
 * - A genuine number is passed as a `number` and written as is (`-3`), never
 *   neutralised: a finite number cannot be a formula. NaN/Infinity throw (a bug).
 * - `null`/`undefined` are empty cells. No BOM unless asked (`{ bom: true }` helps
 *   Excel read UTF-8 accents).
 *
 * Reading (`parseTrackingCsv`) — decisions:
 * - Header `shipmentId,carrier,trackingNumber` exactly (cells trimmed); a BOM is
 *   dropped; CRLF, LF or lone CR end a record; quoted fields may hold commas, quotes
 *   and line breaks. Fields are trimmed.
 * - `row` is the 1-based record number in the file, header = 1, blank records counted:
 *   the spreadsheet row number when no field holds a line break.
 * - Records that are blank or whose fields are all empty (`,,` as spreadsheets export
 *   empty rows) are skipped.
 * - Wrong/missing header → one error, no rows. More than `maxRows` data records → one
 *   error (on the first record over the limit), no rows (all or nothing). Per row: missing or empty field, extra field,
 *   field over `maxFieldLength`, bad quoting → one error for that row, the others go on.
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

export const TRACKING_CSV_HEADER = ['shipmentId', 'carrier', 'trackingNumber'] as const;
export const TRACKING_CSV_LIMITS = { maxRows: 10_000, maxFieldLength: 100 } as const;

export interface TrackingCsvRow {
  row: number;
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
}
export type TrackingCsvErrorReason =
  'missing_header' | 'bad_header' | 'too_many_rows' | 'bad_quoting' | 'missing_field' | 'extra_field' | 'field_too_long';
export interface TrackingCsvError {
  row: number;
  reason: TrackingCsvErrorReason;
}

interface RawRecord {
  fields: string[];
  badQuoting: boolean;
}

/** RFC 4180 records; a quote opening mid-field, text after a closing quote or an unclosed quote marks the record badQuoting. */
function parseRecords(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  let badQuoting = false;
  const endField = (): void => {
    fields.push(field);
    field = '';
    state = 'start';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (state === 'quoted') {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[i++];
      else state = 'closed';
    } else if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      records.push({ fields, badQuoting });
      fields = [];
      badQuoting = false;
    } else if (c === '"' && state === 'start') state = 'quoted';
    else if (c === '"' || state === 'closed') badQuoting = true;
    else {
      field += c;
      state = 'plain';
    }
  }
  if (state === 'quoted') badQuoting = true;
  if (field !== '' || fields.length > 0 || state !== 'start') {
    endField();
    records.push({ fields, badQuoting });
  }
  return records;
}

export function parseTrackingCsv(text: string): { rows: TrackingCsvRow[]; errors: TrackingCsvError[] } {
  const records = parseRecords(text.replace(/^\uFEFF/, '')).map((r, i) => ({ ...r, row: i + 1, fields: r.fields.map((f) => f.trim()) }));
  const nonBlank = records.filter((r) => r.badQuoting || r.fields.some((f) => f !== ''));
  const [header, ...data] = nonBlank;
  if (header === undefined) return { rows: [], errors: [{ row: 1, reason: 'missing_header' }] };
  if (header.badQuoting || header.fields.join(',') !== TRACKING_CSV_HEADER.join(',')) {
    return { rows: [], errors: [{ row: header.row, reason: 'bad_header' }] };
  }
  const firstOver = data[TRACKING_CSV_LIMITS.maxRows];
  if (firstOver !== undefined) return { rows: [], errors: [{ row: firstOver.row, reason: 'too_many_rows' }] };
  const rows: TrackingCsvRow[] = [];
  const errors: TrackingCsvError[] = [];
  for (const { row, fields, badQuoting } of data) {
    const reason: TrackingCsvErrorReason | null = badQuoting
      ? 'bad_quoting'
      : fields.length > 3
        ? 'extra_field'
        : fields.length < 3 || fields.some((f) => f === '')
          ? 'missing_field'
          : fields.some((f) => f.length > TRACKING_CSV_LIMITS.maxFieldLength)
            ? 'field_too_long'
            : null;
    if (reason !== null) errors.push({ row, reason });
    else rows.push({ row, shipmentId: fields[0], carrier: fields[1], trackingNumber: fields[2] });
  }
  return { rows, errors };
}
