import { fulfilmentWorld, importTracking, pickList, pickListRows, postTracking, readCsv, ship, uniqueTracking } from './fulfilment-helpers';
import {
  API,
  bearer,
  createProduct,
  errorFields,
  expectProblem,
  getProduct,
  mailTo,
  MISSING,
  SETUP_TIMEOUT,
  settle,
  stockMovements,
  type HomeCohort,
  type Panellist,
  type Product,
  type TestApp,
  type TestUser,
} from './home-testing-helpers';
import { allocate, asPanellist, mustPatch, patchShipment, shipmentDetail, studyShipments, type Shipment } from './shipment-helpers';
import { type StudyWorld } from '../support/world';

// The tracking import (JSON), the NDA gate and the moves run in order on one world: a later test reads what an
// earlier one left (kettles[0]'s tracking number; the last pick list, every move before it). The pick list and
// the CSV import, which need only a fresh world, are in fulfilment-csv.e2e-spec.ts.
describe('Home testing: fulfilment (pick list, tracking import, moves, NDA gate, returns)', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: HomeCohort; // six participants, all with an address
  let kettle: Product; // must come back
  let secret: Product; // NDA
  let mug: Product; // need not come back
  let brandUser: TestUser;
  /** shipments of each product, by participant index */
  let kettles: Shipment[];
  let secrets: Shipment[];
  let mugs: Shipment[];
  let foreign: Shipment;

  const p = (i: number): Panellist => c.participants[i];

  beforeAll(async () => {
    ({ t, w, brandUser, c, kettle, secret, mug, kettles, secrets, mugs, foreign } = await fulfilmentWorld());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  describe('POST /studies/:id/shipments/tracking (JSON)', () => {
    const t1 = uniqueTracking('CP');
    const t2 = uniqueTracking('DH');

    it('ships the good rows and reports each bad one with its row and reason', async () => {
      const cancelled = await mustPatch(t, w.researcher.token, mugs[5].id, { status: 'cancelled' });
      expect(cancelled.status).toBe('cancelled');
      const body = [
        { shipmentId: kettles[0].id, carrier: 'Colissimo', trackingNumber: t1 }, // 1 good
        { shipmentId: kettles[1].id.toUpperCase(), carrier: 'DHL', trackingNumber: t2 }, // 2 good (ids are case-insensitive)
        { shipmentId: MISSING, carrier: 'DHL', trackingNumber: uniqueTracking() }, // 3
        { shipmentId: 'abc', carrier: 'DHL', trackingNumber: uniqueTracking() }, // 4
        { shipmentId: secrets[0].id, carrier: 'DHL', trackingNumber: uniqueTracking() }, // 5
        { shipmentId: kettles[2].id, carrier: 'DHL', trackingNumber: t1 }, // 6: the number of row 1
        { shipmentId: kettles[1].id, carrier: 'DHL', trackingNumber: uniqueTracking() }, // 7: row 2's shipment again
        { shipmentId: kettles[3].id, carrier: 'DHL' }, // 8
        { shipmentId: kettles[3].id, carrier: 'DHL', trackingNumber: 'has!bang' }, // 9
        { shipmentId: mugs[5].id, carrier: 'DHL', trackingNumber: uniqueTracking() }, // 10
        { shipmentId: foreign.id, carrier: 'DHL', trackingNumber: uniqueTracking() }, // 11: another study's
        'not an object', // 12
        { shipmentId: kettles[3].id, carrier: 'DHL', trackingNumber: uniqueTracking(), weight: 2 }, // 13
        { shipmentId: kettles[3].id, carrier: 'D'.repeat(101), trackingNumber: uniqueTracking() }, // 14
      ];
      const res = await postTracking(t, w.researcher.token, c.study.id, body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        updated: 2,
        errors: [
          { row: 3, shipmentId: MISSING, reason: 'unknown_shipment' },
          { row: 4, shipmentId: 'abc', reason: 'bad_shipment_id' },
          { row: 5, shipmentId: secrets[0].id, reason: 'nda_not_accepted' },
          { row: 6, shipmentId: kettles[2].id, reason: 'tracking_number_taken' },
          { row: 7, shipmentId: kettles[1].id, reason: 'duplicate_shipment' },
          { row: 8, shipmentId: kettles[3].id, reason: 'missing_field' },
          { row: 9, shipmentId: kettles[3].id, reason: 'bad_tracking_number' },
          { row: 10, shipmentId: mugs[5].id, reason: 'not_shippable: the shipment is cancelled' },
          { row: 11, shipmentId: foreign.id, reason: 'unknown_shipment' },
          { row: 12, reason: 'missing_field' },
          { row: 13, shipmentId: kettles[3].id, reason: expect.stringMatching(/^unknown_field/) },
          { row: 14, shipmentId: kettles[3].id, reason: 'field_too_long' },
        ],
      });
      const first = await shipmentDetail(t, w.researcher.token, kettles[0].id);
      expect(first).toMatchObject({ status: 'shipped', carrier: 'Colissimo', trackingNumber: t1, shippedAt: expect.any(String) });
      expect(first.events.map((e) => [e.from, e.to, e.source, e.actorUserId])).toEqual([
        [null, 'allocated', 'allocation', w.researcher.id],
        ['allocated', 'shipped', 'tracking_import', w.researcher.id],
      ]);
      expect(await shipmentDetail(t, w.researcher.token, kettles[1].id)).toMatchObject({ status: 'shipped', trackingNumber: t2 });
      for (const s of [kettles[2], kettles[3], secrets[0]]) {
        expect(await shipmentDetail(t, w.researcher.token, s.id)).toMatchObject({ status: 'allocated', trackingNumber: null });
      }
      expect(await shipmentDetail(t, w.researcher.token, foreign.id)).toMatchObject({ status: 'allocated', trackingNumber: null });
    });

    it('e-mails each panellist whose parcel left, with the carrier and tracking number, once', async () => {
      const mail = await mailTo(t, p(0).email, 'Your Kettle K2 sample is on its way');
      expect(mail.text).toContain('Colissimo');
      expect(mail.text).toContain(t1);
      expect(mail.text).toContain('Kettles at home');
      expect(mail.text).toContain('https://panel.leadpanel.test/me/shipments');
      const second = await mailTo(t, p(1).email, 'Your Kettle K2 sample is on its way');
      expect(second.text).toContain('DHL');
      expect(second.text).toContain(t2);
      // re-sending the same rows changes nothing and is not an error
      const again = await importTracking(t, w.researcher.token, c.study.id, [
        { shipmentId: kettles[0].id, carrier: 'Colissimo', trackingNumber: t1 },
        { shipmentId: kettles[1].id, carrier: 'DHL', trackingNumber: t2 },
      ]);
      expect(again).toEqual({ updated: 0, errors: [] });
      expect((await shipmentDetail(t, w.researcher.token, kettles[0].id)).events).toHaveLength(2);
      await settle();
      expect(t.smtp.to(p(0).email).filter((m) => m.subject.startsWith('Your Kettle K2 sample'))).toHaveLength(1);
      expect(t.smtp.to(p(2).email).filter((m) => m.subject.includes('on its way'))).toHaveLength(0);
    });

    it('a shipped parcel cannot take another number, and a number in use cannot go to another parcel', async () => {
      const res = await importTracking(t, w.researcher.token, c.study.id, [
        { shipmentId: kettles[0].id, carrier: 'Colissimo', trackingNumber: uniqueTracking() },
        { shipmentId: kettles[2].id, carrier: 'DHL', trackingNumber: t2 },
      ]);
      expect(res).toEqual({
        updated: 0,
        errors: [
          { row: 1, shipmentId: kettles[0].id, reason: 'not_shippable: the shipment is shipped' },
          { row: 2, shipmentId: kettles[2].id, reason: 'tracking_number_taken' },
        ],
      });
    });

    it('a parcel shipped by hand without a number takes the number of an import, without a second move', async () => {
      const lamp = await createProduct(t, w.researcher.token, w.brandId, { unitsInStock: 1, requiresReturn: false });
      expect((await allocate(t, w.researcher.token, c.study.id, lamp.id)).allocated).toBe(1);
      const s = (await studyShipments(t, w.researcher.token, c.study.id, 'allocated')).find((x) => x.product.id === lamp.id)!;
      expect((await mustPatch(t, w.researcher.token, s.id, { status: 'shipped' })).trackingNumber).toBeNull();
      const number = uniqueTracking();
      expect(
        await importTracking(t, w.researcher.token, c.study.id, [{ shipmentId: s.id, carrier: 'UPS', trackingNumber: number }]),
      ).toEqual({
        updated: 1,
        errors: [],
      });
      const after = await shipmentDetail(t, w.researcher.token, s.id);
      expect(after).toMatchObject({ status: 'shipped', carrier: 'UPS', trackingNumber: number });
      expect(after.events.map((e) => e.to)).toEqual(['allocated', 'shipped']);
    });

    it('an empty array is fine; a body that is not an array, or too long, is a 400', async () => {
      expect(await importTracking(t, w.researcher.token, c.study.id, [])).toEqual({ updated: 0, errors: [] });
      const notArray = await postTracking(t, w.researcher.token, c.study.id, {
        shipmentId: kettles[2].id,
        carrier: 'DHL',
        trackingNumber: uniqueTracking(),
      });
      expectProblem(notArray, 400);
      expect(errorFields(notArray)).toEqual(['body']);
      const malformed = await t
        .http()
        .post(`${API}/studies/${c.study.id}/shipments/tracking`)
        .set(...bearer(w.researcher.token))
        .set('Content-Type', 'application/json')
        .send('[{"shipmentId":');
      expectProblem(malformed, 400);
      const scalar = await t
        .http()
        .post(`${API}/studies/${c.study.id}/shipments/tracking`)
        .set(...bearer(w.researcher.token))
        .set('Content-Type', 'application/json')
        .send('"abc"');
      expectProblem(scalar, 400);
      expectProblem(
        await postTracking(
          t,
          w.researcher.token,
          c.study.id,
          Array.from({ length: 10_001 }, () => ({})),
        ),
        400,
      );
      const xml = await t
        .http()
        .post(`${API}/studies/${c.study.id}/shipments/tracking`)
        .set(...bearer(w.researcher.token))
        .set('Content-Type', 'application/xml')
        .send('<rows/>');
      expect(xml.status).toBeGreaterThanOrEqual(400);
      expect(xml.status).toBeLessThan(500);
      expect(xml.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await shipmentDetail(t, w.researcher.token, kettles[2].id)).status).toBe('allocated');
    });

    it('is for researchers of a study that exists', async () => {
      const rows = [{ shipmentId: kettles[2].id, carrier: 'DHL', trackingNumber: uniqueTracking() }];
      expectProblem(await postTracking(t, w.researcher.token, MISSING, rows), 404);
      expectProblem(await postTracking(t, brandUser.token, c.study.id, rows), 403);
      expectProblem(await postTracking(t, p(2).token, c.study.id, rows), 403);
      expectProblem(await t.http().post(`${API}/studies/${c.study.id}/shipments/tracking`).send(rows), 401);
    });
  });

  describe('the NDA gate', () => {
    it('an NDA product cannot ship before the participant accepts (409), then it can', async () => {
      const s = secrets[1];
      const res = await patchShipment(t, w.researcher.token, s.id, { status: 'shipped' });
      expectProblem(res, 409, 'nda-not-accepted');
      expect((await shipmentDetail(t, w.researcher.token, s.id)).status).toBe('allocated');
      // packing does not need the NDA
      expect((await mustPatch(t, w.researcher.token, s.id, { status: 'packed' })).status).toBe('packed');
      expectProblem(await patchShipment(t, w.researcher.token, s.id, { status: 'shipped' }), 409, 'nda-not-accepted');

      const accepted = await asPanellist(t, p(1)).acceptNda(s.id, { version: 'v1' });
      expect(accepted.status).toBe(200);
      const rows = await pickListRows(t, w.researcher.token, c.study.id, `productId=${secret.id}`);
      expect(rows.find((r) => r.shipmentId === s.id)).toMatchObject({ status: 'packed', readyToShip: 'yes' });
      const tn = uniqueTracking();
      const shipped = await mustPatch(t, w.researcher.token, s.id, { status: 'shipped', carrier: 'DHL', trackingNumber: tn });
      expect(shipped).toMatchObject({ status: 'shipped', carrier: 'DHL', trackingNumber: tn, readyToShip: true });
      await mailTo(t, p(1).email, 'Your Secret kettle sample is on its way');
    });

    it('the tracking import ships an NDA parcel once the NDA is accepted', async () => {
      const s = secrets[2];
      expect(
        (await importTracking(t, w.researcher.token, c.study.id, [{ shipmentId: s.id, carrier: 'DHL', trackingNumber: uniqueTracking() }]))
          .errors,
      ).toEqual([{ row: 1, shipmentId: s.id, reason: 'nda_not_accepted' }]);
      expect((await asPanellist(t, p(2)).acceptNda(s.id)).status).toBe(200);
      await ship(t, w.researcher.token, s);
      expect((await shipmentDetail(t, w.researcher.token, s.id)).status).toBe('shipped');
    });
  });

  describe('PATCH /shipments/:id', () => {
    it('the return flow: packed, shipped, delivered, return requested, returned; the unit comes back to stock', async () => {
      const s = kettles[5];
      const stockBefore = (await getProduct(t, w.researcher.token, kettle.id)).unitsInStock;
      expect((await mustPatch(t, w.researcher.token, s.id, { status: 'packed', note: 'boxed with care' })).status).toBe('packed');
      const tn = uniqueTracking();
      expect(await mustPatch(t, w.researcher.token, s.id, { status: 'shipped', carrier: 'UPS', trackingNumber: tn })).toMatchObject({
        status: 'shipped',
        carrier: 'UPS',
        trackingNumber: tn,
        shippedAt: expect.any(String),
      });
      expect((await mustPatch(t, w.researcher.token, s.id, { status: 'delivered' })).deliveredAt).toEqual(expect.any(String));
      expect((await mustPatch(t, w.researcher.token, s.id, { status: 'return_requested', note: 'label sent' })).status).toBe(
        'return_requested',
      );
      expect((await getProduct(t, w.researcher.token, kettle.id)).unitsInStock).toBe(stockBefore);
      const returned = await mustPatch(t, w.researcher.token, s.id, { status: 'returned' });
      expect(returned).toMatchObject({ status: 'returned', returnedAt: expect.any(String) });
      expect((await getProduct(t, w.researcher.token, kettle.id)).unitsInStock).toBe(stockBefore + 1);
      const [movement] = await stockMovements(t, w.researcher.token, kettle.id);
      expect(movement).toMatchObject({ kind: 'return', delta: 1, shipmentId: s.id, studyId: c.study.id, actorUserId: w.researcher.id });

      const detail = await shipmentDetail(t, w.researcher.token, s.id);
      expect(detail.events.map((e) => [e.from, e.to, e.source, e.note])).toEqual([
        [null, 'allocated', 'allocation', null],
        ['allocated', 'packed', 'researcher', 'boxed with care'],
        ['packed', 'shipped', 'researcher', null],
        ['shipped', 'delivered', 'researcher', null],
        ['delivered', 'return_requested', 'researcher', 'label sent'],
        ['return_requested', 'returned', 'researcher', null],
      ]);
      // returned is the end of the line
      for (const status of ['return_requested', 'delivered', 'cancelled', 'allocated']) {
        expectProblem(await patchShipment(t, w.researcher.token, s.id, { status }), 409, 'illegal-transition');
      }
    });

    it('a returned product that need not come back does not return to stock', async () => {
      const s = mugs[1];
      await ship(t, w.researcher.token, s);
      const stockBefore = (await getProduct(t, w.researcher.token, mug.id)).unitsInStock;
      for (const status of ['delivered', 'return_requested', 'returned']) await mustPatch(t, w.researcher.token, s.id, { status });
      expect((await shipmentDetail(t, w.researcher.token, s.id)).status).toBe('returned');
      expect((await getProduct(t, w.researcher.token, mug.id)).unitsInStock).toBe(stockBefore);
    });

    it('cancelling before shipping puts the unit back; a lost parcel does not', async () => {
      const stock = async () => (await getProduct(t, w.researcher.token, mug.id)).unitsInStock;
      const before = await stock();
      await mustPatch(t, w.researcher.token, mugs[2].id, { status: 'packed' });
      await mustPatch(t, w.researcher.token, mugs[2].id, { status: 'cancelled', note: 'participant withdrew' });
      expect(await stock()).toBe(before + 1);
      const [movement] = await stockMovements(t, w.researcher.token, mug.id);
      expect(movement).toMatchObject({ kind: 'cancellation', delta: 1, shipmentId: mugs[2].id });

      const tn = await ship(t, w.researcher.token, mugs[3], 'La Poste');
      // in the panellist's language
      const mail = await mailTo(t, p(3).email, 'Votre échantillon Travel mug est en route');
      expect(mail.text).toContain(`Numéro de suivi : ${tn}`);
      await mustPatch(t, w.researcher.token, mugs[3].id, { status: 'lost', note: 'carrier lost it' });
      expect(await stock()).toBe(before + 1);
      expectProblem(await patchShipment(t, w.researcher.token, mugs[3].id, { status: 'delivered' }), 409, 'illegal-transition');
      expectProblem(await patchShipment(t, w.researcher.token, mugs[2].id, { status: 'allocated' }), 409, 'illegal-transition');
    });

    it('refuses illegal moves with 409 and changes nothing', async () => {
      const s = mugs[4]; // allocated
      for (const status of ['delivered', 'returned', 'return_requested', 'lost', 'allocated']) {
        const res = await patchShipment(t, w.researcher.token, s.id, { status });
        expectProblem(res, 409, 'illegal-transition');
      }
      await mustPatch(t, w.researcher.token, s.id, { status: 'packed' });
      expectProblem(await patchShipment(t, w.researcher.token, s.id, { status: 'allocated' }), 409, 'illegal-transition');
      expectProblem(await patchShipment(t, w.researcher.token, s.id, { status: 'packed' }), 409, 'illegal-transition');
      const detail = await shipmentDetail(t, w.researcher.token, s.id);
      expect(detail.status).toBe('packed');
      expect(detail.events).toHaveLength(2);
    });

    it('validates the body (400) and refuses a tracking number another parcel has (409)', async () => {
      const s = mugs[4]; // packed
      const bad: Array<[Record<string, unknown>, string[]]> = [
        [{ status: 'misplaced' }, ['status']],
        [{}, ['status']],
        [{ status: 'shipped', carrier: 'DHL' }, ['trackingNumber']],
        [{ status: 'shipped', trackingNumber: 'ABC123' }, ['carrier']],
        [{ status: 'cancelled', carrier: 'DHL', trackingNumber: 'ABC123' }, ['carrier']],
        [{ status: 'shipped', carrier: 'DHL', trackingNumber: ' ABC' }, ['trackingNumber']],
        [{ status: 'shipped', carrier: '', trackingNumber: 'ABC123' }, ['carrier']],
        [{ status: 'shipped', carrier: '   ', trackingNumber: 'ABC123' }, ['carrier']],
        [{ status: 'shipped', note: 'x'.repeat(1001) }, ['note']],
        [{ status: 'shipped', shippedAt: '2026-01-01T00:00:00Z' }, ['shippedAt']],
        [{ status: 'shipped', carrier: null, trackingNumber: null }, ['carrier', 'trackingNumber']],
        [{ status: 'shipped', carrier: 'DHL', trackingNumber: null }, ['trackingNumber']],
      ];
      for (const [body, fields] of bad) {
        const res = await patchShipment(t, w.researcher.token, s.id, body);
        expectProblem(res, 400);
        expect(errorFields(res)).toEqual(fields);
      }
      const taken = (await shipmentDetail(t, w.researcher.token, kettles[0].id)).trackingNumber!;
      expectProblem(
        await patchShipment(t, w.researcher.token, s.id, { status: 'shipped', carrier: 'DHL', trackingNumber: taken }),
        409,
        'tracking-number-taken',
      );
      expect((await shipmentDetail(t, w.researcher.token, s.id)).status).toBe('packed');
    });

    it('an unknown shipment is a 404; only researchers move shipments', async () => {
      expectProblem(await patchShipment(t, w.researcher.token, MISSING, { status: 'packed' }), 404, 'shipment-not-found');
      expectProblem(await patchShipment(t, w.researcher.token, 'nope', { status: 'packed' }), 400);
      expectProblem(await patchShipment(t, brandUser.token, mugs[4].id, { status: 'shipped' }), 403);
      expectProblem(await patchShipment(t, p(4).token, mugs[4].id, { status: 'shipped' }), 403);
      expectProblem(
        await t
          .http()
          .get(`${API}/shipments/${mugs[4].id}`)
          .set(...bearer(brandUser.token)),
        403,
      );
    });
  });

  it('the pick list keeps only what is still to pack', async () => {
    const rows = await pickListRows(t, w.researcher.token, c.study.id);
    expect(rows.every((r) => r.status === 'allocated' || r.status === 'packed')).toBe(true);
    const ids = new Set(rows.map((r) => r.shipmentId));
    for (const gone of [kettles[0], kettles[1], kettles[5], mugs[2], mugs[3], mugs[5], secrets[1]]) expect(ids.has(gone.id)).toBe(false);
    expect(ids.has(mugs[4].id)).toBe(true);
    const raw = await pickList(t, w.researcher.token, c.study.id);
    expect(readCsv(raw.text)).toHaveLength(rows.length + 1);
  });
});
