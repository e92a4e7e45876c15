import { carrierEvent, postCarrierEvent, ship } from './fulfilment-helpers';
import {
  API,
  bearer,
  createHomeTestingTestApp,
  createProduct,
  createUsageSurvey,
  dataSource,
  DAY,
  eventually,
  expectProblem,
  getProduct,
  homeCohort,
  mailTo,
  MISSING,
  myAssignmentOf,
  outboxRows,
  SETUP_TIMEOUT,
  settle,
  stockMovements,
  type HomeCohort,
  type Panellist,
  type Product,
  type TestApp,
} from './home-testing-helpers';
import { allocate, asPanellist, mustPatch, patchShipment, shipmentDetail, shipmentTo, type Shipment } from './shipment-helpers';
import type { Survey } from '../surveys/survey-helpers';
import { studyWorld, type StudyWorld } from '../support/world';
import { erase, exportOf } from '../support/data-rights';

const USAGE_TOPIC = 'home-testing.usage-survey';

describe('Home testing: the participant’s side (shipments, NDA, receipt, usage survey, data rights)', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: HomeCohort; // five participants with an address
  let bystander: Panellist; // in the panel, in no study
  let gadgetSurvey: Survey;
  let kettleSurvey: Survey;
  let mugSurvey: Survey;
  let gadget: Product; // NDA v2, usage survey right at delivery
  let kettle: Product; // usage survey right at delivery
  let mug: Product; // usage survey 14 days after delivery

  const p = (i: number): Panellist => c.participants[i];
  const shipmentOf = (i: number, product: Product): Promise<Shipment> => shipmentTo(t, w.researcher.token, c.study.id, p(i), product.id);
  const assignmentsOf = async (q: Panellist, surveyId: string) => {
    const res = await t
      .http()
      .get(`${API}/me/assignments?limit=100`)
      .set(...bearer(q.token));
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ surveyId: string }>).filter((a) => a.surveyId === surveyId);
  };

  beforeAll(async () => {
    t = await createHomeTestingTestApp();
    w = await studyWorld(t);
    c = await homeCohort(t, w, { country: 'IT', participants: 5, title: 'Gadgets at home', invitedOnly: 1 });
    bystander = c.invitedOnly[0];
    gadgetSurvey = await createUsageSurvey(t, w.researcher.token, { title: 'Your first days with the gadget' });
    kettleSurvey = await createUsageSurvey(t, w.researcher.token, { title: 'Your first days with the kettle' });
    mugSurvey = await createUsageSurvey(t, w.researcher.token, { title: 'Two weeks with the mug' });
    gadget = await createProduct(t, w.researcher.token, w.brandId, {
      name: 'Gadget G1',
      unitsInStock: 5,
      ndaRequired: true,
      ndaVersion: 'v2',
      ndaTerms: 'Say nothing about the gadget until launch.',
      usageSurveyId: gadgetSurvey.id,
      usageDays: 0,
    });
    kettle = await createProduct(t, w.researcher.token, w.brandId, { name: 'Kettle K2', unitsInStock: 5, usageSurveyId: kettleSurvey.id });
    mug = await createProduct(t, w.researcher.token, w.brandId, {
      name: 'Travel mug',
      unitsInStock: 5,
      usageSurveyId: mugSurvey.id,
      usageDays: 14,
    });
    for (const product of [gadget, kettle, mug]) await allocate(t, w.researcher.token, c.study.id, product.id);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  describe('GET /me/shipments', () => {
    it('lists my shipments only, newest first, with what I need to know about the product', async () => {
      const res = await asPanellist(t, p(0)).shipments('limit=100');
      expect(res.status).toBe(200);
      const items = res.body.items as Shipment[];
      expect(items).toHaveLength(3);
      expect(items.every((s) => s.panellistId === p(0).id)).toBe(true);
      expect(items.map((s) => s.product.name)).toEqual(['Travel mug', 'Kettle K2', 'Gadget G1']);
      expect(items[2]).toMatchObject({
        studyId: c.study.id,
        status: 'allocated',
        product: { ndaRequired: true, ndaVersion: 'v2', ndaTerms: 'Say nothing about the gadget until launch.' },
        address: { line1: '0 rue des Testeurs', city: 'Paris' },
        readyToShip: false,
        ndaAcceptedAt: null,
      });
      const ofOthers = new Set((await Promise.all([1, 2].map((i) => shipmentOf(i, kettle)))).map((s) => s.id));
      expect(items.some((s) => ofOthers.has(s.id))).toBe(false);
    });

    it('pages with a cursor; someone without shipments gets an empty page', async () => {
      const first = await asPanellist(t, p(0)).shipments('limit=2');
      expect(first.body.items).toHaveLength(2);
      const second = await asPanellist(t, p(0)).shipments(`limit=2&cursor=${encodeURIComponent(first.body.nextCursor as string)}`);
      expect(second.body).toEqual({
        items: [expect.objectContaining({ product: expect.objectContaining({ name: 'Gadget G1' }) })],
        nextCursor: null,
      });
      expect((await asPanellist(t, bystander).shipments()).body).toEqual({ items: [], nextCursor: null });
    });

    it('is for panellists: anonymous 401, researcher 403', async () => {
      expectProblem(await t.http().get(`${API}/me/shipments`), 401);
      expectProblem(
        await t
          .http()
          .get(`${API}/me/shipments`)
          .set(...bearer(w.researcher.token)),
        403,
      );
      expectProblem(await asPanellist(t, p(0)).shipments('limit=1000'), 400);
    });
  });

  describe('POST /me/shipments/:id/nda', () => {
    it('records when and which version I accepted; accepting again changes nothing', async () => {
      const s = await shipmentOf(0, gadget);
      expectProblem(await asPanellist(t, p(0)).acceptNda(s.id, { version: 'v1' }), 409, 'nda-version-changed');
      expect((await shipmentDetail(t, w.researcher.token, s.id)).ndaAcceptedAt).toBeNull();
      const res = await asPanellist(t, p(0)).acceptNda(s.id, { version: 'v2' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: s.id, ndaAcceptedAt: expect.any(String), ndaVersion: 'v2', readyToShip: true });
      const again = await asPanellist(t, p(0)).acceptNda(s.id);
      expect(again.status).toBe(200);
      expect(again.body.ndaAcceptedAt).toBe(res.body.ndaAcceptedAt);
      expect(again.body.ndaVersion).toBe('v2');
      expect(await shipmentDetail(t, w.researcher.token, s.id)).toMatchObject({ ndaAcceptedAt: res.body.ndaAcceptedAt, readyToShip: true });
    });

    it('a product without an NDA is a 422; someone else’s shipment or an unknown one a 404; a cancelled one a 409', async () => {
      expectProblem(await asPanellist(t, p(1)).acceptNda((await shipmentOf(1, kettle)).id), 422, 'nda-not-required');
      const theirs = await shipmentOf(2, gadget);
      expectProblem(await asPanellist(t, p(1)).acceptNda(theirs.id), 404, 'shipment-not-found');
      expect((await shipmentDetail(t, w.researcher.token, theirs.id)).ndaAcceptedAt).toBeNull();
      expectProblem(await asPanellist(t, p(1)).acceptNda(MISSING), 404, 'shipment-not-found');
      const cancelled = await shipmentOf(4, gadget);
      await mustPatch(t, w.researcher.token, cancelled.id, { status: 'cancelled' });
      expectProblem(await asPanellist(t, p(4)).acceptNda(cancelled.id), 409, 'illegal-transition');
    });

    it('validates the body and the id (400); only panellists accept (403)', async () => {
      const s = await shipmentOf(1, gadget);
      expectProblem(await asPanellist(t, p(1)).acceptNda(s.id, { version: 'v'.repeat(51) }), 400);
      expectProblem(await asPanellist(t, p(1)).acceptNda(s.id, { version: 2 }), 400);
      expectProblem(await asPanellist(t, p(1)).acceptNda(s.id, { version: null }), 400);
      expectProblem(await asPanellist(t, p(1)).acceptNda(s.id, { accepted: true }), 400);
      expectProblem(await asPanellist(t, p(1)).acceptNda('nope'), 400);
      expectProblem(
        await t
          .http()
          .post(`${API}/me/shipments/${s.id}/nda`)
          .set(...bearer(w.researcher.token)),
        403,
      );
      expectProblem(await t.http().post(`${API}/me/shipments/${s.id}/nda`), 401);
      expect((await shipmentDetail(t, w.researcher.token, s.id)).ndaAcceptedAt).toBeNull();
    });
  });

  describe('POST /me/shipments/:id/received and the usage survey', () => {
    it('before the parcel left: 409 NOT_YET_SHIPPED', async () => {
      const s = await shipmentOf(0, kettle);
      expectProblem(await asPanellist(t, p(0)).received(s.id), 409, 'not-yet-shipped');
      await mustPatch(t, w.researcher.token, s.id, { status: 'packed' });
      expectProblem(await asPanellist(t, p(0)).received(s.id), 409, 'not-yet-shipped');
      expect((await shipmentDetail(t, w.researcher.token, s.id)).status).toBe('packed');
    });

    it('my receipt marks the parcel delivered; the usage survey appears for me with an e-mail, once, however delivery is reported', async () => {
      const s = await shipmentOf(0, gadget); // NDA accepted above
      const tn = await ship(t, w.researcher.token, s);
      const res = await asPanellist(t, p(0)).received(s.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: s.id, status: 'delivered', deliveredAt: expect.any(String) });
      const detail = await shipmentDetail(t, w.researcher.token, s.id);
      expect(detail.events.at(-1)).toMatchObject({ from: 'shipped', to: 'delivered', source: 'panellist', actorUserId: p(0).id });

      const assignment = await eventually('the usage survey assignment', () => myAssignmentOf(t, p(0), gadgetSurvey.id));
      expect(assignment).toMatchObject({
        studyId: c.study.id,
        title: 'Your first days with the gadget',
        kind: 'usage',
        status: 'assigned',
      });
      expect(Date.parse(assignment.dueAt) - Date.now()).toBeGreaterThan(6 * DAY);
      const mail = await mailTo(t, p(0).email, 'A survey is waiting for you: Your first days with the gadget');
      expect(mail.text).toContain('Gadgets at home');

      // delivery reported again, by the panellist and by the carrier
      const again = await asPanellist(t, p(0)).received(s.id);
      expect(again.status).toBe(200);
      expect(again.body.deliveredAt).toBe(res.body.deliveredAt);
      const webhook = await postCarrierEvent(t, carrierEvent(tn, 'delivered'));
      expect(webhook.body).toMatchObject({ firstDelivery: true, outcome: 'recorded' });
      expectProblem(await patchShipment(t, w.researcher.token, s.id, { status: 'delivered' }), 409, 'illegal-transition');
      await settle();
      expect(await assignmentsOf(p(0), gadgetSurvey.id)).toHaveLength(1);
      expect(t.smtp.to(p(0).email).filter((m) => m.subject.startsWith('A survey is waiting for you'))).toHaveLength(1);
      expect((await shipmentDetail(t, w.researcher.token, s.id)).events.filter((e) => e.to === 'delivered')).toHaveLength(1);
      expect(await outboxRows(t, [`usage-survey:${s.id}`])).toHaveLength(1);

      // and I can answer it
      const submitted = await t
        .http()
        .post(`${API}/me/assignments/${assignment.id}/submit`)
        .set(...bearer(p(0).token))
        .send({ answers: { daily: 4, comment: 'Works well' } });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
    });

    it('a delivery the carrier reports first sets the survey off too; my receipt afterwards changes nothing', async () => {
      const s = await shipmentOf(1, kettle);
      const tn = await ship(t, w.researcher.token, s);
      expect((await postCarrierEvent(t, carrierEvent(tn, 'delivered'))).body.outcome).toBe('applied');
      await eventually('the kettle survey', () => myAssignmentOf(t, p(1), kettleSurvey.id));
      const receipt = await asPanellist(t, p(1)).received(s.id);
      expect(receipt.status).toBe(200);
      expect(receipt.body.status).toBe('delivered');
      await settle();
      expect(await assignmentsOf(p(1), kettleSurvey.id)).toHaveLength(1);
    });

    it('a researcher marking the parcel delivered sets the survey off as well', async () => {
      const s = await shipmentOf(2, kettle);
      await ship(t, w.researcher.token, s);
      await mustPatch(t, w.researcher.token, s.id, { status: 'delivered', note: 'confirmed by phone' });
      await eventually('the kettle survey', () => myAssignmentOf(t, p(2), kettleSurvey.id));
    });

    it('with usageDays 14 the survey is scheduled 14 days after delivery, not before', async () => {
      const s = await shipmentOf(2, mug);
      await ship(t, w.researcher.token, s);
      const delivered = await asPanellist(t, p(2)).received(s.id);
      expect(delivered.status).toBe(200);
      const [row] = await outboxRows(t, [`usage-survey:${s.id}`]);
      expect(row).toMatchObject({ topic: USAGE_TOPIC, status: 'pending', payload: { shipmentId: s.id }, subjectId: p(2).id });
      expect(row.availableAt.getTime()).toBe(Date.parse(delivered.body.deliveredAt as string) + 14 * DAY);
      await settle();
      expect(await myAssignmentOf(t, p(2), mugSurvey.id)).toBeUndefined();

      // fourteen days later
      await dataSource(t).query(`UPDATE outbox_messages SET available_at = now() WHERE dedupe_key = $1`, [`usage-survey:${s.id}`]);
      await eventually('the mug survey', () => myAssignmentOf(t, p(2), mugSurvey.id));
    });

    it('someone else’s or an unknown shipment is a 404; a lost parcel cannot be received (409); researchers 403', async () => {
      const s = await shipmentOf(3, kettle);
      expectProblem(await asPanellist(t, p(1)).received(s.id), 404, 'shipment-not-found');
      expectProblem(await asPanellist(t, p(1)).received(MISSING), 404, 'shipment-not-found');
      expectProblem(await asPanellist(t, p(1)).received('nope'), 400);
      expectProblem(
        await t
          .http()
          .post(`${API}/me/shipments/${s.id}/received`)
          .set(...bearer(w.researcher.token)),
        403,
      );
      await ship(t, w.researcher.token, s);
      await mustPatch(t, w.researcher.token, s.id, { status: 'lost' });
      expectProblem(await asPanellist(t, p(3)).received(s.id), 409, 'illegal-transition');
      expect((await shipmentDetail(t, w.researcher.token, s.id)).status).toBe('lost');
      await settle();
      expect(await myAssignmentOf(t, p(3), kettleSurvey.id)).toBeUndefined();
    });
  });

  describe('personal data', () => {
    it('my export holds my shipments', async () => {
      const shipments = (await exportOf(t, p(0).token)).shipments as Array<Record<string, unknown>>;
      expect(shipments).toHaveLength(3);
      expect(shipments).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            status: 'delivered',
            product: expect.objectContaining({ name: 'Gadget G1' }),
            address: expect.objectContaining({ line1: '0 rue des Testeurs' }),
            ndaVersion: 'v2',
          }),
        ]),
      );
      const others = await shipmentOf(1, kettle);
      expect(JSON.stringify(shipments)).not.toContain(others.id);
    });

    it('erasure cancels what has not left (stock back) and blanks every address copy; pending usage surveys are cancelled', async () => {
      const q = p(3);
      const notShipped = await shipmentOf(3, gadget); // allocated
      const lost = await shipmentTo(t, w.researcher.token, c.study.id, q, kettle.id); // lost above
      const delivered = await shipmentOf(3, mug);
      await ship(t, w.researcher.token, delivered);
      await asPanellist(t, q).received(delivered.id);
      expect((await outboxRows(t, [`usage-survey:${delivered.id}`]))[0].status).toBe('pending');
      const stockBefore = (await getProduct(t, w.researcher.token, gadget.id)).unitsInStock;

      expect((await erase(t, q.token)).status).toBe(204);

      expect((await getProduct(t, w.researcher.token, gadget.id)).unitsInStock).toBe(stockBefore + 1);
      const [movement] = await stockMovements(t, w.researcher.token, gadget.id);
      expect(movement).toMatchObject({ kind: 'cancellation', delta: 1, shipmentId: notShipped.id });
      const afterCancel = await shipmentDetail(t, w.researcher.token, notShipped.id);
      expect(afterCancel.status).toBe('cancelled');
      expect(afterCancel.events.at(-1)).toMatchObject({ from: 'allocated', to: 'cancelled', note: 'panellist erased' });
      expect((await shipmentDetail(t, w.researcher.token, lost.id)).status).toBe('lost');
      expect((await shipmentDetail(t, w.researcher.token, delivered.id)).status).toBe('delivered');
      for (const id of [notShipped.id, lost.id, delivered.id]) {
        const d = await shipmentDetail(t, w.researcher.token, id);
        expect(JSON.stringify(d.address)).not.toContain('rue des Testeurs');
        expect(d.address.recipientName).not.toBe(q.displayName);
        expect(d.address.phone).toBeNull();
      }
      expect((await outboxRows(t, [`usage-survey:${delivered.id}`]))[0].status).toBe('cancelled');
      const pick = await t
        .http()
        .get(`${API}/studies/${c.study.id}/shipments/pick-list.csv`)
        .set(...bearer(w.researcher.token));
      expect(pick.text).not.toContain(notShipped.id);
    });
  });
});
