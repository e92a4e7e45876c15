import { randomBytes } from 'node:crypto';
import { signCarrierPayload } from '@leadpanel/home-testing';
import { Clock } from '@leadpanel/platform';
import { API, bearer, type TestApp } from '../studies/studies-helpers';
import { studyWorld, type StudyWorld } from '../support/world';
import {
  CARRIER_SECRET,
  createHomeTestingTestApp,
  createProduct,
  homeCohort,
  putAddress,
  type HomeCohort,
  type Product,
  type TestUser,
} from './home-testing-helpers';
import { allocate, shipmentTo, type Shipment } from './shipment-helpers';

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

export interface FulfilmentWorld {
  t: TestApp;
  w: StudyWorld;
  /** a brand user of the study's brand */
  brandUser: TestUser;
  /** six participants, all with an address: 0 with a formula for an address, 1 renamed "@Attacker", 3 French */
  c: HomeCohort;
  /** another study of the brand, one participant */
  other: HomeCohort;
  /** must come back */
  kettle: Product;
  /** NDA */
  secret: Product;
  /** need not come back */
  mug: Product;
  /** shipments of each product, all allocated, by participant index */
  kettles: Shipment[];
  secrets: Shipment[];
  mugs: Shipment[];
  /** the other study's kettle */
  foreign: Shipment;
}

/** Starts an app and allocates three products to a study of six participants (and a kettle to another study); the caller closes `t`. */
export async function fulfilmentWorld(): Promise<FulfilmentWorld> {
  const kettles: Shipment[] = [];
  const secrets: Shipment[] = [];
  const mugs: Shipment[] = [];
  const t = await createHomeTestingTestApp();
  const w = await studyWorld(t);
  const brandUser = await t.staff('brand', w.brandId);
  const c = await homeCohort(t, w, { country: 'DE', participants: 6, title: 'Kettles at home' });
  const other = await homeCohort(t, w, { country: 'AT', participants: 1, title: 'Another kettle study' });
  // what a malicious panellist might type, to be opened by the warehouse in a spreadsheet
  await putAddress(t, c.participants[0], {
    line1: '=HYPERLINK("http://x")',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
    phone: '+49 30 123456',
  });
  const renamed = await t
    .http()
    .patch(`${API}/me/profile`)
    .set(...bearer(c.participants[1].token))
    .send({ displayName: '@Attacker' });
  expect(renamed.status).toBe(200);

  const french = await t
    .http()
    .patch(`${API}/me/profile`)
    .set(...bearer(c.participants[3].token))
    .send({ locale: 'fr' });
  expect(french.status).toBe(200);

  const kettle = await createProduct(t, w.researcher.token, w.brandId, { name: 'Kettle K2', unitsInStock: 10, requiresReturn: true });
  const secret = await createProduct(t, w.researcher.token, w.brandId, {
    name: 'Secret kettle',
    unitsInStock: 10,
    ndaRequired: true,
    ndaVersion: 'v1',
    ndaTerms: 'Tell no one about the kettle.',
  });
  const mug = await createProduct(t, w.researcher.token, w.brandId, { name: 'Travel mug', unitsInStock: 10, requiresReturn: false });
  for (const product of [kettle, secret, mug]) {
    expect(await allocate(t, w.researcher.token, c.study.id, product.id)).toMatchObject({ allocated: 6 });
  }
  expect(await allocate(t, w.researcher.token, other.study.id, kettle.id)).toMatchObject({ allocated: 1 });
  for (let i = 0; i < 6; i++) {
    kettles.push(await shipmentTo(t, w.researcher.token, c.study.id, c.participants[i], kettle.id));
    secrets.push(await shipmentTo(t, w.researcher.token, c.study.id, c.participants[i], secret.id));
    mugs.push(await shipmentTo(t, w.researcher.token, c.study.id, c.participants[i], mug.id));
  }
  const foreign = await shipmentTo(t, w.researcher.token, other.study.id, other.participants[0], kettle.id);
  return { t, w, brandUser, c, other, kettle, secret, mug, kettles, secrets, mugs, foreign };
}
