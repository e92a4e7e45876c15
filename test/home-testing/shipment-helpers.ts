import type { Response } from 'supertest';
import { API, bearer, type Panellist, type TestApp } from '../studies/studies-helpers';

/** Home-testing shipments in the tests: allocation, a study's shipments, the researcher's moves, the participant's side. */

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
