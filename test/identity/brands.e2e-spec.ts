import { randomUUID } from 'node:crypto';
import { API, bearer, createIdentityTestApp, errorFields, expectProblem, uniqueSlug, type TestApp } from './identity-helpers';
import type { TestUser } from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

interface Brand {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

const cursorOf = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('brands', () => {
  let t: TestApp;
  let admin: TestUser;
  let researcher: TestUser;
  let brandUser: TestUser;

  beforeAll(async () => {
    t = await createIdentityTestApp();
    admin = await t.staff('admin');
    researcher = await t.staff('researcher');
    const b = await createBrand('Brand of the brand user');
    brandUser = await t.staff('brand', b.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (token: string | null, body: unknown) => {
    const req = t.http().post(`${API}/brands`);
    if (token) req.set(...bearer(token));
    return req.send(body as object);
  };
  const list = (token: string | null, query: Record<string, string | number> = {}) => {
    const req = t.http().get(`${API}/brands`).query(query);
    if (token) req.set(...bearer(token));
    return req;
  };
  async function createBrand(name: string, slug = uniqueSlug()): Promise<Brand> {
    const res = await post(admin.token, { name, slug });
    expect(res.status).toBe(201);
    return res.body as Brand;
  }

  describe('POST /brands', () => {
    it('lets an admin create a brand: 201 {id, name, slug, createdAt}', async () => {
      const slug = uniqueSlug('maison');
      const before = Date.now();
      const res = await post(admin.token, { name: 'Maison Lumière', slug });
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        name: 'Maison Lumière',
        slug,
        createdAt: expect.stringMatching(ISO_UTC),
      });
      expect(Date.parse(res.body.createdAt)).toBeGreaterThanOrEqual(before - 5_000);
      expect(Date.parse(res.body.createdAt)).toBeLessThanOrEqual(Date.now() + 5_000);
    });

    it('answers 409 problem+json to a slug already taken, and keeps the first brand', async () => {
      const slug = uniqueSlug('dup');
      const first = await createBrand('First', slug);
      const res = await post(admin.token, { name: 'Second', slug });
      expectProblem(res, 409, 'brand-slug-taken');
      const page = await list(admin.token, { limit: 100 });
      const same = (page.body.items as Brand[]).filter((b) => b.slug === slug);
      expect(same).toEqual([first]);
    });

    it('answers one 201 and one 409 to two concurrent creations with the same slug', async () => {
      const slug = uniqueSlug('race');
      const results = await Promise.all([post(admin.token, { name: 'A', slug }), post(admin.token, { name: 'B', slug })]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expectProblem(
        results.find((r) => r.status === 409)!,
        409,
      );
    });

    it.each([
      ['upper case', 'Maison'],
      ['a space', 'maison lumiere'],
      ['a leading hyphen', '-maison'],
      ['a trailing hyphen', 'maison-'],
      ['a double hyphen', 'maison--lumiere'],
      ['an accent', 'lumière'],
      ['an underscore', 'maison_lumiere'],
      ['one character', 'm'],
      ['61 characters', 'm'.repeat(61)],
      ['an empty string', ''],
      ['a number', 42],
      ['null', null],
    ])('answers 400 naming slug for a slug with %s', async (_what, slug) => {
      const res = await post(admin.token, { name: 'Bad Slug', slug });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['slug']);
    });

    it('accepts slugs of 2 and 60 characters', async () => {
      const long = `${uniqueSlug('x')}-${'a'.repeat(60)}`.slice(0, 60);
      expect((await post(admin.token, { name: 'Long', slug: long })).body).toMatchObject({ slug: long });
      const short = randomUUID().replace(/-/g, '').slice(0, 2);
      expect((await post(admin.token, { name: 'Short', slug: short })).body).toMatchObject({ slug: short });
    });

    it('answers 400 listing each missing or blank field', async () => {
      const none = await post(admin.token, {});
      expectProblem(none, 400);
      expect(errorFields(none)).toEqual(['name', 'slug']);
      const blank = await post(admin.token, { name: '   ', slug: uniqueSlug() });
      expectProblem(blank, 400);
      expect(errorFields(blank)).toEqual(['name']);
      const long = await post(admin.token, { name: 'n'.repeat(201), slug: uniqueSlug() });
      expectProblem(long, 400);
      expect(errorFields(long)).toEqual(['name']);
    });

    it('answers 400 naming an unknown field, and creates nothing', async () => {
      const slug = uniqueSlug('unknown');
      const res = await post(admin.token, { name: 'Extra', slug, id: randomUUID() });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['id']);
      // the slug is still free
      expect((await post(admin.token, { name: 'Extra', slug })).status).toBe(201);
    });

    it('answers 403 problem+json to a researcher and a brand user, 401 to anonymous; nothing is created', async () => {
      const slug = uniqueSlug('denied');
      expectProblem(await post(researcher.token, { name: 'Nope', slug }), 403);
      expectProblem(await post(brandUser.token, { name: 'Nope', slug }), 403);
      expectProblem(await post(null, { name: 'Nope', slug }), 401);
      expectProblem(await post('not-a-token', { name: 'Nope', slug }), 401);
      expect((await post(admin.token, { name: 'Now', slug })).status).toBe(201);
    });

    it('checks the role before the body: 403 to a researcher even with a bad body', async () => {
      expectProblem(await post(researcher.token, { slug: 'BAD' }), 403);
      expectProblem(await post(null, { slug: 'BAD' }), 401);
    });
  });

  describe('GET /brands', () => {
    it('answers 200 {items, nextCursor} to an admin and to a researcher', async () => {
      const b = await createBrand('Listed');
      for (const u of [admin, researcher]) {
        const res = await list(u.token, { limit: 100 });
        expect(res.status).toBe(200);
        expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
        expect(Array.isArray(res.body.items)).toBe(true);
        expect(res.body.nextCursor === null || typeof res.body.nextCursor === 'string').toBe(true);
        for (const item of res.body.items as Brand[]) {
          expect(item).toEqual({
            id: expect.stringMatching(UUID),
            name: expect.any(String),
            slug: expect.any(String),
            createdAt: expect.stringMatching(ISO_UTC),
          });
        }
      }
      // newest first: the brand just made is on the first page
      const res = await list(researcher.token);
      expect(res.body.items).toContainEqual(b);
    });

    it('answers 403 to a brand user and 401 to anonymous', async () => {
      expectProblem(await list(brandUser.token), 403);
      expectProblem(await list(null), 401);
    });

    it('returns 20 items by default', async () => {
      for (let i = 0; i < 21; i++) await createBrand(`Default page ${i}`);
      const res = await list(admin.token);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(20);
      expect(typeof res.body.nextCursor).toBe('string');
    });

    it('walks with ?limit=1 and nextCursor through every brand, newest first, without repeats', async () => {
      const mine = [await createBrand('Walk 1'), await createBrand('Walk 2'), await createBrand('Walk 3')];
      const seen: Brand[] = [];
      let cursor: string | null = null;
      do {
        const res = await list(researcher.token, cursor ? { limit: 1, cursor } : { limit: 1 });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(1);
        seen.push(...(res.body.items as Brand[]));
        cursor = res.body.nextCursor as string | null;
        if (cursor !== null) expect(res.body.items).toHaveLength(1);
      } while (cursor !== null && seen.length < 10_000);
      expect(cursor).toBeNull();
      const ids = seen.map((b) => b.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const b of mine) expect(seen).toContainEqual(b);
      // newest first: created later means listed earlier
      const pos = mine.map((b) => ids.indexOf(b.id));
      expect(pos[0]).toBeGreaterThan(pos[1]);
      expect(pos[1]).toBeGreaterThan(pos[2]);
      for (let i = 1; i < seen.length; i++) {
        expect(Date.parse(seen[i - 1].createdAt)).toBeGreaterThanOrEqual(Date.parse(seen[i].createdAt));
      }
    });

    it('gives pages that follow each other: no overlap, older brands after the cursor, the same page again', async () => {
      for (let i = 0; i < 4; i++) await createBrand(`Overlap ${i}`);
      const p1 = await list(admin.token, { limit: 2 });
      expect(p1.body.items).toHaveLength(2);
      const p2 = await list(admin.token, { limit: 2, cursor: p1.body.nextCursor as string });
      expect(p2.status).toBe(200);
      expect(p2.body.items).toHaveLength(2);
      const p1Items = p1.body.items as Brand[];
      const p2Items = p2.body.items as Brand[];
      expect(p2Items.map((b) => b.id)).not.toContain(p1Items[0].id);
      expect(p2Items.map((b) => b.id)).not.toContain(p1Items[1].id);
      expect(Date.parse(p2Items[0].createdAt)).toBeLessThanOrEqual(Date.parse(p1Items[1].createdAt));
      // brands created meanwhile are newer than the cursor: the page behind it does not change
      await createBrand('Newer');
      const p2Again = await list(admin.token, { limit: 2, cursor: p1.body.nextCursor as string });
      expect(p2Again.body.items).toEqual(p2Items);
    });

    it.each([['0'], ['101'], ['-1'], ['1.5'], ['abc'], ['']])('answers 400 naming limit for limit=%j', async (limit) => {
      const res = await list(admin.token, { limit });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['limit']);
    });

    it('accepts limit=1 and limit=100', async () => {
      expect((await list(admin.token, { limit: 1 })).status).toBe(200);
      expect((await list(admin.token, { limit: 100 })).status).toBe(200);
    });

    it('answers 400, not 500, to a repeated or nested limit', async () => {
      expectProblem(
        await t
          .http()
          .get(`${API}/brands?limit=1&limit=2`)
          .set(...bearer(admin.token)),
        400,
      );
      expectProblem(
        await t
          .http()
          .get(`${API}/brands?limit[a]=1`)
          .set(...bearer(admin.token)),
        400,
      );
    });

    it.each([
      ['not base64url', 'not a cursor!'],
      ['not JSON', 'abc'],
      ['JSON of another shape', cursorOf({ foo: 1 })],
      ['a malformed id', cursorOf({ t: new Date().toISOString(), id: 'not-a-uuid' })],
      ['a SQL injection in the id', cursorOf({ t: new Date().toISOString(), id: "' OR 1=1 --" })],
      ['a malformed time', cursorOf({ t: 'yesterday', id: randomUUID() })],
      ['a time before PostgreSQL’s range', cursorOf({ t: '-271821-04-20T00:00:00.000Z', id: randomUUID() })],
      ['a time after PostgreSQL’s range', cursorOf({ t: '+275760-09-13T00:00:00.000Z', id: randomUUID() })],
      ['a day that does not exist', cursorOf({ t: '2026-02-31T00:00:00.000Z', id: randomUUID() })],
      ['a time only JavaScript reads', cursorOf({ t: '1', id: randomUUID() })],
      ['a number', cursorOf(42)],
      ['null', cursorOf(null)],
      ['too long', 'a'.repeat(501)],
    ])('answers 400 problem+json to a cursor that is %s', async (_what, cursor) => {
      const res = await list(admin.token, { cursor });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['cursor']);
    });

    it('answers 400 to a repeated or nested cursor', async () => {
      const p = await list(admin.token, { limit: 1 });
      const c = p.body.nextCursor as string;
      expectProblem(
        await t
          .http()
          .get(`${API}/brands?cursor=${c}&cursor=${c}`)
          .set(...bearer(admin.token)),
        400,
      );
      expectProblem(
        await t
          .http()
          .get(`${API}/brands?cursor[x]=${c}`)
          .set(...bearer(admin.token)),
        400,
      );
    });

    it('answers 400 naming an unknown query parameter', async () => {
      const res = await list(admin.token, { sort: 'name' });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['sort']);
    });
  });

  describe('malformed ids in paths', () => {
    it.each([`${API}/brands/not-a-uuid`, `${API}/brands/%E0%A4%A`, `${API}/brands/${randomUUID()}`, `${API}/users/not-a-uuid`])(
      'never answer 500: GET %s',
      async (path) => {
        const res = await t
          .http()
          .get(path)
          .set(...bearer(admin.token));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expectProblem(res, res.status);
      },
    );
  });
});
