/**
 * CSV in (tracking numbers), RFC 4180. Writing (the pick list) is the platform's
 * formula-safe writer (`csvDocument` in @leadpanel/platform), re-exported here.
 *
 * Reading (`parseTrackingCsv`) — decisions:
 * - `row` counts blank records and the header, so it is the spreadsheet row number when
 *   no field holds a line break.
 * - Records whose fields are all empty (`,,` as spreadsheets export empty rows) are skipped.
 * - A bad header or too many rows fails the whole file (all or nothing); a bad row fails
 *   only that row.
 */
export { csvCell, csvDocument, csvRow, type CsvValue } from '@leadpanel/platform';

export const TRACKING_CSV_HEADER = ['shipmentId', 'carrier', 'trackingNumber'] as const;
/** The rows one tracking import takes, as CSV or as JSON. */
export const TRACKING_IMPORT_MAX_ROWS = 10_000;
export const TRACKING_CSV_LIMITS = { maxRows: TRACKING_IMPORT_MAX_ROWS, maxFieldLength: 100 } as const;

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
