import {
  accept,
  allInvitations,
  API,
  bearer,
  createStudiesTestApp,
  createStudy,
  decline,
  errorFields,
  expectProblem,
  JOIN_TIMEOUT_MS,
  joinMany,
  myInvitationTo,
  recruitingStudy,
  studyBody,
  wave,
  type Panellist,
  type PanellistSpec,
  type TestApp,
  type TestUser,
} from './studies-helpers';
import { studyWorld } from '../support/world';

/** What the studio shows of a study: the funnel in the list, the preview of unsaved criteria, a wave before it is sent, counts per cell. */
describe('Studies for the studio: funnel, unsaved preview, wave preview, counts per cell', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandId: string;
  let pt: Panellist[]; // 6 in PT: 3 women, 3 men
  let gr: Panellist[]; // 2 in GR

  beforeAll(async () => {
    t = await createStudiesTestApp();
    const { campaign, ...world } = await studyWorld(t);
    ({ researcher, brandId } = world);
    const specs: PanellistSpec[] = [
      ...Array.from({ length: 6 }, (_, i): PanellistSpec => ({ country: 'PT', gender: i < 3 ? 'female' : 'male' })),
      { country: 'GR' },
      { country: 'GR' },
    ];
    const all = await joinMany(t, campaign, specs);
    pt = all.slice(0, 6);
    gr = all.slice(6);
  }, JOIN_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const http = () => t.http();

  it('previews unsaved criteria and quotas without storing them, and checks them as a PATCH would', async () => {
    const s = await createStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['PT'] } }));
    const saved = await http()
      .post(`${API}/studies/${s.id}/eligibility/preview`)
      .set(...bearer(researcher.token));
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ eligible: 6, cells: [] });

    const unsaved = await http()
      .post(`${API}/studies/${s.id}/eligibility/preview`)
      .set(...bearer(researcher.token))
      .send({
        criteria: { countries: ['PT', 'GR'] },
        quotas: [
          { dimension: 'gender', value: 'female', target: 4 },
          { dimension: 'country', value: 'GR', target: 1 },
        ],
      });
    expect(unsaved.status).toBe(200);
    expect(unsaved.body).toEqual({
      eligible: 8,
      cells: [
        { dimension: 'gender', value: 'female', eligible: 5, target: 4, enrolled: 0 },
        { dimension: 'country', value: 'GR', eligible: 2, target: 1, enrolled: 0 },
      ],
    });
    // only the quotas: the stored criteria still apply
    const quotasOnly = await http()
      .post(`${API}/studies/${s.id}/eligibility/preview`)
      .set(...bearer(researcher.token))
      .send({ quotas: [{ dimension: 'gender', value: 'male', target: 3 }] });
    expect(quotasOnly.body).toEqual({ eligible: 6, cells: [{ dimension: 'gender', value: 'male', eligible: 3, target: 3, enrolled: 0 }] });

    const stored = await http()
      .get(`${API}/studies/${s.id}`)
      .set(...bearer(researcher.token));
    expect(stored.body.criteria).toEqual({ countries: ['PT'] });
    expect(stored.body.quotas).toEqual([]);

    const bad = await http()
      .post(`${API}/studies/${s.id}/eligibility/preview`)
      .set(...bearer(researcher.token))
      .send({ criteria: { countries: ['PT'], ageMin: 60, ageMax: 30 }, quotas: [] });
    expectProblem(bad, 400);
    expect(errorFields(bad).length).toBeGreaterThan(0);
    const excluded = await http()
      .post(`${API}/studies/${s.id}/eligibility/preview`)
      .set(...bearer(researcher.token))
      .send({ quotas: [{ dimension: 'country', value: 'DE', target: 1 }] });
    expectProblem(excluded, 400);
    expect(errorFields(excluded)).toEqual(['quotas[0].value']);
  });

  it('previews a wave (nothing sent), and the wave sent with its seed invites the same panellists', async () => {
    const s = await recruitingStudy(
      t,
      researcher.token,
      studyBody(brandId, {
        criteria: { countries: ['PT'] },
        quotas: [
          { dimension: 'gender', value: 'female', target: 2 },
          { dimension: 'gender', value: 'male', target: 2 },
        ],
      }),
    );
    const preview = await http()
      .post(`${API}/studies/${s.id}/waves/preview`)
      .set(...bearer(researcher.token))
      .send({ size: 4 });
    expect(preview.status).toBe(200);
    expect(preview.body.invited).toBe(4);
    expect(preview.body.seed).toEqual(expect.any(String));
    expect(preview.body.cells.map((c: { invited: number }) => c.invited)).toEqual([2, 2]);
    expect(await allInvitations(t, researcher.token, s.id)).toHaveLength(0);

    const again = await http()
      .post(`${API}/studies/${s.id}/waves/preview`)
      .set(...bearer(researcher.token))
      .send({ size: 4, seed: preview.body.seed });
    expect(again.body).toEqual(preview.body);
    const sent = await wave(t, researcher.token, s.id, { size: 4, expiresInDays: 7, seed: preview.body.seed });
    expect(sent.invited).toBe(4);
    expect(sent.cells.map((c) => c.invited)).toEqual([2, 2]);

    const invalid = await http()
      .post(`${API}/studies/${s.id}/waves/preview`)
      .set(...bearer(researcher.token))
      .send({ size: 0 });
    expectProblem(invalid, 400);
    const draft = await createStudy(t, researcher.token, studyBody(brandId));
    expectProblem(
      await http()
        .post(`${API}/studies/${draft.id}/waves/preview`)
        .set(...bearer(researcher.token))
        .send({ size: 1 }),
      409,
    );
  });

  it('counts the funnel of each study in the list and of one study, and the participants per cell', async () => {
    const s = await recruitingStudy(
      t,
      researcher.token,
      studyBody(brandId, {
        title: 'Funnel',
        criteria: { countries: ['GR'] },
        quotas: [
          { dimension: 'country', value: 'GR', target: 1 },
          { dimension: 'gender', value: 'female', target: 5 },
        ],
      }),
    );
    const sent = await wave(t, researcher.token, s.id, { size: 2, expiresInDays: 7 });
    expect(sent.invited).toBe(2);
    const [first, second] = gr;
    expect((await accept(t, first, (await myInvitationTo(t, first, s.id))!.id)).body).toEqual({ status: 'accepted' });
    // the GR cell is full: the second is waitlisted
    expect((await accept(t, second, (await myInvitationTo(t, second, s.id))!.id)).body).toEqual({ status: 'waitlisted' });

    const list = await http()
      .get(`${API}/studies?status=recruiting&limit=100`)
      .set(...bearer(researcher.token));
    expect(list.status).toBe(200);
    const inList = (list.body.items as Array<{ id: string; funnel: unknown }>).find((i) => i.id === s.id);
    const funnel = { invited: 2, pending: 0, enrolled: 1, waitlisted: 1, declined: 0, expired: 0 };
    expect(inList?.funnel).toEqual(funnel);
    const one = await http()
      .get(`${API}/studies/${s.id}`)
      .set(...bearer(researcher.token));
    expect(one.body.funnel).toEqual(funnel);

    const cells = await http()
      .get(`${API}/studies/${s.id}/cells`)
      .set(...bearer(researcher.token));
    expect(cells.status).toBe(200);
    expect(cells.body).toEqual({
      cells: [
        { dimension: 'country', value: 'GR', target: 1, enrolled: 1, waitlisted: 1, pending: 0, declined: 0, expired: 0, invited: 2 },
        { dimension: 'gender', value: 'female', target: 5, enrolled: 1, waitlisted: 1, pending: 0, declined: 0, expired: 0, invited: 2 },
      ],
    });
  });

  it('counts declined and pending invitations; a study without invitations has a funnel of zeros', async () => {
    const s = await recruitingStudy(
      t,
      researcher.token,
      studyBody(brandId, {
        criteria: { countries: ['PT'], genders: ['male'] },
        quotas: [{ dimension: 'gender', value: 'male', target: 3 }],
      }),
    );
    await wave(t, researcher.token, s.id, { size: 3, expiresInDays: 7 });
    const invitations = await allInvitations(t, researcher.token, s.id);
    const decliner = pt.find((p) => p.id === invitations[0].panellistId)!;
    expect((await decline(t, decliner, invitations[0].id)).status).toBe(200);
    const one = await http()
      .get(`${API}/studies/${s.id}`)
      .set(...bearer(researcher.token));
    expect(one.body.funnel).toEqual({ invited: 3, pending: 2, enrolled: 0, waitlisted: 0, declined: 1, expired: 0 });
    const cells = await http()
      .get(`${API}/studies/${s.id}/cells`)
      .set(...bearer(researcher.token));
    expect(cells.body.cells[0]).toMatchObject({ invited: 3, pending: 2, declined: 1 });

    const empty = await createStudy(t, researcher.token, studyBody(brandId));
    const fresh = await http()
      .get(`${API}/studies/${empty.id}`)
      .set(...bearer(researcher.token));
    expect(fresh.body.funnel).toEqual({ invited: 0, pending: 0, enrolled: 0, waitlisted: 0, declined: 0, expired: 0 });
  });

  it('keeps the cells and the previews to researchers', async () => {
    const s = await createStudy(t, researcher.token, studyBody(brandId));
    const brandUser = await t.staff('brand', brandId);
    expect(
      (
        await http()
          .get(`${API}/studies/${s.id}/cells`)
          .set(...bearer(brandUser.token))
      ).status,
    ).toBe(403);
    expectProblem(
      await http()
        .get(`${API}/studies/00000000-0000-4000-8000-000000000000/cells`)
        .set(...bearer(researcher.token)),
      404,
    );
  });
});
