import {
  API,
  bearer,
  createBrand,
  createHomeTestingTestApp,
  createProduct,
  createUsageSurvey,
  errorFields,
  expectProblem,
  getProduct,
  MISSING,
  postProduct,
  productBody,
  stockMovements,
  studyBody,
  uniqueSku,
  UUID,
  type TestApp,
  type TestUser,
} from './home-testing-helpers';
import { createStudy } from '../studies/studies-helpers';

describe('Home testing: products and stock', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandA: string;
  let brandB: string;
  let brandUserA: TestUser;

  beforeAll(async () => {
    t = await createHomeTestingTestApp();
    researcher = await t.staff('researcher');
    brandA = (await createBrand(t, 'kettles')).id;
    brandB = (await createBrand(t, 'toasters')).id;
    brandUserA = await t.staff('brand', brandA);
  });
  afterAll(async () => {
    await t.close();
  });

  const move = (token: string, productId: string, body: unknown) =>
    t
      .http()
      .post(`${API}/products/${productId}/stock-movements`)
      .set(...bearer(token))
      .send(body as object);

  describe('POST /products', () => {
    it('creates a product (201) whose initial stock is the first logged movement', async () => {
      const res = await postProduct(
        t,
        researcher.token,
        productBody(brandA, {
          sku: 'KTL-2-BLK',
          name: '  Kettle K2 black  ',
          description: 'A 1.2 l travel kettle',
          unitsInStock: 12,
          requiresReturn: true,
          usageDays: 14,
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        brandId: brandA,
        sku: 'KTL-2-BLK',
        name: 'Kettle K2 black',
        description: 'A 1.2 l travel kettle',
        unitsInStock: 12,
        requiresReturn: true,
        ndaRequired: false,
        ndaVersion: null,
        ndaTerms: null,
        usageDays: 14,
        usageSurveyId: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await getProduct(t, researcher.token, res.body.id as string)).toEqual(res.body);
      const movements = await stockMovements(t, researcher.token, res.body.id as string);
      expect(movements).toEqual([
        expect.objectContaining({ delta: 12, stockAfter: 12, kind: 'initial', actorUserId: researcher.id, shipmentId: null }),
      ]);
    });

    it('a product without stock logs no movement', async () => {
      const p = await createProduct(t, researcher.token, brandA, { unitsInStock: 0 });
      expect(p.unitsInStock).toBe(0);
      expect(await stockMovements(t, researcher.token, p.id)).toEqual([]);
    });

    it('an NDA product records the NDA version (1 by default) and its terms', async () => {
      const byDefault = await createProduct(t, researcher.token, brandA, { ndaRequired: true, ndaTerms: 'Tell no one.' });
      expect(byDefault).toMatchObject({ ndaRequired: true, ndaVersion: '1', ndaTerms: 'Tell no one.' });
      const versioned = await createProduct(t, researcher.token, brandA, { ndaRequired: true, ndaVersion: '2026-03' });
      expect(versioned).toMatchObject({ ndaRequired: true, ndaVersion: '2026-03', ndaTerms: null });
    });

    it('a SKU is unique within a brand, whatever its case (409), and free in another brand', async () => {
      const sku = uniqueSku('DUP');
      await createProduct(t, researcher.token, brandA, { sku });
      const again = await postProduct(t, researcher.token, productBody(brandA, { sku: sku.toLowerCase() }));
      expectProblem(again, 409, 'sku-taken');
      expect(again.body.detail).toContain(sku.toLowerCase());
      const elsewhere = await postProduct(t, researcher.token, productBody(brandB, { sku }));
      expect(elsewhere.status).toBe(201);
      expect(elsewhere.body.brandId).toBe(brandB);
    });

    it('an unknown brand is a 422', async () => {
      expectProblem(await postProduct(t, researcher.token, productBody(MISSING)), 422, 'brand-not-found');
    });

    it('takes a published usage survey of no study or of a study of the same brand', async () => {
      const loose = await createUsageSurvey(t, researcher.token);
      const withLoose = await createProduct(t, researcher.token, brandA, { usageSurveyId: loose.id });
      expect(withLoose.usageSurveyId).toBe(loose.id);

      const study = await createStudy(t, researcher.token, studyBody(brandA, { title: 'Kettle study' }));
      const ofStudy = await createUsageSurvey(t, researcher.token, { studyId: study.id });
      const withStudy = await createProduct(t, researcher.token, brandA, { usageSurveyId: ofStudy.id.toUpperCase() });
      expect(withStudy.usageSurveyId).toBe(ofStudy.id);
    });

    it('refuses an unfit usage survey (422): not usage, not published, of another brand’s study, or unknown', async () => {
      const beta = await createUsageSurvey(t, researcher.token, { kind: 'beta' });
      const draft = await createUsageSurvey(t, researcher.token, { publish: false });
      const otherStudy = await createStudy(t, researcher.token, studyBody(brandB, { title: 'Toaster study' }));
      const ofOtherBrand = await createUsageSurvey(t, researcher.token, { studyId: otherStudy.id });
      for (const usageSurveyId of [beta.id, draft.id, ofOtherBrand.id, MISSING]) {
        const res = await postProduct(t, researcher.token, productBody(brandA, { usageSurveyId }));
        expectProblem(res, 422, 'usage-survey-unfit');
      }
    });

    it('validates the body: 400 naming the fields, never a 500', async () => {
      const bad: Array<[Record<string, unknown>, string[]]> = [
        [{ ...productBody(brandA), sku: '-starts-with-dash' }, ['sku']],
        [{ ...productBody(brandA), sku: 'has space' }, ['sku']],
        [{ ...productBody(brandA), sku: 'x'.repeat(65) }, ['sku']],
        [{ ...productBody(brandA), name: '' }, ['name']],
        [{ ...productBody(brandA), name: '   ' }, ['name']],
        [{ ...productBody(brandA), unitsInStock: -1 }, ['unitsInStock']],
        [{ ...productBody(brandA), unitsInStock: 1.5 }, ['unitsInStock']],
        [{ ...productBody(brandA), usageDays: 366 }, ['usageDays']],
        [{ ...productBody(brandA), usageDays: -1 }, ['usageDays']],
        [{ ...productBody(brandA), requiresReturn: 'yes' }, ['requiresReturn']],
        [{ ...productBody(brandA), brandId: 'not-a-uuid' }, ['brandId']],
        [{ ...productBody(brandA), usageSurveyId: 'nope' }, ['usageSurveyId']],
        [{ ...productBody(brandA), price: 12 }, ['price']],
        [{ brandId: brandA }, ['name', 'ndaRequired', 'requiresReturn', 'sku', 'unitsInStock', 'usageDays']],
      ];
      for (const [body, fields] of bad) {
        const res = await postProduct(t, researcher.token, body);
        expectProblem(res, 400);
        expect(errorFields(res)).toEqual(fields);
      }
      const notJson = await t
        .http()
        .post(`${API}/products`)
        .set(...bearer(researcher.token))
        .set('Content-Type', 'application/json')
        .send('{"brandId":');
      expectProblem(notJson, 400);
      expectProblem(await postProduct(t, researcher.token, [productBody(brandA)]), 400);
    });

    it('is for researchers: anonymous 401, brand user 403', async () => {
      expectProblem(await t.http().post(`${API}/products`).send(productBody(brandA)), 401);
      expectProblem(await postProduct(t, brandUserA.token, productBody(brandA)), 403);
    });
  });

  describe('GET /products', () => {
    let ofA: string;
    let ofB: string;

    beforeAll(async () => {
      ofA = (await createProduct(t, researcher.token, brandA, { name: 'Listed kettle' })).id;
      ofB = (await createProduct(t, researcher.token, brandB, { name: 'Listed toaster' })).id;
    });

    const list = (token: string, query = '') =>
      t
        .http()
        .get(`${API}/products${query ? `?${query}` : ''}`)
        .set(...bearer(token));

    it('researchers list one brand’s products, newest first, or all of them', async () => {
      const a = await list(researcher.token, `brandId=${brandA}&limit=100`);
      expect(a.status).toBe(200);
      const ids = (a.body.items as Array<{ id: string; brandId: string }>).map((p) => p.id);
      expect(ids).toContain(ofA);
      expect(ids).not.toContain(ofB);
      expect((a.body.items as Array<{ brandId: string }>).every((p) => p.brandId === brandA)).toBe(true);
      const times = (a.body.items as Array<{ createdAt: string }>).map((p) => Date.parse(p.createdAt));
      expect([...times].sort((x, y) => y - x)).toEqual(times);

      const all = await list(researcher.token, 'limit=100');
      const allIds = (all.body.items as Array<{ id: string }>).map((p) => p.id);
      expect(allIds).toEqual(expect.arrayContaining([ofA, ofB]));
    });

    it('pages with a cursor', async () => {
      const first = await list(researcher.token, `brandId=${brandA}&limit=2`);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await list(
        researcher.token,
        `brandId=${brandA}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
      );
      expect(second.status).toBe(200);
      const seen = new Set((first.body.items as Array<{ id: string }>).map((p) => p.id));
      for (const p of second.body.items as Array<{ id: string }>) expect(seen.has(p.id)).toBe(false);
    });

    it('a brand user sees only their own brand’s products; another brand’s product is a 404', async () => {
      const mine = await list(brandUserA.token, 'limit=100');
      expect(mine.status).toBe(200);
      const ids = (mine.body.items as Array<{ id: string }>).map((p) => p.id);
      expect(ids).toContain(ofA);
      expect(ids).not.toContain(ofB);
      const asked = await list(brandUserA.token, `brandId=${brandB}`);
      expect(asked.body).toEqual({ items: [], nextCursor: null });

      expect(
        (
          await t
            .http()
            .get(`${API}/products/${ofA}`)
            .set(...bearer(brandUserA.token))
        ).status,
      ).toBe(200);
      expectProblem(
        await t
          .http()
          .get(`${API}/products/${ofB}`)
          .set(...bearer(brandUserA.token)),
        404,
        'product-not-found',
      );
      expectProblem(
        await t
          .http()
          .get(`${API}/products/${ofB}/stock-movements`)
          .set(...bearer(brandUserA.token)),
        404,
      );
    });

    it('an unknown product is a 404, a malformed id or query a 400, and anonymous callers get 401', async () => {
      expectProblem(
        await t
          .http()
          .get(`${API}/products/${MISSING}`)
          .set(...bearer(researcher.token)),
        404,
        'product-not-found',
      );
      expectProblem(
        await t
          .http()
          .get(`${API}/products/not-a-uuid`)
          .set(...bearer(researcher.token)),
        400,
      );
      expectProblem(await list(researcher.token, 'brandId=nope'), 400);
      expectProblem(await list(researcher.token, 'limit=0'), 400);
      expectProblem(await list(researcher.token, 'cursor=garbage'), 400);
      expectProblem(await t.http().get(`${API}/products`), 401);
    });
  });

  describe('POST /products/:id/stock-movements', () => {
    it('moves the stock and logs each movement; the list is newest first', async () => {
      const p = await createProduct(t, researcher.token, brandA, { unitsInStock: 5 });
      const restock = await move(researcher.token, p.id, { delta: 7, reason: 'restock from the factory' });
      expect(restock.status).toBe(201);
      expect(restock.body).toMatchObject({
        productId: p.id,
        delta: 7,
        stockAfter: 12,
        unitsInStock: 12,
        kind: 'manual',
        reason: 'restock from the factory',
        actorUserId: researcher.id,
      });
      const broken = await move(researcher.token, p.id, { delta: -2, reason: 'broken in the warehouse' });
      expect(broken.status).toBe(201);
      expect(broken.body).toMatchObject({ delta: -2, stockAfter: 10, unitsInStock: 10 });
      expect((await getProduct(t, researcher.token, p.id)).unitsInStock).toBe(10);
      const movements = await stockMovements(t, researcher.token, p.id);
      expect(movements.map((m) => [m.kind, m.delta, m.stockAfter])).toEqual([
        ['manual', -2, 10],
        ['manual', 7, 12],
        ['initial', 5, 5],
      ]);
      // the brand user of the product's brand reads the history too
      expect(await stockMovements(t, brandUserA.token, p.id)).toHaveLength(3);
    });

    it('never goes below zero: 409 and nothing changes; down to exactly zero is fine', async () => {
      const p = await createProduct(t, researcher.token, brandA, { unitsInStock: 3 });
      const res = await move(researcher.token, p.id, { delta: -4, reason: 'count correction' });
      expectProblem(res, 409, 'insufficient-stock');
      expect((await getProduct(t, researcher.token, p.id)).unitsInStock).toBe(3);
      expect(await stockMovements(t, researcher.token, p.id)).toHaveLength(1);
      const toZero = await move(researcher.token, p.id, { delta: -3, reason: 'count correction' });
      expect(toZero.status).toBe(201);
      expect(toZero.body.unitsInStock).toBe(0);
      expectProblem(await move(researcher.token, p.id, { delta: -1, reason: 'again' }), 409, 'insufficient-stock');
    });

    it('validates: a zero, fractional or missing delta, an empty reason or an unknown field is a 400', async () => {
      const p = await createProduct(t, researcher.token, brandA, { unitsInStock: 3 });
      for (const body of [
        { delta: 0, reason: 'nothing' },
        { delta: 1.5, reason: 'half' },
        { delta: '2', reason: 'text' },
        { reason: 'no delta' },
        { delta: 1, reason: '' },
        { delta: 1, reason: '   ' },
        { delta: 1 },
        { delta: 1, reason: 'x', kind: 'initial' },
        { delta: 2_000_000, reason: 'too many' },
      ]) {
        expectProblem(await move(researcher.token, p.id, body), 400);
      }
      expect((await getProduct(t, researcher.token, p.id)).unitsInStock).toBe(3);
    });

    it('an unknown product is a 404; a brand user may not move stock (403)', async () => {
      expectProblem(await move(researcher.token, MISSING, { delta: 1, reason: 'restock' }), 404, 'product-not-found');
      const p = await createProduct(t, researcher.token, brandA);
      expectProblem(await move(brandUserA.token, p.id, { delta: 1, reason: 'restock' }), 403);
    });
  });
});
