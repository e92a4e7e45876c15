import { randomBytes } from 'node:crypto';
import { signCarrierPayload } from '@leadpanel/home-testing';
import { Clock } from '@leadpanel/platform';
import { API, bearer, type TestApp } from '../studies/studies-helpers';
import { CARRIER_SECRET } from './home-testing-helpers';
import type { Shipment } from './shipment-helpers';

/** Fulfilment in the tests: the tracking import, the carrier webhook, the pick list (CSV). */

export interface TrackingRow {
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
}

export interface TrackingResult {
  updated: number;
  errors: Array<{ row: number; shipmentId?: string; reason: string }>;
}

/** POST tracking: an array goes as JSON, a string as text/csv. */
export function postTracking(t: TestApp, token: string, studyId: string, body: unknown, contentType?: string) {
  const req = t
    .http()
    .post(`${API}/studies/${studyId}/shipments/tracking`)
    .set(...bearer(token));
  if (typeof body === 'string') return req.set('Content-Type', contentType ?? 'text/csv').send(body);
  return req.send(body as object);
}

export async function importTracking(t: TestApp, token: string, studyId: string, rows: TrackingRow[] | string): Promise<TrackingResult> {
  const res = await postTracking(t, token, studyId, rows);
  if (res.status !== 200) throw new Error(`POST tracking: ${res.status} ${res.text}`);
  return res.body as TrackingResult;
}

export function uniqueTracking(label = 'TRK'): string {
  return `${label}${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** Ships a shipment through the tracking import; answers its tracking number. */
export async function ship(t: TestApp, token: string, s: Shipment, carrier = 'Colissimo'): Promise<string> {
  const trackingNumber = uniqueTracking();
  const res = await importTracking(t, token, s.studyId, [{ shipmentId: s.id, carrier, trackingNumber }]);
  if (res.updated !== 1) throw new Error(`shipping ${s.id}: ${JSON.stringify(res)}`);
  return trackingNumber;
}

export interface CarrierEventBody {
  eventId: string;
  trackingNumber: string;
  status: 'in_transit' | 'delivered' | 'exception' | 'returned';
  occurredAt: string;
}

export function carrierEvent(trackingNumber: string, status: CarrierEventBody['status'], overrides: Partial<CarrierEventBody> = {}) {
  return {
    eventId: `evt_${randomBytes(8).toString('hex')}`,
    trackingNumber,
    status,
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}

/** The app's clock, in unix seconds (what the webhook checks the timestamp against). */
export function nowUnix(t: TestApp): number {
  return Math.floor(t.app.get(Clock).now().getTime() / 1000);
}

/**
 * POST /webhooks/carrier with exactly these bytes, signed with the test secret at the app's
 * current time unless told otherwise; `signature: null` sends no signature header.
 */
export function postCarrierEvent(
  t: TestApp,
  body: object | string,
  opts: { secret?: string; unixSeconds?: number; signature?: string | null; signedBody?: string } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature =
    opts.signature !== undefined
      ? opts.signature
      : signCarrierPayload(opts.secret ?? CARRIER_SECRET, opts.unixSeconds ?? nowUnix(t), Buffer.from(opts.signedBody ?? raw, 'utf8'));
  const req = t.http().post(`${API}/webhooks/carrier`).set('Content-Type', 'application/json');
  if (signature !== null) void req.set('X-Leadpanel-Signature', signature);
  return req.send(raw);
}

/** RFC 4180 records of a CSV text (a leading BOM dropped, the last line break optional): what a spreadsheet reads. */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') field += body[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}

export function pickList(t: TestApp, token: string, studyId: string, query = '') {
  return t
    .http()
    .get(`${API}/studies/${studyId}/shipments/pick-list.csv${query ? `?${query}` : ''}`)
    .set(...bearer(token));
}

/** The pick list as objects keyed by its header. */
export async function pickListRows(t: TestApp, token: string, studyId: string, query = ''): Promise<Array<Record<string, string>>> {
  const res = await pickList(t, token, studyId, query);
  if (res.status !== 200) throw new Error(`GET pick-list.csv: ${res.status} ${res.text}`);
  const [header, ...rows] = readCsv(res.text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
