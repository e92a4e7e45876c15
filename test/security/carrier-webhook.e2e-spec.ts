import { createHmac } from 'node:crypto';
import { carrierEvent, nowUnix, postCarrierEvent, uniqueTracking } from '../home-testing/fulfilment-helpers';
import { dataSource, expectProblem } from '../panel/panel-helpers';
import { createTestApp, type TestApp } from '../support/test-app';

const OLD_SECRET = 'carrier-secret-of-last-quarter-0001';
const NEW_SECRET = 'carrier-secret-of-this-quarter-0002';

const v1 = (secret: string, t: number, raw: string): string => createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex');

/**
 * Rotating CARRIER_WEBHOOK_SECRET without losing events: while the carrier signs every
 * request with both secrets (several `v1`), the operator switches the variable to the new
 * one. Signatures, the five-minute window, replays and duplicates are proven in
 * test/home-testing/carrier-webhook.e2e-spec.ts and the verifier's unit spec.
 */
describe('Security: carrier webhook secret rotation (CARRIER_WEBHOOK_SECRET = the new secret)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CARRIER_WEBHOOK_SECRET: NEW_SECRET });
  });
  afterAll(async () => {
    await t?.close();
  });

  const recorded = async (eventId: string) =>
    ((await dataSource(t).query(`SELECT 1 FROM carrier_events WHERE event_id = $1`, [eventId])) as unknown[]).length;

  it('accepts a request signed with the old and the new secret, in either order; its replay within the window has no second effect', async () => {
    for (const order of [
      [OLD_SECRET, NEW_SECRET],
      [NEW_SECRET, OLD_SECRET],
    ]) {
      const event = carrierEvent(uniqueTracking('ROT'), 'in_transit');
      const raw = JSON.stringify(event);
      const ts = nowUnix(t);
      const signature = `t=${ts},${order.map((s) => `v1=${v1(s, ts, raw)}`).join(',')}`;
      const first = await postCarrierEvent(t, raw, { signature });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ eventId: event.eventId, firstDelivery: true });
      const replay = await postCarrierEvent(t, raw, { signature });
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ eventId: event.eventId, firstDelivery: false });
      expect(await recorded(event.eventId)).toBe(1);
    }
  });

  it('refuses a request signed only with the retired secret (401), and records nothing', async () => {
    const event = carrierEvent(uniqueTracking('ROT'), 'in_transit');
    const raw = JSON.stringify(event);
    const ts = nowUnix(t);
    expectProblem(await postCarrierEvent(t, raw, { signature: `t=${ts},v1=${v1(OLD_SECRET, ts, raw)}` }), 401, 'bad-signature');
    expectProblem(
      await postCarrierEvent(t, raw, { signature: `t=${ts},v1=${v1(OLD_SECRET, ts, raw)},v1=${v1('yet-another-secret', ts, raw)}` }),
      401,
      'bad-signature',
    );
    expect(await recorded(event.eventId)).toBe(0);
  });
});
