import { signCarrierPayload } from '@leadpanel/home-testing';
import { Clock } from '@leadpanel/platform';
import { createTestApp } from '../support/test-app';
import { carrierEvent, nowUnix, postCarrierEvent, ship, uniqueTracking } from './fulfilment-helpers';
import {
  API,
  CARRIER_SECRET,
  createHomeTestingTestApp,
  createProduct,
  dataSource,
  errorFields,
  expectProblem,
  getProduct,
  homeCohort,
  SETUP_TIMEOUT,
  type HomeCohort,
  type TestApp,
} from './home-testing-helpers';
import { allocate, mustPatch, shipmentDetail, shipmentTo, type Shipment } from './shipment-helpers';
import { studyWorld, type StudyWorld } from '../support/world';

describe('Home testing: the carrier webhook', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: HomeCohort; // six participants with an address
  let kettleId: string; // must come back
  /** one kettle shipment per participant */
  const shipments: Shipment[] = [];

  const carrierRows = async (eventId: string) =>
    (await dataSource(t).query(`SELECT event_id, tracking_number, status, shipment_id, outcome FROM carrier_events WHERE event_id = $1`, [
      eventId,
    ])) as Array<{ event_id: string; tracking_number: string; status: string; shipment_id: string | null; outcome: string }>;

  beforeAll(async () => {
    t = await createHomeTestingTestApp();
    w = await studyWorld(t);
    c = await homeCohort(t, w, { country: 'PT', participants: 6 });
    const kettle = await createProduct(t, w.researcher.token, w.brandId, { name: 'Kettle K2', unitsInStock: 6, requiresReturn: true });
    kettleId = kettle.id;
    await allocate(t, w.researcher.token, c.study.id, kettle.id);
    for (const p of c.participants) shipments.push(await shipmentTo(t, w.researcher.token, c.study.id, p, kettle.id));
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  describe('authentic events', () => {
    it('delivered moves a shipped parcel to delivered (applied), at the carrier’s time, with the event id in its history', async () => {
      const s = shipments[0];
      const tn = await ship(t, w.researcher.token, s);
      const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
      const event = carrierEvent(tn, 'delivered', { occurredAt });
      const res = await postCarrierEvent(t, event);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ eventId: event.eventId, firstDelivery: true, outcome: 'applied' });
      const detail = await shipmentDetail(t, w.researcher.token, s.id);
      expect(detail.status).toBe('delivered');
      expect(Date.parse(detail.deliveredAt!)).toBe(Date.parse(occurredAt));
      expect(detail.events.at(-1)).toMatchObject({
        from: 'shipped',
        to: 'delivered',
        source: 'carrier',
        actorUserId: null,
        carrierEventId: event.eventId,
      });
      expect(await carrierRows(event.eventId)).toEqual([
        { event_id: event.eventId, tracking_number: tn, status: 'delivered', shipment_id: s.id, outcome: 'applied' },
      ]);
    });

    it('the same eventId again answers 200 firstDelivery:false and has no second effect', async () => {
      const s = shipments[1];
      const tn = await ship(t, w.researcher.token, s);
      const event = carrierEvent(tn, 'delivered');
      expect((await postCarrierEvent(t, event)).body).toMatchObject({ firstDelivery: true, outcome: 'applied' });
      const eventsBefore = (await shipmentDetail(t, w.researcher.token, s.id)).events;
      // a replay of the very same request, and a re-signed retry a minute later
      const replay = await postCarrierEvent(t, event);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual({ eventId: event.eventId, firstDelivery: false, outcome: 'duplicate' });
      const retry = await postCarrierEvent(t, event, { unixSeconds: nowUnix(t) - 60 });
      expect(retry.body).toEqual({ eventId: event.eventId, firstDelivery: false, outcome: 'duplicate' });
      // even with another body: the event id is the key
      const changed = await postCarrierEvent(t, { ...event, status: 'exception' });
      expect(changed.body).toMatchObject({ firstDelivery: false, outcome: 'duplicate' });
      const after = await shipmentDetail(t, w.researcher.token, s.id);
      expect(after.status).toBe('delivered');
      expect(after.events).toEqual(eventsBefore);
      expect(await carrierRows(event.eventId)).toHaveLength(1);
    });

    it('an unknown tracking number is recorded as unmatched and answered 200', async () => {
      const event = carrierEvent(uniqueTracking('NOPE'), 'delivered');
      const res = await postCarrierEvent(t, event);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ eventId: event.eventId, firstDelivery: true, outcome: 'unmatched' });
      expect(await carrierRows(event.eventId)).toEqual([expect.objectContaining({ shipment_id: null, outcome: 'unmatched' })]);
    });

    it('in_transit on a shipped parcel and exception are recorded only; delivered after delivery changes nothing', async () => {
      const s = shipments[2];
      const tn = await ship(t, w.researcher.token, s);
      for (const status of ['in_transit', 'exception'] as const) {
        const event = carrierEvent(tn, status);
        expect((await postCarrierEvent(t, event)).body).toEqual({ eventId: event.eventId, firstDelivery: true, outcome: 'recorded' });
        expect(await carrierRows(event.eventId)).toEqual([expect.objectContaining({ shipment_id: s.id, outcome: 'recorded' })]);
      }
      expect((await shipmentDetail(t, w.researcher.token, s.id)).status).toBe('shipped');
      expect((await postCarrierEvent(t, carrierEvent(tn, 'delivered'))).body.outcome).toBe('applied');
      expect((await postCarrierEvent(t, carrierEvent(tn, 'delivered'))).body.outcome).toBe('recorded');
      const detail = await shipmentDetail(t, w.researcher.token, s.id);
      expect(detail.events.filter((e) => e.to === 'delivered')).toHaveLength(1);
    });

    it('returned completes a requested return (the unit comes back); on a delivered parcel it is only recorded', async () => {
      const s = shipments[3];
      const tn = await ship(t, w.researcher.token, s);
      expect((await postCarrierEvent(t, carrierEvent(tn, 'delivered'))).body.outcome).toBe('applied');
      expect((await postCarrierEvent(t, carrierEvent(tn, 'returned'))).body.outcome).toBe('recorded');
      expect((await shipmentDetail(t, w.researcher.token, s.id)).status).toBe('delivered');
      await mustPatch(t, w.researcher.token, s.id, { status: 'return_requested' });
      const stockBefore = (await getProduct(t, w.researcher.token, kettleId)).unitsInStock;
      const res = await postCarrierEvent(t, carrierEvent(tn, 'returned'));
      expect(res.body.outcome).toBe('applied');
      const detail = await shipmentDetail(t, w.researcher.token, s.id);
      expect(detail).toMatchObject({ status: 'returned', returnedAt: expect.any(String) });
      expect(detail.events.at(-1)).toMatchObject({ from: 'return_requested', to: 'returned', source: 'carrier' });
      expect((await getProduct(t, w.researcher.token, kettleId)).unitsInStock).toBe(stockBefore + 1);
    });

    it('a lost parcel is not brought back by a late delivered event', async () => {
      const s = shipments[4];
      const tn = await ship(t, w.researcher.token, s);
      await mustPatch(t, w.researcher.token, s.id, { status: 'lost' });
      expect((await postCarrierEvent(t, carrierEvent(tn, 'delivered'))).body.outcome).toBe('recorded');
      expect((await shipmentDetail(t, w.researcher.token, s.id)).status).toBe('lost');
    });

    it('an occurredAt in the future is not taken as the delivery time', async () => {
      const s = shipments[5];
      const tn = await ship(t, w.researcher.token, s);
      const before = Date.now();
      const res = await postCarrierEvent(t, carrierEvent(tn, 'delivered', { occurredAt: '2099-01-01T00:00:00Z' }));
      expect(res.body.outcome).toBe('applied');
      const deliveredAt = Date.parse((await shipmentDetail(t, w.researcher.token, s.id)).deliveredAt!);
      expect(deliveredAt).toBeGreaterThanOrEqual(before - 1000);
      expect(deliveredAt).toBeLessThanOrEqual(Date.now() + 1000);
    });
  });

  describe('refusals', () => {
    const anEvent = () => carrierEvent(uniqueTracking('REF'), 'in_transit');

    it('a wrong secret, an altered body, a missing or malformed header: 401, nothing recorded', async () => {
      const event = anEvent();
      const raw = JSON.stringify(event);
      const cases = [
        postCarrierEvent(t, event, { secret: 'not-the-secret' }),
        postCarrierEvent(t, raw.replace('in_transit', 'delivered'), { signedBody: raw }),
        postCarrierEvent(t, `${raw} `, { signedBody: raw }),
        postCarrierEvent(t, event, { signature: null }),
        postCarrierEvent(t, event, { signature: '' }),
        postCarrierEvent(t, event, { signature: 'garbage' }),
        postCarrierEvent(t, event, { signature: `t=${nowUnix(t)}` }),
        postCarrierEvent(t, event, { signature: `t=${nowUnix(t)},v1=${'0'.repeat(64)}` }),
        postCarrierEvent(t, event, { signature: `t=${nowUnix(t)},v1=zz` }),
        postCarrierEvent(t, event, { signature: `t=${nowUnix(t)},v1=${'a'.repeat(2000)}` }),
      ];
      for (const res of await Promise.all(cases)) expectProblem(res, 401, 'bad-signature');
      expect(await carrierRows(event.eventId)).toEqual([]);
    });

    it('a timestamp more than five minutes away is refused (401); the edge itself is accepted', async () => {
      // The server's clock is frozen so that a second boundary passing between requests cannot move the edge.
      const fixed = new Date();
      const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(fixed);
      try {
        const at = Math.floor(fixed.getTime() / 1000);
        expectProblem(await postCarrierEvent(t, anEvent(), { unixSeconds: at - 301 }), 401, 'bad-signature');
        expectProblem(await postCarrierEvent(t, anEvent(), { unixSeconds: at + 301 }), 401, 'bad-signature');
        expect((await postCarrierEvent(t, anEvent(), { unixSeconds: at - 300 })).status).toBe(200);
        expect((await postCarrierEvent(t, anEvent(), { unixSeconds: at + 300 })).status).toBe(200);
      } finally {
        spy.mockRestore();
      }
    });

    it('a request captured and replayed six minutes later is refused, even with a new event id', async () => {
      const signedAt = new Date();
      const unixSeconds = Math.floor(signedAt.getTime() / 1000);
      const event = anEvent();
      const first = await postCarrierEvent(t, event, { unixSeconds });
      expect(first.body).toMatchObject({ firstDelivery: true });
      const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(signedAt.getTime() + 6 * 60_000));
      try {
        expectProblem(await postCarrierEvent(t, event, { unixSeconds }), 401, 'bad-signature');
        const renamed = { ...event, eventId: `${event.eventId}-again` };
        expectProblem(await postCarrierEvent(t, renamed, { unixSeconds }), 401, 'bad-signature');
        expect(await carrierRows(renamed.eventId)).toEqual([]);
      } finally {
        spy.mockRestore();
      }
    });

    it('an authentic but invalid body is a 400 naming the fields, and nothing is recorded', async () => {
      const tn = uniqueTracking('BAD');
      // not JSON at all, or a JSON scalar: the JSON body parser refuses it first
      for (const raw of ['not json', 'null', '"delivered"', '{"eventId":']) expectProblem(await postCarrierEvent(t, raw), 400);
      const cases: Array<[string, string[]]> = [
        ['[1,2]', ['body']],
        [JSON.stringify({ trackingNumber: tn, status: 'delivered', occurredAt: new Date().toISOString() }), ['eventId']],
        [JSON.stringify(carrierEvent(tn, 'delivered', { status: 'teleported' as never })), ['status']],
        [JSON.stringify(carrierEvent(tn, 'delivered', { occurredAt: 'yesterday' })), ['occurredAt']],
        [JSON.stringify(carrierEvent(tn, 'delivered', { occurredAt: '2026-13-45T99:99:00Z' })), ['occurredAt']],
        [JSON.stringify(carrierEvent(tn, 'delivered', { occurredAt: '2026-03-01T10:00:00' })), ['occurredAt']],
        [JSON.stringify(carrierEvent('', 'delivered')), ['trackingNumber']],
        [JSON.stringify(carrierEvent(tn, 'delivered', { eventId: 'e'.repeat(201) })), ['eventId']],
        [JSON.stringify({ ...carrierEvent(tn, 'delivered'), eventId: 42 }), ['eventId']],
      ];
      for (const [raw, fields] of cases) {
        const res = await postCarrierEvent(t, raw);
        expectProblem(res, 400);
        expect(errorFields(res)).toEqual(fields);
      }
      const rows = (await dataSource(t).query(`SELECT 1 FROM carrier_events WHERE tracking_number = $1`, [tn])) as unknown[];
      expect(rows).toEqual([]);
    });

    it('a signed empty body, or one of another content type, is a 400, never a 500', async () => {
      const empty = await postCarrierEvent(t, '');
      expectProblem(empty, 400);
      const raw = JSON.stringify(anEvent());
      const asText = await t
        .http()
        .post(`${API}/webhooks/carrier`)
        .set('Content-Type', 'text/plain')
        .set('X-Leadpanel-Signature', signCarrierPayload(CARRIER_SECRET, nowUnix(t), Buffer.from(raw)))
        .send(raw);
      expect(asText.status).toBe(200);
      const noType = await t
        .http()
        .post(`${API}/webhooks/carrier`)
        .set('X-Leadpanel-Signature', signCarrierPayload(CARRIER_SECRET, nowUnix(t), Buffer.alloc(0)));
      expectProblem(noType, 400);
    });
  });
});

/** The embedded database belongs to one app at a time: this app opens after the one above closed. */
describe('Home testing: the carrier webhook without a secret', () => {
  let bare: TestApp;

  beforeAll(async () => {
    bare = await createTestApp();
  });
  afterAll(async () => {
    await bare.close();
  });

  it('answers 503 when CARRIER_WEBHOOK_SECRET is not set', async () => {
    const raw = JSON.stringify(carrierEvent(uniqueTracking(), 'delivered'));
    const res = await bare
      .http()
      .post(`${API}/webhooks/carrier`)
      .set('Content-Type', 'application/json')
      .set('X-Leadpanel-Signature', signCarrierPayload(CARRIER_SECRET, nowUnix(bare), Buffer.from(raw)))
      .send(raw);
    expectProblem(res, 503, 'webhook-not-configured');
  });
});
