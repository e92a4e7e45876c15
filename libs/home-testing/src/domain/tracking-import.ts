import { isUUID } from 'class-validator';
import { ValidationError } from '@leadpanel/platform';
import { parseTrackingCsv, TRACKING_IMPORT_MAX_ROWS } from './csv';

/**
 * The rows of a tracking import (JSON or CSV), before any shipment is looked at. A body that
 * cannot be read at all throws a ValidationError (400); a bad row is refused with its
 * reason and the others go on.
 */

export const TRACKING_LIMITS = { carrier: 100, trackingNumber: 100, note: 1000 } as const;
/** printable, no spaces at the ends: what carriers print on labels */
export const TRACKING_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._\-/]*[A-Za-z0-9]$|^[A-Za-z0-9]$/;
/** what is echoed back of a refused row's shipmentId */
const ECHOED_SHIPMENT_ID = 100;
const JSON_FIELDS = ['shipmentId', 'carrier', 'trackingNumber'];

export interface TrackingRow {
  row: number;
  /** a UUID as sent (any case) */
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
}

export interface TrackingRowError {
  row: number;
  shipmentId?: string;
  reason: string;
}

export function readTrackingImport(body: unknown, contentType: string | undefined): { rows: TrackingRow[]; errors: TrackingRowError[] } {
  const read = readRows(body, contentType);
  const rows: TrackingRow[] = [];
  const errors = read.errors;
  for (const r of read.rows) {
    const reason = !isUUID(r.shipmentId, 'loose')
      ? 'bad_shipment_id'
      : !TRACKING_NUMBER_PATTERN.test(r.trackingNumber) || r.trackingNumber.length > TRACKING_LIMITS.trackingNumber
        ? 'bad_tracking_number'
        : null;
    if (reason === null) rows.push(r);
    else errors.push({ row: r.row, ...(r.shipmentId ? { shipmentId: r.shipmentId } : {}), reason });
  }
  return { rows, errors };
}

function readRows(body: unknown, contentType: string | undefined): { rows: TrackingRow[]; errors: TrackingRowError[] } {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv' || type === 'text/plain') {
    if (typeof body !== 'string') throw new ValidationError('The CSV body is empty', [{ field: 'body', message: 'send the CSV text' }]);
    const parsed = parseTrackingCsv(body);
    const fatal = parsed.errors.find((e) => e.reason === 'missing_header' || e.reason === 'bad_header' || e.reason === 'too_many_rows');
    if (fatal) {
      const message =
        fatal.reason === 'too_many_rows'
          ? `at most ${TRACKING_IMPORT_MAX_ROWS} rows per file (row ${fatal.row} is over)`
          : 'the first line must be the header shipmentId,carrier,trackingNumber';
      throw new ValidationError(`The CSV file cannot be read: ${message}`, [{ field: 'body', message }]);
    }
    return { rows: parsed.rows, errors: parsed.errors.map((e) => ({ row: e.row, reason: e.reason })) };
  }
  if (!Array.isArray(body)) {
    throw new ValidationError('Send a JSON array of {shipmentId, carrier, trackingNumber}, or text/csv with that header', [
      { field: 'body', message: 'must be an array' },
    ]);
  }
  if (body.length > TRACKING_IMPORT_MAX_ROWS)
    throw new ValidationError(`At most ${TRACKING_IMPORT_MAX_ROWS} rows per import`, [
      { field: 'body', message: `at most ${TRACKING_IMPORT_MAX_ROWS} rows` },
    ]);
  const rows: TrackingRow[] = [];
  const errors: TrackingRowError[] = [];
  body.forEach((item: unknown, i) => {
    const row = i + 1;
    const o = (item && typeof item === 'object' && !Array.isArray(item) ? item : {}) as Record<string, unknown>;
    const str = (k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string).trim() : null);
    const shipmentId = str('shipmentId');
    const carrier = str('carrier');
    const trackingNumber = str('trackingNumber');
    const extra = Object.keys(o).filter((k) => !JSON_FIELDS.includes(k));
    // what is echoed back is cut to the documented bounds (a row may hold a string of any length)
    if (!shipmentId || !carrier || !trackingNumber) {
      errors.push({ row, ...(shipmentId ? { shipmentId: shipmentId.slice(0, ECHOED_SHIPMENT_ID) } : {}), reason: 'missing_field' });
    } else if (extra.length > 0) {
      const names = extra.slice(0, 3).map((k) => k.slice(0, 50));
      errors.push({ row, shipmentId: shipmentId.slice(0, ECHOED_SHIPMENT_ID), reason: `unknown_field: ${names.join(', ')}` });
    } else if (
      carrier.length > TRACKING_LIMITS.carrier ||
      trackingNumber.length > TRACKING_LIMITS.trackingNumber ||
      shipmentId.length > ECHOED_SHIPMENT_ID
    ) {
      errors.push({ row, shipmentId: shipmentId.slice(0, ECHOED_SHIPMENT_ID), reason: 'field_too_long' });
    } else {
      rows.push({ row, shipmentId, carrier, trackingNumber });
    }
  });
  return { rows, errors };
}
