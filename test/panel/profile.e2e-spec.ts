import { randomBytes } from 'node:crypto';
import { PointsService } from '@leadpanel/panel';
import {
  API,
  bearer,
  createCampaign,
  createPanelTestApp,
  dataSource,
  errorFields,
  expectProblem,
  joinPanel,
  UUID,
  type Campaign,
  type Panellist,
  type TestApp,
  type TestUser,
} from './panel-helpers';

/** Attribute keys are global: a unique suffix per run. */
const key = (label: string): string => `${label}_${randomBytes(4).toString('hex')}`;

describe('Profile: custom attributes, my profile, address, points, opt-out', () => {
  let t: TestApp;
  let researcher: TestUser;
  let campaign: Campaign;
  let panellist: Panellist;
  const keys = { printer: key('owns_printer'), hours: key('hours'), diet: key('diet'), tools: key('tools'), nick: key('nick') };

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token);
    panellist = await joinPanel(t, campaign.slug);
    for (const [k, type, options] of [
      [keys.printer, 'boolean', undefined],
      [keys.hours, 'number', undefined],
      [keys.diet, 'enum', ['vegan', 'vegetarian', 'omnivore']],
      [keys.tools, 'multi_enum', ['drill', 'saw', 'lathe']],
      [keys.nick, 'string', undefined],
    ] as const) {
      const res = await t
        .http()
        .post(`${API}/profile-attributes`)
        .set(...bearer(researcher.token))
        .send({ key: k, label: `Label of ${k}`, type, ...(options ? { options } : {}) });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (method: 'get' | 'patch' | 'put' | 'post' | 'delete', path: string, token: string | null = panellist.token) => {
    const req = t.http()[method](`${API}/me${path}`);
    if (token) req.set(...bearer(token));
    return req;
  };

  describe('POST /profile-attributes', () => {
    const create = (body: Record<string, unknown>, token: string | null = researcher.token) => {
      const req = t.http().post(`${API}/profile-attributes`);
      if (token) req.set(...bearer(token));
      return req.send(body);
    };

    it('creates an attribute: 201 with its definition', async () => {
      const k = key('skill');
      const res = await create({ key: k, label: 'Skill', type: 'enum', options: ['low', 'high'] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.stringMatching(UUID), key: k, label: 'Skill', type: 'enum', options: ['low', 'high'] });
    });

    it('refuses a key that exists with 409', async () => {
      expectProblem(await create({ key: keys.printer, label: 'Again', type: 'boolean' }), 409);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an enum without options', { type: 'enum' }, 'options'],
      ['an enum with no option', { type: 'enum', options: [] }, 'options'],
      ['a multi_enum without options', { type: 'multi_enum' }, 'options'],
      ['an enum with duplicate options', { type: 'enum', options: ['a', 'a'] }, 'options'],
      ['a number with options', { type: 'number', options: ['1'] }, 'options'],
      ['an unknown type', { type: 'date' }, 'type'],
      ['a key with capitals', { key: 'OwnsPrinter' }, 'key'],
      ['a key with SQL in it', { key: "x'; drop table profile_attributes; --" }, 'key'],
      // the request pipeline drops these keys from any object (prototype pollution guard): such an attribute could never be set
      ['the reserved key constructor', { key: 'constructor' }, 'key'],
      ['the reserved key prototype', { key: 'prototype' }, 'key'],
      ['no label', { label: undefined }, 'label'],
    ])('refuses %s with 400', async (_what, overrides, field) => {
      const body: Record<string, unknown> = { key: key('attr'), label: 'An attribute', type: 'string', ...overrides };
      if (body.label === undefined) delete body.label;
      const res = await create(body);
      expectProblem(res, 400);
      expect(errorFields(res)).toContain(field);
    });

    it('is for researchers only: anonymous 401, panellist 403, brand user 403', async () => {
      const body = { key: key('attr'), label: 'x', type: 'boolean' };
      expectProblem(await create(body, null), 401);
      expectProblem(await create(body, panellist.token), 403);
      const admin = await t.staff('admin');
      const brand = await t
        .http()
        .post(`${API}/brands`)
        .set(...bearer(admin.token))
        .send({ name: 'Attr brand', slug: `attr-${randomBytes(4).toString('hex')}` });
      const brandUser = await t.staff('brand', brand.body.id as string);
      expectProblem(await create(body, brandUser.token), 403);
    });

    it('lists the attributes to researchers and panellists (200 page), not to anonymous callers', async () => {
      for (const token of [researcher.token, panellist.token]) {
        const res = await t
          .http()
          .get(`${API}/profile-attributes?limit=100`)
          .set(...bearer(token));
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ items: expect.any(Array), nextCursor: null });
        expect((res.body.items as Array<{ key: string }>).map((a) => a.key)).toEqual(expect.arrayContaining(Object.values(keys)));
      }
      expectProblem(await t.http().get(`${API}/profile-attributes`), 401);
      const page = await t
        .http()
        .get(`${API}/profile-attributes?limit=2`)
        .set(...bearer(researcher.token));
      expect(page.body.items).toHaveLength(2);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      const next = await t
        .http()
        .get(`${API}/profile-attributes?limit=2&cursor=${page.body.nextCursor as string}`)
        .set(...bearer(researcher.token));
      expect(next.status).toBe(200);
      const firstIds = (page.body.items as Array<{ id: string }>).map((a) => a.id);
      for (const a of next.body.items as Array<{ id: string }>) expect(firstIds).not.toContain(a.id);
    });
  });

  describe('GET and PATCH /me/profile', () => {
    it('shows my profile', async () => {
      const res = await me('get', '/profile');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: panellist.id,
        email: panellist.email,
        status: 'active',
        displayName: panellist.displayName,
        country: 'FR',
        locale: 'en',
        birthYear: 1990,
        gender: 'female',
        interests: [],
        attributes: {},
        score: { overall: 100, tier: 'lead_user' },
        address: null,
      });
    });

    it('saves display name, locale, interests and typed attributes; GET shows them', async () => {
      const res = await me('patch', '/profile').send({
        displayName: '  Ada L.  ',
        locale: 'fr',
        interests: ['Cooking', 'electronics', 'cooking'],
        attributes: { [keys.printer]: true, [keys.hours]: 12.5, [keys.diet]: 'vegan', [keys.tools]: ['saw', 'drill'], [keys.nick]: 'ada' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        displayName: 'Ada L.',
        locale: 'fr',
        interests: ['cooking', 'electronics'],
        attributes: { [keys.printer]: true, [keys.hours]: 12.5, [keys.diet]: 'vegan', [keys.tools]: ['saw', 'drill'], [keys.nick]: 'ada' },
      });
      const again = await me('get', '/profile');
      expect(again.body).toMatchObject({ displayName: 'Ada L.', locale: 'fr', interests: ['cooking', 'electronics'] });
      expect(again.body.attributes).toEqual(res.body.attributes);
    });

    it('merges attributes and removes one with null', async () => {
      const res = await me('patch', '/profile').send({ attributes: { [keys.nick]: null, [keys.hours]: 3 } });
      expect(res.status).toBe(200);
      expect(res.body.attributes).not.toHaveProperty(keys.nick);
      expect(res.body.attributes).toMatchObject({ [keys.printer]: true, [keys.hours]: 3, [keys.diet]: 'vegan' });
    });

    it.each<[string, (k: typeof keys) => Record<string, unknown>, (k: typeof keys) => string]>([
      ['a boolean given as a string', (k) => ({ [k.printer]: 'yes' }), (k) => k.printer],
      ['a number given as a string', (k) => ({ [k.hours]: '12' }), (k) => k.hours],
      ['an enum value that is not an option', (k) => ({ [k.diet]: 'carnivore' }), (k) => k.diet],
      ['a multi_enum that is not a list', (k) => ({ [k.tools]: 'saw' }), (k) => k.tools],
      ['a multi_enum with an unknown option', (k) => ({ [k.tools]: ['saw', 'laser'] }), (k) => k.tools],
      ['a string given as an object', (k) => ({ [k.nick]: { a: 1 } }), (k) => k.nick],
      ['a string over 500 characters', (k) => ({ [k.nick]: 'x'.repeat(501) }), (k) => k.nick],
      ['an unknown key', () => ({ shoe_size: 42 }), () => 'shoe_size'],
    ])('refuses %s with 400 naming attributes.<key>, and saves nothing', async (_what, attrs, field) => {
      const before = await me('get', '/profile');
      const res = await me('patch', '/profile').send({ displayName: 'Changed?', attributes: attrs(keys) });
      expectProblem(res, 400);
      expect(errorFields(res)).toContain(`attributes.${field(keys)}`);
      const after = await me('get', '/profile');
      expect(after.body.displayName).toBe(before.body.displayName);
      expect(after.body.attributes).toEqual(before.body.attributes);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a blank display name', { displayName: '   ' }, 'displayName'],
      ['a locale other than fr|en', { locale: 'es' }, 'locale'],
      ['interests that are not a list', { interests: 'cooking' }, 'interests'],
      ['attributes that are not an object', { attributes: ['x'] }, 'attributes'],
      ['a field that cannot be changed here', { country: 'DE' }, 'country'],
      ['a status', { status: 'active' }, 'status'],
    ])('refuses %s with 400', async (_what, body, field) => {
      const res = await me('patch', '/profile').send(body);
      expectProblem(res, 400);
      expect(errorFields(res)).toContain(field);
    });
  });

  describe('PUT /me/address', () => {
    it('saves the address (200) and shows it in my profile; a second PUT replaces it', async () => {
      const res = await me('put', '/address').send({
        line1: '12 rue des Lilas',
        line2: 'Bât. B',
        postalCode: '75011',
        city: 'Paris',
        country: 'fr',
        phone: '+33 6 12 34 56 78',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        line1: '12 rue des Lilas',
        line2: 'Bât. B',
        postalCode: '75011',
        city: 'Paris',
        country: 'FR',
        phone: '+33 6 12 34 56 78',
      });
      const replaced = await me('put', '/address').send({ line1: '1 Main Street', postalCode: 'SW1A 1AA', city: 'London', country: 'GB' });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toEqual({
        line1: '1 Main Street',
        line2: null,
        postalCode: 'SW1A 1AA',
        city: 'London',
        country: 'GB',
        phone: null,
      });
      const profile = await me('get', '/profile');
      expect(profile.body.address).toEqual(replaced.body);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no line1', { line1: undefined }, 'line1'],
      ['a country that is not ISO 3166-1 alpha-2', { country: 'France' }, 'country'],
      ['a phone that is not one', { phone: 'call me maybe' }, 'phone'],
      ['a postal code over 20 characters', { postalCode: '1'.repeat(21) }, 'postalCode'],
    ])('refuses %s with 400', async (_what, overrides, field) => {
      const body: Record<string, unknown> = { line1: '1 Main Street', postalCode: '1000', city: 'Brussels', country: 'BE', ...overrides };
      for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
      const res = await me('put', '/address').send(body);
      expectProblem(res, 400);
      expect(errorFields(res)).toContain(field);
    });
  });

  describe('GET /me/points', () => {
    it('shows balance 0 and no entries at first, then the ledger, each reason credited once', async () => {
      const other = await joinPanel(t, campaign.slug);
      const empty = await me('get', '/points', other.token);
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({ balance: 0, entries: [] });

      const points = t.app.get(PointsService);
      const em = dataSource(t).manager;
      expect(await points.credit(em, { panellistId: other.id, delta: 50, reason: 'survey_submitted', key: 'survey:a' })).toBe(true);
      expect(await points.credit(em, { panellistId: other.id, delta: 50, reason: 'survey_submitted', key: 'survey:a' })).toBe(false);
      expect(await points.credit(em, { panellistId: other.id, delta: 20, reason: 'first_post', key: 'post:b', note: 'welcome' })).toBe(
        true,
      );

      const res = await me('get', '/points', other.token);
      expect(res.status).toBe(200);
      expect(res.body.balance).toBe(70);
      expect(res.body.entries).toHaveLength(2);
      expect(res.body.entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ delta: 50, reason: 'survey_submitted' }),
          expect.objectContaining({ delta: 20, reason: 'first_post', note: 'welcome' }),
        ]),
      );
    });
  });

  describe('POST /me/opt-out', () => {
    it('opts me out: 200 {status:"opted_out"}, again 200, and my profile says so', async () => {
      const p = await joinPanel(t, campaign.slug);
      const res = await me('post', '/opt-out', p.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'opted_out' });
      expect((await me('post', '/opt-out', p.token)).body).toEqual({ status: 'opted_out' });
      const profile = await me('get', '/profile', p.token);
      expect(profile.body.status).toBe('opted_out');
      const detail = await t
        .http()
        .get(`${API}/panellists/${p.id}`)
        .set(...bearer(researcher.token));
      expect(detail.body.status).toBe('opted_out');
      expect(detail.body.statusHistory).toEqual(
        expect.arrayContaining([expect.objectContaining({ from: 'active', to: 'opted_out', actorUserId: p.id })]),
      );
    });
  });

  describe('role checks on /me', () => {
    let brandUser: TestUser;
    beforeAll(async () => {
      const admin = await t.staff('admin');
      const brand = await t
        .http()
        .post(`${API}/brands`)
        .set(...bearer(admin.token))
        .send({ name: 'Me brand', slug: `me-${randomBytes(4).toString('hex')}` });
      brandUser = await t.staff('brand', brand.body.id as string);
    });

    it.each<[string, 'get' | 'patch' | 'put' | 'post' | 'delete', string]>([
      ['GET /me/profile', 'get', '/profile'],
      ['PATCH /me/profile', 'patch', '/profile'],
      ['PUT /me/address', 'put', '/address'],
      ['POST /me/referrals', 'post', '/referrals'],
      ['GET /me/points', 'get', '/points'],
      ['POST /me/opt-out', 'post', '/opt-out'],
      ['GET /me/export', 'get', '/export'],
      ['DELETE /me', 'delete', ''],
    ])('%s: anonymous 401, researcher 403, brand user 403', async (_what, method, path) => {
      expectProblem(await me(method, path, null).send({}), 401);
      expectProblem(await me(method, path, researcher.token).send({}), 403);
      expectProblem(await me(method, path, brandUser.token).send({}), 403);
      expectProblem(await me(method, path, 'not.a.token').send({}), 401);
    });
  });
});
