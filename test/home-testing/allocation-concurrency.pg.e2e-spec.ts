import { carrierEvent, postCarrierEvent, postTracking, ship, uniqueTracking } from './fulfilment-helpers';
import {
  API,
  bearer,
  createHomeTestingTestApp,
  createProduct,
  createUsageSurvey,
  eventually,
  expectProblem,
  getProduct,
  homeCohort,
  myAssignmentOf,
  postProduct,
  productBody,
  SETUP_TIMEOUT,
  settle,
  stockMovements,
  type HomeCohort,
  type TestApp,
} from './home-testing-helpers';
import {
  allocate,
  asPanellist,
  patchShipment,
  postAllocate,
  shipmentDetail,
  shipmentTo,
  studyShipments,
  type AllocationResult,
} from './shipment-helpers';
import { studyWorld, type StudyWorld } from '../support/world';

/** Needs a real PostgreSQL server (PGlite is a single session): run with DATABASE_URL set. */
describe('Home testing under concurrent requests', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: HomeCohort; // ten participants with an address
  let d: HomeCohort; // three more, in another study of the brand

  beforeAll(async () => {
    t = await createHomeTestingTestApp();
    w = await studyWorld(t);
    c = await homeCohort(t, w, { country: 'CZ', participants: 10, title: 'Race for kettles' });
    d = await homeCohort(t, w, { country: 'SK', participants: 3, title: 'Another race' });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  it('ten concurrent allocation requests against a stock of 3 create exactly 3 shipments', async () => {
    const product = await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 3, name: 'Scarce kettle' });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => postAllocate(t, w.researcher.token, c.study.id, { productId: product.id })),
    );
    for (const r of results) expect(r.status).toBe(200);
    const bodies = results.map((r) => r.body as AllocationResult);
    expect(bodies.reduce((sum, b) => sum + b.allocated, 0)).toBe(3);
    expect(bodies.map((b) => b.allocated).sort((a, b) => b - a)).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    for (const b of bodies.filter((x) => x.allocated === 0)) expect(b).toMatchObject({ shortfall: 7, unitsInStock: 0 });
    const shipments = (await studyShipments(t, w.researcher.token, c.study.id)).filter((s) => s.product.id === product.id);
    expect(shipments).toHaveLength(3);
    expect(new Set(shipments.map((s) => s.panellistId)).size).toBe(3);
    // the first three in enrolment order
    expect(new Set(shipments.map((s) => s.panellistId))).toEqual(new Set(c.participants.slice(0, 3).map((p) => p.id)));
    expect((await getProduct(t, w.researcher.token, product.id)).unitsInStock).toBe(0);
    expect((await stockMovements(t, w.researcher.token, product.id)).map((m) => [m.delta, m.stockAfter])).toEqual([
      [-3, 0],
      [3, 3],
    ]);
  });

  it('concurrent allocations of one product to two studies never oversell', async () => {
    const product = await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 4, name: 'Shared kettle' });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => postAllocate(t, w.researcher.token, (i % 2 ? c : d).study.id, { productId: product.id })),
    );
    for (const r of results) expect(r.status).toBe(200);
    expect(results.reduce((sum, r) => sum + (r.body as AllocationResult).allocated, 0)).toBe(4);
    const inC = (await studyShipments(t, w.researcher.token, c.study.id)).filter((s) => s.product.id === product.id);
    const inD = (await studyShipments(t, w.researcher.token, d.study.id)).filter((s) => s.product.id === product.id);
    expect(inC.length + inD.length).toBe(4);
    expect((await getProduct(t, w.researcher.token, product.id)).unitsInStock).toBe(0);
  });

  it('concurrent stock movements never take the stock below zero', async () => {
    const product = await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 5 });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t
          .http()
          .post(`${API}/products/${product.id}/stock-movements`)
          .set(...bearer(w.researcher.token))
          .send({ delta: -1, reason: 'breakage' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 409, 409, 409, 409, 409]);
    expect((await getProduct(t, w.researcher.token, product.id)).unitsInStock).toBe(0);
    expect(await stockMovements(t, w.researcher.token, product.id)).toHaveLength(6);
  });

  it('five concurrent creations of one SKU: one product, four 409 SKU_TAKEN', async () => {
    const sku = `RACE-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => postProduct(t, w.researcher.token, productBody(w.brandId, { sku }))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expectProblem(r, 409, 'sku-taken');
  });

  describe('with shipments', () => {
    let productId: string;
    let surveyId: string;

    beforeAll(async () => {
      surveyId = (await createUsageSurvey(t, w.researcher.token, { title: 'Racing kettle, first days' })).id;
      productId = (
        await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 10, name: 'Racing kettle', usageSurveyId: surveyId })
      ).id;
      expect(await allocate(t, w.researcher.token, c.study.id, productId)).toMatchObject({ allocated: 10 });
    });

    it('the same tracking file sent five times at once ships each parcel once, with one e-mail each', async () => {
      const shipments = await Promise.all(
        c.participants.slice(0, 3).map((p) => shipmentTo(t, w.researcher.token, c.study.id, p, productId)),
      );
      const rows = shipments.map((s) => ({ shipmentId: s.id, carrier: 'DHL', trackingNumber: uniqueTracking() }));
      const results = await Promise.all(Array.from({ length: 5 }, () => postTracking(t, w.researcher.token, c.study.id, rows)));
      for (const r of results) expect(r.status).toBe(200);
      expect(results.reduce((sum, r) => sum + (r.body.updated as number), 0)).toBe(3);
      for (const r of results) expect(r.body.errors).toEqual([]);
      for (const [i, s] of shipments.entries()) {
        const detail = await shipmentDetail(t, w.researcher.token, s.id);
        expect(detail).toMatchObject({ status: 'shipped', trackingNumber: rows[i].trackingNumber });
        expect(detail.events.filter((e) => e.to === 'shipped')).toHaveLength(1);
        await t.smtp.waitFor(c.participants[i].email);
      }
      await settle();
      for (const p of c.participants.slice(0, 3)) {
        expect(t.smtp.to(p.email).filter((m) => m.subject === 'Your Racing kettle sample is on its way')).toHaveLength(1);
      }
    });

    it('one tracking number sent for two parcels at once goes to one of them; the other request is refused, never a 500', async () => {
      const [a, b] = await Promise.all(c.participants.slice(3, 5).map((p) => shipmentTo(t, w.researcher.token, c.study.id, p, productId)));
      const tn = uniqueTracking();
      const results = await Promise.all([
        postTracking(t, w.researcher.token, c.study.id, [{ shipmentId: a.id, carrier: 'DHL', trackingNumber: tn }]),
        postTracking(t, w.researcher.token, c.study.id, [{ shipmentId: b.id, carrier: 'DHL', trackingNumber: tn }]),
      ]);
      for (const r of results) expect(r.status).toBeLessThan(500);
      const shipped = (await Promise.all([a, b].map((s) => shipmentDetail(t, w.researcher.token, s.id)))).filter(
        (s) => s.status === 'shipped',
      );
      expect(shipped).toHaveLength(1);
      expect(shipped[0].trackingNumber).toBe(tn);
      const refused = results.find((r) => r.status !== 200 || r.body.updated === 0)!;
      if (refused.status === 200) expect(refused.body.errors).toEqual([expect.objectContaining({ reason: 'tracking_number_taken' })]);
      else expect(refused.status).toBe(409);
    });

    it('the same carrier event delivered five times at once has one effect', async () => {
      const s = await shipmentTo(t, w.researcher.token, c.study.id, c.participants[5], productId);
      const tn = await ship(t, w.researcher.token, s);
      const event = carrierEvent(tn, 'delivered');
      const results = await Promise.all(Array.from({ length: 5 }, () => postCarrierEvent(t, event)));
      for (const r of results) expect(r.status).toBe(200);
      expect(results.filter((r) => r.body.firstDelivery === true)).toHaveLength(1);
      expect(results.filter((r) => r.body.outcome === 'duplicate')).toHaveLength(4);
      const detail = await shipmentDetail(t, w.researcher.token, s.id);
      expect(detail.events.filter((e) => e.to === 'delivered')).toHaveLength(1);
    });

    it('delivery reported at once by the panellist, the carrier and the researcher: delivered once, one usage survey', async () => {
      const p = c.participants[6];
      const s = await shipmentTo(t, w.researcher.token, c.study.id, p, productId);
      const tn = await ship(t, w.researcher.token, s);
      const results = await Promise.all([
        asPanellist(t, p).received(s.id),
        postCarrierEvent(t, carrierEvent(tn, 'delivered')),
        patchShipment(t, w.researcher.token, s.id, { status: 'delivered' }),
        asPanellist(t, p).received(s.id),
      ]);
      for (const r of results) expect(r.status).toBeLessThan(500);
      const detail = await shipmentDetail(t, w.researcher.token, s.id);
      expect(detail.status).toBe('delivered');
      expect(detail.events.filter((e) => e.to === 'delivered')).toHaveLength(1);
      await eventually('the usage survey', () => myAssignmentOf(t, p, surveyId));
      await settle();
      const mine = await t
        .http()
        .get(`${API}/me/assignments?limit=100`)
        .set(...bearer(p.token));
      expect((mine.body.items as Array<{ surveyId: string }>).filter((a) => a.surveyId === surveyId)).toHaveLength(1);
    });
  });
});
