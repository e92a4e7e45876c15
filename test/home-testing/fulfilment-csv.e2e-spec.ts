import { fulfilmentWorld, importTracking, pickList, pickListRows, postTracking, uniqueTracking } from './fulfilment-helpers';
import {
  API,
  errorFields,
  expectProblem,
  mailTo,
  MISSING,
  SETUP_TIMEOUT,
  type HomeCohort,
  type Panellist,
  type Product,
  type TestApp,
  type TestUser,
} from './home-testing-helpers';
import { shipmentDetail, type Shipment } from './shipment-helpers';
import { type StudyWorld } from '../support/world';

const PICK_LIST_HEADER =
  'shipmentId,status,sku,productName,readyToShip,recipientName,addressLine1,addressLine2,postalCode,city,country,phone,carrier,trackingNumber';

// The warehouse's CSV files: the pick list it downloads and the tracking numbers it sends back. Each test group
// here needs only a fresh world (fulfilmentWorld); the JSON import, the NDA gate and the moves, which build on
// one another, are in fulfilment.e2e-spec.ts.
describe('Home testing: fulfilment (pick list, tracking import, moves, NDA gate, returns)', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: HomeCohort; // six participants, all with an address
  let kettle: Product; // must come back
  let secret: Product; // NDA
  let brandUser: TestUser;
  /** shipments of each product, by participant index */
  let kettles: Shipment[];
  let secrets: Shipment[];
  let mugs: Shipment[];
  let foreign: Shipment;

  const p = (i: number): Panellist => c.participants[i];

  beforeAll(async () => {
    ({ t, w, brandUser, c, kettle, secret, kettles, secrets, mugs, foreign } = await fulfilmentWorld());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  describe('GET /studies/:id/shipments/pick-list.csv', () => {
    it('is a UTF-8 CSV with a BOM, the documented header and one row per allocated shipment', async () => {
      const res = await pickList(t, w.researcher.token, c.study.id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="pick-list\.csv"/);
      expect(res.text.startsWith('\uFEFF')).toBe(true);
      expect(res.text.slice(1).split('\r\n')[0]).toBe(PICK_LIST_HEADER);
      const rows = await pickListRows(t, w.researcher.token, c.study.id);
      expect(rows).toHaveLength(18);
      expect(new Set(rows.map((r) => r.shipmentId))).toEqual(new Set([...kettles, ...secrets, ...mugs].map((s) => s.id)));
      const row = rows.find((r) => r.shipmentId === kettles[2].id)!;
      expect(row).toEqual({
        shipmentId: kettles[2].id,
        status: 'allocated',
        sku: kettle.sku,
        productName: 'Kettle K2',
        readyToShip: 'yes',
        recipientName: p(2).displayName,
        addressLine1: '2 rue des Testeurs',
        addressLine2: '',
        postalCode: '75011',
        city: 'Paris',
        country: 'FR',
        phone: '',
        carrier: '',
        trackingNumber: '',
      });
      // no shipment of another study
      expect(rows.some((r) => r.shipmentId === foreign.id)).toBe(false);
    });

    it('neutralises cells a spreadsheet would run as a formula', async () => {
      const rows = await pickListRows(t, w.researcher.token, c.study.id);
      const ofFirst = rows.find((r) => r.shipmentId === kettles[0].id)!;
      expect(ofFirst.addressLine1).toBe(`'=HYPERLINK("http://x")`);
      expect(ofFirst.phone).toBe(`'+49 30 123456`);
      const ofSecond = rows.find((r) => r.shipmentId === kettles[1].id)!;
      expect(ofSecond.recipientName).toBe(`'@Attacker`);
      const raw = (await pickList(t, w.researcher.token, c.study.id)).text;
      expect(raw).not.toMatch(/(^|[,\r\n])"?[=@]/);
    });

    it('tells the warehouse which NDA parcels cannot leave yet, and filters by product', async () => {
      const rows = await pickListRows(t, w.researcher.token, c.study.id, `productId=${secret.id}`);
      expect(rows).toHaveLength(6);
      for (const r of rows) expect(r).toMatchObject({ productName: 'Secret kettle', readyToShip: 'no (NDA not accepted)' });
    });

    it('answers 400 for a bad filter, 404 for an unknown study, 403 for a brand user', async () => {
      expectProblem(await pickList(t, w.researcher.token, c.study.id, 'productId=nope'), 400);
      expectProblem(await pickList(t, w.researcher.token, MISSING), 404);
      expectProblem(await pickList(t, brandUser.token, c.study.id), 403);
      expectProblem(await t.http().get(`${API}/studies/${c.study.id}/shipments/pick-list.csv`), 401);
    });
  });

  describe('POST /studies/:id/shipments/tracking (CSV)', () => {
    it('ships the good records; errors name the record number, the header being 1', async () => {
      const t7 = uniqueTracking('LP');
      const t9 = uniqueTracking('UP');
      const csv = [
        'shipmentId,carrier,trackingNumber',
        `${kettles[2].id},"La Poste, Colissimo",${t7}`, // 2 good, a quoted comma
        `${kettles[3].id},DHL`, // 3
        '', // 4 blank
        `${kettles[4].id},DHL,${uniqueTracking()},extra`, // 5
        ` ${kettles[4].id} , UPS , ${t9} `, // 6 good, trimmed
        `${kettles[5].id},"DHL,${uniqueTracking()}`, // 7 unclosed quote, to the end
      ].join('\r\n');
      const res = await postTracking(t, w.researcher.token, c.study.id, csv);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        updated: 2,
        errors: [
          { row: 3, reason: 'missing_field' },
          { row: 5, reason: 'extra_field' },
          { row: 7, reason: 'bad_quoting' },
        ],
      });
      expect(await shipmentDetail(t, w.researcher.token, kettles[2].id)).toMatchObject({
        status: 'shipped',
        carrier: 'La Poste, Colissimo',
        trackingNumber: t7,
      });
      expect(await shipmentDetail(t, w.researcher.token, kettles[4].id)).toMatchObject({
        status: 'shipped',
        carrier: 'UPS',
        trackingNumber: t9,
      });
      expect((await shipmentDetail(t, w.researcher.token, kettles[3].id)).status).toBe('allocated');
      const mail = await mailTo(t, p(2).email, 'Your Kettle K2 sample is on its way');
      expect(mail.text).toContain('La Poste, Colissimo');
    });

    it('reports unknown shipments, takes a BOM, LF line ends and text/plain; re-sent records are skipped quietly', async () => {
      const t8 = uniqueTracking('GL');
      const csv = `\uFEFFshipmentId,carrier,trackingNumber\n${mugs[0].id},GLS,${t8}\n${MISSING},GLS,${uniqueTracking()}\nnot-an-id,GLS,${uniqueTracking()}\n`;
      const res = await postTracking(t, w.researcher.token, c.study.id, csv, 'text/plain; charset=utf-8');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        updated: 1,
        errors: [
          { row: 3, shipmentId: MISSING, reason: 'unknown_shipment' },
          { row: 4, shipmentId: 'not-an-id', reason: 'bad_shipment_id' },
        ],
      });
      const again = await postTracking(
        t,
        w.researcher.token,
        c.study.id,
        `shipmentId,carrier,trackingNumber\r\n${mugs[0].id},GLS,${t8}\r\n`,
      );
      expect(again.body).toEqual({ updated: 0, errors: [] });
    });

    it('a file with a wrong or missing header is a 400 and ships nothing', async () => {
      for (const csv of [
        `shipment,carrier,tracking\r\n${kettles[5].id},DHL,${uniqueTracking()}\r\n`,
        `${kettles[5].id},DHL,${uniqueTracking()}\r\n`,
        'carrier,shipmentId,trackingNumber\r\n',
        '',
        '\r\n\r\n',
      ]) {
        const res = await postTracking(t, w.researcher.token, c.study.id, csv);
        expectProblem(res, 400);
        expect(errorFields(res)).toEqual(['body']);
      }
      expect((await shipmentDetail(t, w.researcher.token, kettles[5].id)).status).toBe('allocated');
      expect(await importTracking(t, w.researcher.token, c.study.id, 'shipmentId,carrier,trackingNumber\r\n')).toEqual({
        updated: 0,
        errors: [],
      });
    });
  });
});
