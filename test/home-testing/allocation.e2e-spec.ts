import {
  addressOf,
  API,
  bearer,
  closeStudy,
  createBrand,
  createHomeTestingTestApp,
  createProduct,
  expectProblem,
  getProduct,
  homeCohort,
  MISSING,
  moveTo,
  putAddress,
  SETUP_TIMEOUT,
  stockMovements,
  studyBody,
  UUID,
  type HomeCohort,
  type TestApp,
  type TestUser,
} from './home-testing-helpers';
import { allocate, mustPatch, postAllocate, shipmentDetail, shipmentTo, studyShipments } from './shipment-helpers';
import { createStudy } from '../studies/studies-helpers';
import { studyWorld, type StudyWorld } from '../support/world';
import { erase } from '../support/data-rights';

describe('Home testing: allocating samples to participants', () => {
  let t: TestApp;
  let w: StudyWorld;
  /** five participants; the 2nd and the 4th (indexes 1 and 3) have no address; one more panellist is invited only */
  let c: HomeCohort;

  beforeAll(async () => {
    t = await createHomeTestingTestApp();
    w = await studyWorld(t);
    c = await homeCohort(t, w, { country: 'BE', participants: 5, withoutAddress: [1, 3], invitedOnly: 1 });
    // an invited panellist who never accepted has an address: still no parcel
    await putAddress(t, c.invitedOnly[0], addressOf(99));
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  describe('stock shortfall and missing addresses', () => {
    let productId: string;

    beforeAll(async () => {
      productId = (await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 2, name: 'Kettle K2' })).id;
    });

    it('gives a unit to each enrolled participant with an address, in enrolment order, while stock lasts', async () => {
      const res = await allocate(t, w.researcher.token, c.study.id, productId);
      expect(res).toEqual({
        allocated: 2,
        shortfall: 1,
        missingAddress: 2,
        missingAddressPanellistIds: c.withoutAddress.map((p) => p.id),
        unitsInStock: 0,
      });
      const shipments = await studyShipments(t, w.researcher.token, c.study.id);
      expect(shipments.map((s) => s.panellistId).sort()).toEqual([c.withAddress[0].id, c.withAddress[1].id].sort());
      for (const s of shipments) {
        expect(s).toMatchObject({
          studyId: c.study.id,
          status: 'allocated',
          product: { id: productId, name: 'Kettle K2' },
          readyToShip: true,
        });
        expect(s.carrier).toBeNull();
        expect(s.trackingNumber).toBeNull();
      }
      expect((await getProduct(t, w.researcher.token, productId)).unitsInStock).toBe(0);
      const [last] = await stockMovements(t, w.researcher.token, productId);
      expect(last).toMatchObject({ kind: 'allocation', delta: -2, stockAfter: 0, studyId: c.study.id, actorUserId: w.researcher.id });
    });

    it('copies the address and the display name onto the shipment, with an allocation event', async () => {
      const p = c.withAddress[0];
      const s = await shipmentTo(t, w.researcher.token, c.study.id, p);
      expect(s.address).toEqual({
        recipientName: p.displayName,
        line1: addressOf(0).line1,
        line2: null,
        postalCode: '75011',
        city: 'Paris',
        country: 'FR',
        phone: null,
      });
      const detail = await shipmentDetail(t, w.researcher.token, s.id);
      expect(detail.events).toEqual([
        {
          from: null,
          to: 'allocated',
          source: 'allocation',
          actorUserId: w.researcher.id,
          note: null,
          carrierEventId: null,
          at: expect.any(String),
        },
      ]);
    });

    it('a later change of address does not redirect a shipment already allocated', async () => {
      const p = c.withAddress[0];
      await putAddress(t, p, { line1: 'Moved away 1', line2: 'Flat 3', postalCode: '1000', city: 'Brussels', country: 'BE' });
      const s = await shipmentTo(t, w.researcher.token, c.study.id, p);
      expect(s.address).toMatchObject({ line1: addressOf(0).line1, line2: null, city: 'Paris', country: 'FR' });
    });

    it('allocating again creates nothing new; a restock then serves who was left out, and new addresses are served next', async () => {
      expect(await allocate(t, w.researcher.token, c.study.id, productId)).toMatchObject({
        allocated: 0,
        shortfall: 1,
        missingAddress: 2,
        unitsInStock: 0,
      });
      const restock = await t
        .http()
        .post(`${API}/products/${productId}/stock-movements`)
        .set(...bearer(w.researcher.token))
        .send({ delta: 5, reason: 'restock' });
      expect(restock.status).toBe(201);
      expect(await allocate(t, w.researcher.token, c.study.id, productId)).toEqual({
        allocated: 1,
        shortfall: 0,
        missingAddress: 2,
        missingAddressPanellistIds: c.withoutAddress.map((p) => p.id),
        unitsInStock: 4,
      });
      const late = c.withoutAddress[0];
      await putAddress(t, late, addressOf(1, { line2: 'Bâtiment B', phone: '+33 6 12 34 56 78' }));
      expect(await allocate(t, w.researcher.token, c.study.id, productId)).toEqual({
        allocated: 1,
        shortfall: 0,
        missingAddress: 1,
        missingAddressPanellistIds: [c.withoutAddress[1].id],
        unitsInStock: 3,
      });
      const s = await shipmentTo(t, w.researcher.token, c.study.id, late);
      expect(s.address).toMatchObject({ line2: 'Bâtiment B', phone: '+33 6 12 34 56 78' });
      expect(await allocate(t, w.researcher.token, c.study.id, productId)).toMatchObject({ allocated: 0, unitsInStock: 3 });

      const all = await studyShipments(t, w.researcher.token, c.study.id);
      const recipients = all.filter((x) => x.product.id === productId).map((x) => x.panellistId);
      expect(new Set(recipients).size).toBe(recipients.length);
      expect(recipients).toHaveLength(4);
      expect(recipients).not.toContain(c.invitedOnly[0].id);
      expect(recipients).not.toContain(c.withoutAddress[1].id);
    });

    it('a cancelled shipment gives its unit back and its participant can be served again', async () => {
      const p = c.withAddress[1];
      const s = await shipmentTo(t, w.researcher.token, c.study.id, p, productId);
      const before = (await getProduct(t, w.researcher.token, productId)).unitsInStock;
      const cancelled = await mustPatch(t, w.researcher.token, s.id, { status: 'cancelled', note: 'wrong colour' });
      expect(cancelled.status).toBe('cancelled');
      expect((await getProduct(t, w.researcher.token, productId)).unitsInStock).toBe(before + 1);
      const again = await allocate(t, w.researcher.token, c.study.id, productId);
      expect(again).toMatchObject({ allocated: 1, unitsInStock: before });
      const fresh = await shipmentTo(t, w.researcher.token, c.study.id, p, productId);
      expect(fresh.id).not.toBe(s.id);
      expect(fresh.status).toBe('allocated');
    });
  });

  it('ten allocations in a row against a stock of 3 create exactly 3 shipments', async () => {
    const product = await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 3, name: 'Scarce kettle' });
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await allocate(t, w.researcher.token, c.study.id, product.id));
    expect(results.map((r) => r.allocated)).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(results[9]).toMatchObject({ shortfall: 1, unitsInStock: 0 }); // four participants have an address now
    const shipments = (await studyShipments(t, w.researcher.token, c.study.id)).filter((s) => s.product.id === product.id);
    expect(shipments).toHaveLength(3);
    expect(new Set(shipments.map((s) => s.panellistId)).size).toBe(3);
    expect((await getProduct(t, w.researcher.token, product.id)).unitsInStock).toBe(0);
    expect((await stockMovements(t, w.researcher.token, product.id)).map((m) => m.delta)).toEqual([-3, 3]);
  });

  it('an erased participant is neither served nor listed as missing an address', async () => {
    const gone = c.withoutAddress[1];
    expect((await erase(t, gone.token)).status).toBe(204);
    const product = await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 10, name: 'After erasure' });
    expect(await allocate(t, w.researcher.token, c.study.id, product.id)).toEqual({
      allocated: 4,
      shortfall: 0,
      missingAddress: 0,
      missingAddressPanellistIds: [],
      unitsInStock: 6,
    });
  });

  describe('GET /studies/:id/shipments', () => {
    it('filters by status and pages with a cursor', async () => {
      const all = await studyShipments(t, w.researcher.token, c.study.id);
      const cancelled = await studyShipments(t, w.researcher.token, c.study.id, 'cancelled');
      expect(cancelled.length).toBeGreaterThanOrEqual(1);
      expect(cancelled.every((s) => s.status === 'cancelled')).toBe(true);
      const allocated = await studyShipments(t, w.researcher.token, c.study.id, 'allocated');
      expect(allocated.length + cancelled.length).toBe(all.length);

      const page = await t
        .http()
        .get(`${API}/studies/${c.study.id}/shipments?limit=2`)
        .set(...bearer(w.researcher.token));
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      expect(page.body.items[0]).toMatchObject({ id: expect.stringMatching(UUID), address: expect.any(Object) });
    });

    it('answers 400 for a bad filter, 404 for an unknown study, 401/403 for others', async () => {
      const get = (path: string, token?: string) => {
        const req = t.http().get(`${API}${path}`);
        return token ? req.set(...bearer(token)) : req;
      };
      expectProblem(await get(`/studies/${c.study.id}/shipments?status=misplaced`, w.researcher.token), 400);
      expectProblem(await get(`/studies/${c.study.id}/shipments?limit=500`, w.researcher.token), 400);
      expectProblem(await get(`/studies/${MISSING}/shipments`, w.researcher.token), 404);
      expectProblem(await get(`/studies/not-a-uuid/shipments`, w.researcher.token), 400);
      expectProblem(await get(`/studies/${c.study.id}/shipments`), 401);
      expectProblem(await get(`/studies/${c.study.id}/shipments`, c.participants[0].token), 403);
      expectProblem(await get(`/shipments/${MISSING}`, w.researcher.token), 404, 'shipment-not-found');
    });
  });

  describe('refusals', () => {
    let brandUser: TestUser;

    beforeAll(async () => {
      brandUser = await t.staff('brand', w.brandId);
    });

    it('a product of another brand than the study’s is a 422, and nothing is allocated', async () => {
      const otherBrand = (await createBrand(t, 'other')).id;
      const foreign = await createProduct(t, w.researcher.token, otherBrand, { unitsInStock: 5 });
      const res = await postAllocate(t, w.researcher.token, c.study.id, { productId: foreign.id });
      expectProblem(res, 422, 'product-of-other-brand');
      expect((await getProduct(t, w.researcher.token, foreign.id)).unitsInStock).toBe(5);
      expect((await studyShipments(t, w.researcher.token, c.study.id)).some((s) => s.product.id === foreign.id)).toBe(false);
    });

    it('a closed study is a 409', async () => {
      const study = await createStudy(t, w.researcher.token, studyBody(w.brandId, { title: 'Over and done' }));
      await moveTo(t, w.researcher.token, study.id, 'recruiting');
      await closeStudy(t, w.researcher.token, study.id);
      const product = await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 5 });
      expectProblem(await postAllocate(t, w.researcher.token, study.id, { productId: product.id }), 409, 'study-closed');
    });

    it('an unknown product or study is a 404; a bad body is a 400', async () => {
      const product = await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 5 });
      expectProblem(await postAllocate(t, w.researcher.token, c.study.id, { productId: MISSING }), 404, 'product-not-found');
      expectProblem(await postAllocate(t, w.researcher.token, MISSING, { productId: product.id }), 404);
      expectProblem(await postAllocate(t, w.researcher.token, 'nope', { productId: product.id }), 400);
      for (const body of [{}, { productId: 'nope' }, { productId: product.id, units: 2 }, { productId: null }, [product.id]]) {
        expectProblem(await postAllocate(t, w.researcher.token, c.study.id, body), 400);
      }
      expect((await getProduct(t, w.researcher.token, product.id)).unitsInStock).toBe(5);
    });

    it('is for researchers: anonymous 401, brand user and panellist 403', async () => {
      const product = await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 5 });
      expectProblem(await t.http().post(`${API}/studies/${c.study.id}/shipments/allocate`).send({ productId: product.id }), 401);
      expectProblem(await postAllocate(t, brandUser.token, c.study.id, { productId: product.id }), 403);
      expectProblem(await postAllocate(t, c.participants[0].token, c.study.id, { productId: product.id }), 403);
      expect((await getProduct(t, w.researcher.token, product.id)).unitsInStock).toBe(5);
    });
  });
});
