import {
  API,
  bearer,
  createBrand,
  createStudiesTestApp,
  createStudy,
  errorFields,
  expectProblem,
  JOIN_TIMEOUT_MS,
  joinMany,
  moveTo,
  openCampaign,
  studyBody,
  UUID,
  type Panellist,
  type Study,
  type TestApp,
  type TestUser,
} from './studies-helpers';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('Studies: create, read, update, lifecycle, access', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandA: { id: string };
  let brandB: { id: string };
  let brandUserA: TestUser;
  let brandUserB: TestUser;
  let panellist: Panellist;
  let studyA: Study;
  let studyB: Study;

  beforeAll(async () => {
    t = await createStudiesTestApp();
    researcher = await t.staff('researcher');
    [brandA, brandB] = await Promise.all([createBrand(t, 'alpha'), createBrand(t, 'beta')]);
    [brandUserA, brandUserB] = await Promise.all([t.staff('brand', brandA.id), t.staff('brand', brandB.id)]);
    const campaign = await openCampaign(t, researcher.token);
    [panellist] = await joinMany(t, campaign, [{}]);
    studyA = await createStudy(t, researcher.token, studyBody(brandA.id, { title: 'Alpha study' }));
    studyB = await createStudy(t, researcher.token, studyBody(brandB.id, { title: 'Beta study' }));
  }, JOIN_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string | null, method: 'get' | 'post' | 'patch', path: string) => {
    const req = t.http()[method](`${API}${path}`);
    if (token) req.set(...bearer(token));
    return req;
  };

  describe('POST /studies', () => {
    it('creates a draft study (201) with every field of the body', async () => {
      const body = studyBody(brandA.id, {
        criteria: { countries: ['FR', 'BE'], ageMin: 25, ageMax: 45, interestsAny: [' Cooking ', 'DIY'] },
        quotas: [
          { dimension: 'country', value: 'FR', target: 5 },
          { dimension: 'ageBand', value: '25-34', target: 3 },
        ],
      });
      const res = await as(researcher.token, 'post', '/studies').send(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        brandId: brandA.id,
        title: body.title,
        theme: body.theme,
        brief: body.brief,
        targetSize: 20,
        incentivePoints: 50,
        postPoints: 0,
        criteria: { countries: ['FR', 'BE'], ageMin: 25, ageMax: 45, interestsAny: ['cooking', 'diy'] },
        quotas: body.quotas,
        status: 'draft',
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
        // nobody invited yet (the funnel, added for the studio's list)
        funnel: { invited: 0, pending: 0, enrolled: 0, waitlisted: 0, declined: 0, expired: 0 },
      });
      const again = await as(researcher.token, 'get', `/studies/${res.body.id as string}`);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(res.body);
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['ageMin above ageMax', { criteria: { ageMin: 50, ageMax: 30 } }, ['criteria.ageMax']],
      ['an age below 18', { criteria: { ageMin: 12 } }, ['criteria.ageMin']],
      ['a lower-case country', { criteria: { countries: ['fr'] } }, ['criteria.countries[0]']],
      ['an empty country list', { criteria: { countries: [] } }, ['criteria.countries']],
      ['an unknown gender', { criteria: { genders: ['robot'] } }, ['criteria.genders[0]']],
      ['an unknown tier', { criteria: { tiers: ['guru'] } }, ['criteria.tiers[0]']],
      ['minScore with tiers [mainstream]', { criteria: { minScore: 60, tiers: ['mainstream'] } }, ['criteria.minScore']],
      ['a minScore above 100', { criteria: { minScore: 101 } }, ['criteria.minScore']],
      ['an unknown criteria field', { criteria: { shoeSize: 42 } }, ['criteria.shoeSize']],
      ['an unknown attribute', { criteria: { attributes: [{ key: 'nope', op: 'eq', value: 1 }] } }, ['criteria.attributes[0].key']],
      ['criteria that are a list', { criteria: [] }, ['criteria']],
      ['an unknown quota dimension', { quotas: [{ dimension: 'shoe', value: '42', target: 1 }] }, ['quotas[0].dimension']],
      ['a quota target of 0', { quotas: [{ dimension: 'country', value: 'FR', target: 0 }] }, ['quotas[0].target']],
      ['an unknown age band', { quotas: [{ dimension: 'ageBand', value: '30-40', target: 1 }] }, ['quotas[0].value']],
      [
        'a duplicate quota cell',
        {
          quotas: [
            { dimension: 'country', value: 'FR', target: 1 },
            { dimension: 'country', value: 'FR', target: 2 },
          ],
        },
        ['quotas[1].value'],
      ],
      [
        'a quota cell the criteria exclude',
        { criteria: { countries: ['FR'] }, quotas: [{ dimension: 'country', value: 'DE', target: 1 }] },
        ['quotas[0].value'],
      ],
      ['a missing title', { title: undefined }, ['title']],
      ['a targetSize of 0', { targetSize: 0 }, ['targetSize']],
      ['a brandId that is not a UUID', { brandId: 'acme' }, ['brandId']],
      ['an unknown field', { colour: 'red' }, ['colour']],
    ])('refuses %s with 400 naming the field', async (_what, overrides, fields) => {
      const body: Record<string, unknown> = { ...studyBody(brandA.id), ...overrides };
      for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
      const res = await as(researcher.token, 'post', '/studies').send(body);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(fields);
    });

    it('refuses an unknown brandId with 422', async () => {
      const res = await as(researcher.token, 'post', '/studies').send(studyBody(MISSING));
      expectProblem(res, 422, 'brand-not-found');
    });

    it('is for researchers only: brand user and panellist 403, anonymous 401', async () => {
      expectProblem(await as(brandUserA.token, 'post', '/studies').send(studyBody(brandA.id)), 403);
      expectProblem(await as(panellist.token, 'post', '/studies').send(studyBody(brandA.id)), 403);
      expectProblem(await as(null, 'post', '/studies').send(studyBody(brandA.id)), 401);
    });
  });

  describe('GET /studies and /studies/:id', () => {
    it('lists every study to a researcher, newest first, in pages', async () => {
      const first = await as(researcher.token, 'get', '/studies?limit=1');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const all = await as(researcher.token, 'get', '/studies?limit=100');
      const ids = (all.body.items as Study[]).map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining([studyA.id, studyB.id]));
      expect(ids.indexOf(studyB.id)).toBeLessThan(ids.indexOf(studyA.id));
      const second = await as(researcher.token, 'get', `/studies?limit=1&cursor=${first.body.nextCursor as string}`);
      expect(second.status).toBe(200);
      expect((second.body.items as Study[])[0].id).toBe(ids[1]);
    });

    it("lists only their own brand's studies to a brand user", async () => {
      const a = await as(brandUserA.token, 'get', '/studies?limit=100');
      expect(a.status).toBe(200);
      expect((a.body.items as Study[]).every((s) => s.brandId === brandA.id)).toBe(true);
      expect((a.body.items as Study[]).map((s) => s.id)).toContain(studyA.id);
      const b = await as(brandUserB.token, 'get', '/studies?limit=100');
      expect((b.body.items as Study[]).map((s) => s.id)).toEqual([studyB.id]);
    });

    it('filters by status', async () => {
      const res = await as(researcher.token, 'get', '/studies?status=closed&limit=100');
      expect(res.status).toBe(200);
      expect((res.body.items as Study[]).every((s) => s.status === 'closed')).toBe(true);
      expectProblem(await as(researcher.token, 'get', '/studies?status=sleeping'), 400);
    });

    it("shows a brand user their brand's study, and another brand's as 404", async () => {
      const own = await as(brandUserA.token, 'get', `/studies/${studyA.id}`);
      expect(own.status).toBe(200);
      expect(own.body.id).toBe(studyA.id);
      expectProblem(await as(brandUserA.token, 'get', `/studies/${studyB.id}`), 404);
      expectProblem(await as(brandUserB.token, 'get', `/studies/${studyA.id}`), 404);
    });

    it('answers 404 for a study that does not exist and 400 for a malformed id', async () => {
      expectProblem(await as(researcher.token, 'get', `/studies/${MISSING}`), 404);
      expectProblem(await as(researcher.token, 'get', '/studies/not-a-uuid'), 400);
      expectProblem(await as(brandUserA.token, 'get', "/studies/1'%20OR%20'1'='1"), 400);
    });

    it('refuses a panellist (403) and anonymous callers (401); refuses a bad limit or cursor (400)', async () => {
      expectProblem(await as(panellist.token, 'get', '/studies'), 403);
      expectProblem(await as(panellist.token, 'get', `/studies/${studyA.id}`), 403);
      expectProblem(await as(null, 'get', '/studies'), 401);
      expectProblem(await as(null, 'get', `/studies/${studyA.id}`), 401);
      expectProblem(await as(researcher.token, 'get', '/studies?limit=0'), 400);
      expectProblem(await as(researcher.token, 'get', '/studies?limit=101'), 400);
      expectProblem(await as(researcher.token, 'get', '/studies?cursor=bm90LWEtY3Vyc29y'), 400);
    });
  });

  describe('PATCH /studies/:id', () => {
    it('changes the title, criteria and quotas of a draft study', async () => {
      const s = await createStudy(t, researcher.token, studyBody(brandA.id));
      const res = await as(researcher.token, 'patch', `/studies/${s.id}`).send({
        title: 'Renamed',
        criteria: { countries: ['FR'], ageMin: 30 },
        quotas: [{ dimension: 'gender', value: 'female', target: 4 }],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: s.id,
        title: 'Renamed',
        criteria: { countries: ['FR'], ageMin: 30 },
        quotas: [{ dimension: 'gender', value: 'female', target: 4 }],
        status: 'draft',
      });
      const again = await as(researcher.token, 'get', `/studies/${s.id}`);
      expect(again.body).toMatchObject({ title: 'Renamed', criteria: { countries: ['FR'], ageMin: 30 } });
    });

    it('checks new quotas against the stored criteria and new criteria against the stored quotas', async () => {
      const s = await createStudy(
        t,
        researcher.token,
        studyBody(brandA.id, { criteria: { countries: ['FR', 'DE'] }, quotas: [{ dimension: 'country', value: 'DE', target: 2 }] }),
      );
      const badQuota = await as(researcher.token, 'patch', `/studies/${s.id}`).send({
        quotas: [{ dimension: 'country', value: 'IT', target: 2 }],
      });
      expectProblem(badQuota, 400);
      expect(errorFields(badQuota)).toEqual(['quotas[0].value']);
      const badCriteria = await as(researcher.token, 'patch', `/studies/${s.id}`).send({ criteria: { countries: ['FR'] } });
      expectProblem(badCriteria, 400);
      expect(errorFields(badCriteria)).toEqual(['quotas[0].value']);
      const contradictory = await as(researcher.token, 'patch', `/studies/${s.id}`).send({ criteria: { ageMin: 60, ageMax: 20 } });
      expectProblem(contradictory, 400);
      expect(errorFields(contradictory)).toEqual(['criteria.ageMax']);
      const unchanged = await as(researcher.token, 'get', `/studies/${s.id}`);
      expect(unchanged.body.criteria).toEqual({ countries: ['FR', 'DE'] });
    });

    it('allows criteria and quotas in recruiting, refuses them (409) from in_field on, but still allows the title', async () => {
      const s = await createStudy(t, researcher.token, studyBody(brandA.id));
      await moveTo(t, researcher.token, s.id, 'recruiting');
      const inRecruiting = await as(researcher.token, 'patch', `/studies/${s.id}`).send({ criteria: { countries: ['BE'] } });
      expect(inRecruiting.status).toBe(200);
      expect(inRecruiting.body.criteria).toEqual({ countries: ['BE'] });
      await moveTo(t, researcher.token, s.id, 'in_field');
      expectProblem(
        await as(researcher.token, 'patch', `/studies/${s.id}`).send({ criteria: { countries: ['FR'] } }),
        409,
        'criteria-locked',
      );
      expectProblem(await as(researcher.token, 'patch', `/studies/${s.id}`).send({ quotas: [] }), 409, 'criteria-locked');
      const title = await as(researcher.token, 'patch', `/studies/${s.id}`).send({ title: 'Still editable' });
      expect(title.status).toBe(200);
      expect(title.body).toMatchObject({ title: 'Still editable', criteria: { countries: ['BE'] }, status: 'in_field' });
      await moveTo(t, researcher.token, s.id, 'analysing');
      expectProblem(await as(researcher.token, 'patch', `/studies/${s.id}`).send({ quotas: [] }), 409);
    });

    it('refuses a brandId or status change (400), brand users (403) and unknown studies (404)', async () => {
      expectProblem(await as(researcher.token, 'patch', `/studies/${studyA.id}`).send({ brandId: brandB.id }), 400);
      expectProblem(await as(researcher.token, 'patch', `/studies/${studyA.id}`).send({ status: 'closed' }), 400);
      expectProblem(await as(brandUserA.token, 'patch', `/studies/${studyA.id}`).send({ title: 'x' }), 403);
      expectProblem(await as(researcher.token, 'patch', `/studies/${MISSING}`).send({ title: 'x' }), 404);
      expectProblem(await as(researcher.token, 'patch', '/studies/123').send({ title: 'x' }), 400);
      expectProblem(await as(null, 'patch', `/studies/${studyA.id}`).send({ title: 'x' }), 401);
    });
  });

  describe('POST /studies/:id/transitions', () => {
    it('walks the lifecycle draft → recruiting → in_field → recruiting → in_field → analysing → closed', async () => {
      const s = await createStudy(t, researcher.token, studyBody(brandA.id));
      for (const to of ['recruiting', 'in_field', 'recruiting', 'in_field', 'analysing', 'closed']) {
        const res = await as(researcher.token, 'post', `/studies/${s.id}/transitions`).send({ to });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: s.id, status: to });
      }
      const after = await as(researcher.token, 'get', `/studies/${s.id}`);
      expect(after.body.status).toBe('closed');
    });

    it.each<[string, string[], string]>([
      ['draft → in_field (a skip)', [], 'in_field'],
      ['draft → closed', [], 'closed'],
      ['draft → draft (staying put)', [], 'draft'],
      ['recruiting → draft (backwards)', ['recruiting'], 'draft'],
      ['recruiting → analysing (a skip)', ['recruiting'], 'analysing'],
      ['analysing → in_field (backwards)', ['recruiting', 'in_field', 'analysing'], 'in_field'],
      ['closed → draft', ['recruiting', 'in_field', 'analysing', 'closed'], 'draft'],
      ['closed → closed', ['recruiting', 'in_field', 'analysing', 'closed'], 'closed'],
    ])('refuses %s with 409 and leaves the status', async (_what, path, to) => {
      const s = await createStudy(t, researcher.token, studyBody(brandA.id));
      await moveTo(t, researcher.token, s.id, ...path);
      const res = await as(researcher.token, 'post', `/studies/${s.id}/transitions`).send({ to });
      expectProblem(res, 409, 'illegal-transition');
      const after = await as(researcher.token, 'get', `/studies/${s.id}`);
      expect(after.body.status).toBe(path.at(-1) ?? 'draft');
    });

    it('refuses an unknown status (400), brand users (403), anonymous callers (401), unknown studies (404)', async () => {
      const res = await as(researcher.token, 'post', `/studies/${studyA.id}/transitions`).send({ to: 'archived' });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['to']);
      expectProblem(await as(researcher.token, 'post', `/studies/${studyA.id}/transitions`).send({}), 400);
      expectProblem(await as(brandUserA.token, 'post', `/studies/${studyA.id}/transitions`).send({ to: 'recruiting' }), 403);
      expectProblem(await as(panellist.token, 'post', `/studies/${studyA.id}/transitions`).send({ to: 'recruiting' }), 403);
      expectProblem(await as(null, 'post', `/studies/${studyA.id}/transitions`).send({ to: 'recruiting' }), 401);
      expectProblem(await as(researcher.token, 'post', `/studies/${MISSING}/transitions`).send({ to: 'recruiting' }), 404);
      expectProblem(await as(researcher.token, 'post', '/studies/nope/transitions').send({ to: 'recruiting' }), 400);
    });
  });

  describe('researcher-only routes', () => {
    it.each<[string, 'get' | 'post', (id: string) => string]>([
      ['preview', 'post', (id) => `/studies/${id}/eligibility/preview`],
      ['explain', 'get', (id) => `/studies/${id}/eligibility/explain/${MISSING}`],
      ['waves', 'post', (id) => `/studies/${id}/waves`],
      ['invitations', 'get', (id) => `/studies/${id}/invitations`],
      ['participants', 'get', (id) => `/studies/${id}/participants`],
    ])('%s: 403 for brand users (own brand or not) and panellists, 401 anonymous', async (_what, method, path) => {
      const body = { size: 1, expiresInDays: 7 };
      expectProblem(await as(brandUserA.token, method, path(studyA.id)).send(body), 403);
      expectProblem(await as(brandUserB.token, method, path(studyA.id)).send(body), 403);
      expectProblem(await as(panellist.token, method, path(studyA.id)).send(body), 403);
      expectProblem(await as(null, method, path(studyA.id)).send(body), 401);
    });

    it.each<[string, 'get' | 'post', string]>([
      ['preview', 'post', '/studies/xyz/eligibility/preview'],
      ['explain (study id)', 'get', `/studies/xyz/eligibility/explain/${MISSING}`],
      ['explain (panellist id)', 'get', `/studies/${MISSING}/eligibility/explain/xyz`],
      ['waves', 'post', '/studies/xyz/waves'],
      ['invitations', 'get', '/studies/xyz/invitations'],
      ['participants', 'get', '/studies/xyz/participants'],
      ['accept', 'post', '/me/invitations/xyz/accept'],
      ['decline', 'post', '/me/invitations/xyz/decline'],
    ])('%s: 400 for a malformed UUID', async (_what, method, path) => {
      const token = path.startsWith('/me') ? panellist.token : researcher.token;
      expectProblem(await as(token, method, path).send({ size: 1, expiresInDays: 7 }), 400);
    });

    it.each<[string, 'get' | 'post', string]>([
      ['preview', 'post', `/studies/${MISSING}/eligibility/preview`],
      ['explain', 'get', `/studies/${MISSING}/eligibility/explain/${MISSING}`],
      ['waves', 'post', `/studies/${MISSING}/waves`],
      ['invitations', 'get', `/studies/${MISSING}/invitations`],
      ['participants', 'get', `/studies/${MISSING}/participants`],
    ])('%s: 404 for a study that does not exist', async (_what, method, path) => {
      expectProblem(await as(researcher.token, method, path).send({ size: 1, expiresInDays: 7 }), 404);
    });

    it('panellist routes refuse staff (403) and anonymous callers (401)', async () => {
      expectProblem(await as(researcher.token, 'get', '/me/invitations'), 403);
      expectProblem(await as(brandUserA.token, 'get', '/me/studies'), 403);
      expectProblem(await as(researcher.token, 'post', `/me/invitations/${MISSING}/accept`), 403);
      expectProblem(await as(null, 'get', '/me/invitations'), 401);
      expectProblem(await as(null, 'get', '/me/studies'), 401);
      expectProblem(await as(null, 'post', `/me/invitations/${MISSING}/decline`), 401);
    });
  });
});
