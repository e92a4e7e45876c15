import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { signCarrierPayload } from '@leadpanel/home-testing';
import { Clock } from '@leadpanel/platform';
import type { Question } from '@leadpanel/surveys';
import { cohort, feedbackWorld, type Cohort, type FeedbackWorld } from '../feedback/feedback-helpers';
import { createStudySurvey, type Survey } from '../surveys/survey-helpers';
import { API, bearer, createStudiesTestApp, type Panellist, type TestApp } from '../studies/studies-helpers';

export {
  API,
  bearer,
  createBrand,
  errorFields,
  expectProblem,
  mailTo,
  moveTo,
  studyBody,
  UUID,
  type Panellist,
  type Study,
  type TestApp,
  type TestUser,
} from '../studies/studies-helpers';
export { closeStudy, dataSource, MISSING, SETUP_TIMEOUT } from '../feedback/feedback-helpers';
export { myAssignmentOf, outboxRows } from '../surveys/survey-helpers';

/** The secret every home-testing test app verifies carrier webhooks with. */
export const CARRIER_SECRET = 'carrier-webhook-secret-for-tests';
export const DAY = 86_400_000;

/** The home-testing test app: the studies' (own database and queue prefix per file), with the carrier webhook secret set. */
export function createHomeTestingTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createStudiesTestApp({ CARRIER_WEBHOOK_SECRET: CARRIER_SECRET, ...env });
}

/** A researcher, a brand and a campaign that takes everyone. */
export type World = FeedbackWorld;
export const homeWorld = (t: TestApp): Promise<World> => feedbackWorld(t);

export interface AddressBody {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  country: string;
  phone?: string;
}

/** A valid address; the line names the panellist so copies can be told apart. */
export function addressOf(n: number, overrides: Partial<AddressBody> = {}): AddressBody {
  return { line1: `${n} rue des Testeurs`, postalCode: '75011', city: 'Paris', country: 'FR', ...overrides };
}

export async function putAddress(t: TestApp, p: Panellist, body: AddressBody): Promise<void> {
  const res = await t
    .http()
    .put(`${API}/me/address`)
    .set(...bearer(p.token))
    .send(body);
  if (res.status !== 200) throw new Error(`PUT /me/address: ${res.status} ${res.text}`);
}

export interface HomeCohort extends Cohort {
  /** participants who gave an address, in enrolment order */
  withAddress: Panellist[];
  /** participants who did not */
  withoutAddress: Panellist[];
}

/**
 * A recruiting study of its own country with `participants` enrolled panellists; those whose
 * index is in `withoutAddress` give no address, the others give `addressOf(index)`.
 */
export async function homeCohort(
  t: TestApp,
  w: World,
  opts: { country: string; participants: number; withoutAddress?: number[]; invitedOnly?: number; title?: string },
): Promise<HomeCohort> {
  const c = await cohort(t, w, {
    country: opts.country,
    participants: opts.participants,
    invitedOnly: opts.invitedOnly,
    study: opts.title ? { title: opts.title } : {},
  });
  const skip = new Set(opts.withoutAddress ?? []);
  const withAddress: Panellist[] = [];
  const withoutAddress: Panellist[] = [];
  for (const [i, p] of c.participants.entries()) {
    if (skip.has(i)) {
      withoutAddress.push(p);
      continue;
    }
    await putAddress(t, p, addressOf(i));
    withAddress.push(p);
  }
  return { ...c, withAddress, withoutAddress };
}

export interface ProductBody {
  brandId: string;
  sku: string;
  name: string;
  description?: string;
  unitsInStock: number;
  requiresReturn: boolean;
  ndaRequired: boolean;
  usageDays: number;
  usageSurveyId?: string;
  ndaVersion?: string;
  ndaTerms?: string;
}

export interface Product extends Required<Omit<ProductBody, 'usageSurveyId' | 'ndaVersion' | 'ndaTerms' | 'description'>> {
  id: string;
  description: string | null;
  usageSurveyId: string | null;
  ndaVersion: string | null;
  ndaTerms: string | null;
  createdAt: string;
  updatedAt: string;
}

export function uniqueSku(label = 'KTL'): string {
  return `${label}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** A valid product body: a kettle with 10 units, no return, no NDA, survey right at delivery. */
export function productBody(brandId: string, overrides: Partial<ProductBody> = {}): ProductBody {
  return {
    brandId,
    sku: uniqueSku(),
    name: 'Kettle K2',
    unitsInStock: 10,
    requiresReturn: false,
    ndaRequired: false,
    usageDays: 0,
    ...overrides,
  };
}

export function postProduct(t: TestApp, token: string, body: unknown) {
  return t
    .http()
    .post(`${API}/products`)
    .set(...bearer(token))
    .send(body as object);
}

export async function createProduct(t: TestApp, token: string, brandId: string, overrides: Partial<ProductBody> = {}): Promise<Product> {
  const res = await postProduct(t, token, productBody(brandId, overrides));
  if (res.status !== 201) throw new Error(`POST /products: ${res.status} ${res.text}`);
  return res.body as Product;
}

export async function getProduct(t: TestApp, token: string, id: string): Promise<Product> {
  const res = await t
    .http()
    .get(`${API}/products/${id}`)
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`GET /products/${id}: ${res.status} ${res.text}`);
  return res.body as Product;
}

export interface StockMovement {
  id: string;
  productId: string;
  delta: number;
  stockAfter: number;
  kind: 'initial' | 'manual' | 'allocation' | 'cancellation' | 'return';
  reason: string;
  studyId: string | null;
  shipmentId: string | null;
  actorUserId: string | null;
  createdAt: string;
}

export async function stockMovements(t: TestApp, token: string, productId: string): Promise<StockMovement[]> {
  const res = await t
    .http()
    .get(`${API}/products/${productId}/stock-movements?limit=100`)
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`GET stock-movements: ${res.status} ${res.text}`);
  return res.body.items as StockMovement[];
}

export const USAGE_QUESTIONS: Question[] = [
  { id: 'daily', type: 'likert', scale: 5, prompt: 'I used the kettle every day', required: true },
  { id: 'comment', type: 'text', prompt: 'Anything else?', maxLength: 200 },
];

/** A published usage survey (of no study unless one is given). */
export function createUsageSurvey(
  t: TestApp,
  token: string,
  opts: { studyId?: string; kind?: string; publish?: boolean; title?: string } = {},
): Promise<Survey> {
  return createStudySurvey(
    t,
    token,
    { kind: opts.kind ?? 'usage', title: opts.title ?? 'A week with the kettle', questions: USAGE_QUESTIONS, studyId: opts.studyId },
    { publish: opts.publish },
  );
}

export interface AllocationResult {
  allocated: number;
  shortfall: number;
  missingAddress: number;
  missingAddressPanellistIds: string[];
  unitsInStock: number;
}

export function postAllocate(t: TestApp, token: string, studyId: string, body: unknown) {
  return t
    .http()
    .post(`${API}/studies/${studyId}/shipments/allocate`)
    .set(...bearer(token))
    .send(body as object);
}

export async function allocate(t: TestApp, token: string, studyId: string, productId: string): Promise<AllocationResult> {
  const res = await postAllocate(t, token, studyId, { productId });
  if (res.status !== 200) throw new Error(`allocate: ${res.status} ${res.text}`);
  return res.body as AllocationResult;
}

export type ShipmentStatus = 'allocated' | 'packed' | 'shipped' | 'delivered' | 'return_requested' | 'returned' | 'lost' | 'cancelled';

export interface Shipment {
  id: string;
  studyId: string;
  panellistId: string;
  product: {
    id: string;
    sku: string;
    name: string;
    description: string | null;
    requiresReturn: boolean;
    ndaRequired: boolean;
    ndaVersion: string | null;
    ndaTerms: string | null;
    usageDays: number;
  };
  status: ShipmentStatus;
  address: {
    recipientName: string;
    line1: string;
    line2: string | null;
    postalCode: string;
    city: string;
    country: string;
    phone: string | null;
  };
  carrier: string | null;
  trackingNumber: string | null;
  readyToShip: boolean;
  ndaAcceptedAt: string | null;
  ndaVersion: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  returnedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ShipmentEvent {
  from: ShipmentStatus | null;
  to: ShipmentStatus;
  source: 'allocation' | 'researcher' | 'tracking_import' | 'carrier' | 'panellist';
  actorUserId: string | null;
  note: string | null;
  carrierEventId: string | null;
  at: string;
}

export interface ShipmentDetail extends Shipment {
  events: ShipmentEvent[];
}

/** Every shipment of a study (all pages), optionally of one status. */
export async function studyShipments(t: TestApp, token: string, studyId: string, status?: ShipmentStatus): Promise<Shipment[]> {
  const out: Shipment[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '100' });
    if (status) q.set('status', status);
    if (cursor) q.set('cursor', cursor);
    const res: Response = await t
      .http()
      .get(`${API}/studies/${studyId}/shipments?${q.toString()}`)
      .set(...bearer(token));
    if (res.status !== 200) throw new Error(`GET shipments: ${res.status} ${res.text}`);
    out.push(...(res.body.items as Shipment[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return out;
}

/** The study's shipment to one panellist (there is one per product in these tests). */
export async function shipmentTo(t: TestApp, token: string, studyId: string, p: Panellist, productId?: string): Promise<Shipment> {
  const s = (await studyShipments(t, token, studyId)).find(
    (x) => x.panellistId === p.id && x.status !== 'cancelled' && (!productId || x.product.id === productId),
  );
  if (!s) throw new Error(`no shipment to ${p.email} in study ${studyId}`);
  return s;
}

export async function shipmentDetail(t: TestApp, token: string, id: string): Promise<ShipmentDetail> {
  const res = await t
    .http()
    .get(`${API}/shipments/${id}`)
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`GET /shipments/${id}: ${res.status} ${res.text}`);
  return res.body as ShipmentDetail;
}

export function patchShipment(t: TestApp, token: string, id: string, body: unknown) {
  return t
    .http()
    .patch(`${API}/shipments/${id}`)
    .set(...bearer(token))
    .send(body as object);
}

/** A researcher's move that must succeed (200): the shipment after it. */
export async function mustPatch(t: TestApp, token: string, id: string, body: Record<string, unknown>): Promise<Shipment> {
  const res = await patchShipment(t, token, id, body);
  if (res.status !== 200) throw new Error(`PATCH shipment ${JSON.stringify(body)}: ${res.status} ${res.text}`);
  return res.body as Shipment;
}

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

export function asPanellist(t: TestApp, p: Panellist) {
  return {
    shipments: (query = '') =>
      t
        .http()
        .get(`${API}/me/shipments${query ? `?${query}` : ''}`)
        .set(...bearer(p.token)),
    acceptNda: (id: string, body: Record<string, unknown> = {}) =>
      t
        .http()
        .post(`${API}/me/shipments/${id}/nda`)
        .set(...bearer(p.token))
        .send(body),
    received: (id: string) =>
      t
        .http()
        .post(`${API}/me/shipments/${id}/received`)
        .set(...bearer(p.token)),
  };
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

export { eventually } from '@leadpanel/platform/testing';

/** Lets the in-process queue and the dispatcher run what is due, so that a "nothing more happened" check means something. */
export function settle(ms = 1_500): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
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
