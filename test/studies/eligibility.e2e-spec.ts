import { randomBytes } from 'node:crypto';
import {
  accept,
  API,
  bearer,
  createStudiesTestApp,
  createStudy,
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

interface Preview {
  eligible: number;
  cells: Array<{ dimension: string; value: string; eligible: number; target: number; enrolled: number }>;
}
interface Reason {
  rule: string;
  passed: boolean;
  detail: string;
}

const YEAR = new Date().getUTCFullYear();
const born = (age: number) => YEAR - age;

describe('Eligibility: preview per cell, explain per rule', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandId: string;
  /** the preview panel (NL, BE), a paused NL panellist and a DE one */
  let p: Panellist[];
  /** the explain panel (LU) */
  let x: Panellist;
  let y: Panellist;
  const suffix = randomBytes(3).toString('hex');
  const diet = `diet_${suffix}`;
  const hours = `hours_${suffix}`;
  const tools = `tools_${suffix}`;
  const maker = `maker_${suffix}`;

  const specs: PanellistSpec[] = [
    { country: 'NL', birthYear: born(36), gender: 'female', tier: 'lead_user' }, // 0 35-44
    { country: 'NL', birthYear: born(26), gender: 'male', tier: 'lead_user' }, // 1 25-34
    { country: 'NL', birthYear: born(26), gender: 'female', tier: 'emerging' }, // 2 25-34
    { country: 'NL', birthYear: born(46), gender: 'male', tier: 'mainstream' }, // 3 45-54
    { country: 'NL', birthYear: born(30), gender: 'female', tier: 'lead_user' }, // 4 25-34
    { country: 'BE', birthYear: born(31), gender: 'female', tier: 'lead_user' }, // 5 25-34
    { country: 'BE', birthYear: born(66), gender: 'non_binary', tier: 'emerging' }, // 6 65+
    { country: 'BE', birthYear: born(21), gender: 'male', tier: 'mainstream' }, // 7 18-24
    { country: 'BE', birthYear: born(40), gender: 'female', tier: 'emerging' }, // 8 35-44
    { country: 'NL', birthYear: born(28), gender: 'female', tier: 'lead_user' }, // 9 paused
    { country: 'DE', birthYear: born(30), gender: 'female', tier: 'lead_user' }, // 10 wrong country
    { country: 'LU', birthYear: born(35), gender: 'male', tier: 'lead_user' }, // x
    { country: 'LU', birthYear: born(35), gender: 'female', tier: 'lead_user' }, // y
  ];

  const profile = (who: Panellist, body: Record<string, unknown>) =>
    t
      .http()
      .patch(`${API}/me/profile`)
      .set(...bearer(who.token))
      .send(body);

  beforeAll(async () => {
    t = await createStudiesTestApp({ PANEL_MAX_INVITES_30D: '2' });
    const { campaign, ...world } = await studyWorld(t);
    ({ researcher, brandId } = world);
    for (const body of [
      { key: diet, label: 'Diet', type: 'enum', options: ['vegan', 'omnivore'] },
      { key: hours, label: 'Hours of DIY a week', type: 'number' },
      { key: tools, label: 'Tools owned', type: 'multi_enum', options: ['drill', 'saw', 'lathe'] },
      { key: maker, label: 'Has built a tool', type: 'boolean' },
    ]) {
      const attr = await t
        .http()
        .post(`${API}/profile-attributes`)
        .set(...bearer(researcher.token))
        .send(body);
      expect(attr.status).toBe(201);
    }
    const all = await joinMany(t, campaign, specs);
    p = all.slice(0, 11);
    [x, y] = all.slice(11);
    const updates: Array<[number, Record<string, unknown>]> = [
      [0, { attributes: { [diet]: 'vegan' }, interests: ['cooking'] }],
      [1, { attributes: { [diet]: 'vegan', [hours]: 3, [tools]: ['saw'], [maker]: true } }],
      [2, { attributes: { [diet]: 'omnivore', [hours]: 10, [tools]: ['drill', 'saw'], [maker]: false } }],
      [3, { attributes: { [hours]: 20, [maker]: true } }],
      [7, { attributes: { [tools]: ['lathe'] } }],
      [4, { interests: ['Cooking', 'diy'] }],
      [5, { attributes: { [diet]: 'vegan' } }],
      [6, { attributes: { [diet]: 'omnivore' } }],
      [8, { interests: ['diy'] }],
      [9, { attributes: { [diet]: 'vegan' } }],
      [10, { attributes: { [diet]: 'vegan' } }],
    ];
    for (const [i, body] of updates) expect((await profile(p[i], body)).status).toBe(200);
    const paused = await t
      .http()
      .patch(`${API}/panellists/${p[9].id}/status`)
      .set(...bearer(researcher.token))
      .send({ status: 'paused', reason: 'on holiday' });
    expect(paused.status).toBe(200);
  }, JOIN_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const preview = async (studyId: string): Promise<Preview> => {
    const res = await t
      .http()
      .post(`${API}/studies/${studyId}/eligibility/preview`)
      .set(...bearer(researcher.token));
    expect(res.status).toBe(200);
    return res.body as Preview;
  };
  const explain = (studyId: string, panellistId: string) =>
    t
      .http()
      .get(`${API}/studies/${studyId}/eligibility/explain/${panellistId}`)
      .set(...bearer(researcher.token));
  const reason = (reasons: Reason[], rule: string): Reason => {
    const found = reasons.find((r) => r.rule === rule);
    if (!found) throw new Error(`no rule ${rule} in ${JSON.stringify(reasons)}`);
    return found;
  };
  const NL_BE = { countries: ['NL', 'BE'] };

  describe('POST /studies/:id/eligibility/preview', () => {
    it('counts the eligible panellists in total and in each quota cell (active only, within the criteria)', async () => {
      const s = await createStudy(
        t,
        researcher.token,
        studyBody(brandId, {
          criteria: NL_BE,
          quotas: [
            { dimension: 'country', value: 'NL', target: 3 },
            { dimension: 'country', value: 'BE', target: 2 },
            { dimension: 'gender', value: 'female', target: 3 },
            { dimension: 'ageBand', value: '25-34', target: 2 },
            { dimension: 'tier', value: 'lead_user', target: 2 },
            { dimension: `attribute:${diet}`, value: 'vegan', target: 1 },
          ],
        }),
      );
      expect(await preview(s.id)).toEqual({
        eligible: 9,
        cells: [
          { dimension: 'country', value: 'NL', eligible: 5, target: 3, enrolled: 0 },
          { dimension: 'country', value: 'BE', eligible: 4, target: 2, enrolled: 0 },
          { dimension: 'gender', value: 'female', eligible: 5, target: 3, enrolled: 0 },
          { dimension: 'ageBand', value: '25-34', eligible: 4, target: 2, enrolled: 0 },
          { dimension: 'tier', value: 'lead_user', eligible: 4, target: 2, enrolled: 0 },
          { dimension: `attribute:${diet}`, value: 'vegan', eligible: 3, target: 1, enrolled: 0 },
        ],
      });
    });

    it('counts the cells of a boolean attribute quota', async () => {
      const s = await createStudy(
        t,
        researcher.token,
        studyBody(brandId, {
          criteria: NL_BE,
          quotas: [
            { dimension: `attribute:${maker}`, value: 'true', target: 1 },
            { dimension: `attribute:${maker}`, value: 'false', target: 1 },
          ],
        }),
      );
      expect(await preview(s.id)).toEqual({
        eligible: 9,
        cells: [
          { dimension: `attribute:${maker}`, value: 'true', eligible: 2, target: 1, enrolled: 0 },
          { dimension: `attribute:${maker}`, value: 'false', eligible: 1, target: 1, enrolled: 0 },
        ],
      });
    });

    it.each<[string, Record<string, unknown>, number]>([
      ['an age range and tiers', { ...NL_BE, ageMin: 25, ageMax: 45, tiers: ['lead_user', 'emerging'] }, 6],
      ['a minimum score and a gender', { ...NL_BE, minScore: 70, genders: ['female'] }, 3],
      ['interests, compared case-insensitively', { ...NL_BE, interestsAny: ['COOKING', 'gardening'] }, 2],
      ['an attribute eq condition', { ...NL_BE, attributes: [{ key: diet, op: 'eq', value: 'vegan' }] }, 3],
      ['an attribute in condition', { ...NL_BE, attributes: [{ key: diet, op: 'in', value: ['vegan', 'omnivore'] }] }, 5],
      ['a number attribute at least', { ...NL_BE, attributes: [{ key: hours, op: 'gte', value: 5 }] }, 2],
      ['a number attribute at most', { ...NL_BE, attributes: [{ key: hours, op: 'lte', value: 5 }] }, 1],
      [
        'a number attribute between',
        {
          ...NL_BE,
          attributes: [
            { key: hours, op: 'gte', value: 5 },
            { key: hours, op: 'lte', value: 15 },
          ],
        },
        1,
      ],
      ['a number attribute equal', { ...NL_BE, attributes: [{ key: hours, op: 'eq', value: 10 }] }, 1],
      ['a multi-choice attribute that has an option', { ...NL_BE, attributes: [{ key: tools, op: 'eq', value: 'saw' }] }, 2],
      ['a multi-choice attribute with any of options', { ...NL_BE, attributes: [{ key: tools, op: 'in', value: ['drill', 'lathe'] }] }, 2],
      ['a boolean attribute', { ...NL_BE, attributes: [{ key: maker, op: 'eq', value: true }] }, 2],
      ['an age band at the edge (65 and over)', { ...NL_BE, ageMin: 65 }, 1],
      ['one country', { countries: ['BE'] }, 4],
    ])('applies %s', async (_what, criteria, eligible) => {
      const s = await createStudy(t, researcher.token, studyBody(brandId, { criteria }));
      const res = await preview(s.id);
      expect(res).toEqual({ eligible, cells: [] });
    });

    it('shows the enrolled count of each cell and leaves out panellists already invited', async () => {
      const s = await recruitingStudy(
        t,
        researcher.token,
        studyBody(brandId, { criteria: { countries: ['LU'] }, quotas: [{ dimension: 'gender', value: 'male', target: 1 }] }),
      );
      expect(await preview(s.id)).toEqual({
        eligible: 2,
        cells: [{ dimension: 'gender', value: 'male', eligible: 1, target: 1, enrolled: 0 }],
      });
      const w = await wave(t, researcher.token, s.id, { size: 10, expiresInDays: 7 });
      expect(w.invited).toBe(2);
      const inv = await myInvitationTo(t, x, s.id);
      expect((await accept(t, x, inv!.id)).body).toEqual({ status: 'accepted' });
      expect(await preview(s.id)).toEqual({
        eligible: 0,
        cells: [{ dimension: 'gender', value: 'male', eligible: 0, target: 1, enrolled: 1 }],
      });

      // explain now: x is in and already invited; y is already invited; with the cap of 2, one more study to go
      const ex = await explain(s.id, y.id);
      expect(ex.status).toBe(200);
      expect(ex.body.eligible).toBe(false);
      expect(reason(ex.body.reasons as Reason[], 'already_invited')).toEqual({
        rule: 'already_invited',
        passed: false,
        detail: expect.any(String),
      });
      expect(reason(ex.body.reasons as Reason[], 'contact_cap')).toMatchObject({ passed: true });
      const exX = await explain(s.id, x.id);
      expect(reason(exX.body.reasons as Reason[], 'cell_full')).toMatchObject({
        passed: false,
        detail: expect.stringContaining('gender=male'),
      });

      // a second study invites both again: they reach the cap of 2 invitations in 30 days
      const s2 = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['LU'] } }));
      expect((await wave(t, researcher.token, s2.id, { size: 10, expiresInDays: 7 })).invited).toBe(2);
      const s3 = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['LU'] } }));
      expect((await preview(s3.id)).eligible).toBe(0);
      const capped = await explain(s3.id, y.id);
      expect(capped.status).toBe(200);
      expect(capped.body.eligible).toBe(false);
      expect(reason(capped.body.reasons as Reason[], 'contact_cap')).toEqual({
        rule: 'contact_cap',
        passed: false,
        detail: expect.stringMatching(/2 invitations .*cap of 2/),
      });
      expect(reason(capped.body.reasons as Reason[], 'already_invited')).toMatchObject({ passed: true });
      expect((capped.body.reasons as Reason[]).filter((r) => !r.passed).map((r) => r.rule)).toEqual(['contact_cap']);
      expect((await wave(t, researcher.token, s3.id, { size: 10, expiresInDays: 7 })).invited).toBe(0);
    });
  });

  describe('GET /studies/:id/eligibility/explain/:panellistId', () => {
    let s: { id: string };
    beforeAll(async () => {
      s = await createStudy(
        t,
        researcher.token,
        studyBody(brandId, {
          criteria: {
            ...NL_BE,
            ageMin: 25,
            ageMax: 45,
            tiers: ['lead_user', 'emerging'],
            attributes: [{ key: diet, op: 'in', value: ['vegan'] }],
          },
          quotas: [
            { dimension: 'country', value: 'NL', target: 3 },
            { dimension: 'gender', value: 'female', target: 3 },
          ],
        }),
      );
    });

    it('lists every rule, passed, for an eligible panellist', async () => {
      const res = await explain(s.id, p[0].id);
      expect(res.status).toBe(200);
      expect(res.body.eligible).toBe(true);
      const reasons = res.body.reasons as Reason[];
      expect(reasons.map((r) => r.rule)).toEqual([
        'status',
        'contact_cap',
        'already_invited',
        'country',
        'age',
        'gender',
        'score',
        'tier',
        'interests',
        `attribute:${diet}`,
        'cell_full',
        'cell_full',
      ]);
      for (const r of reasons) expect(r).toEqual({ rule: expect.any(String), passed: true, detail: expect.any(String) });
      expect(reason(reasons, 'country').detail).toBe('country NL is in [NL, BE]');
      expect(reason(reasons, 'age').detail).toBe(`born ${born(36)}: age 36 is within 25–45`);
      expect(reason(reasons, 'contact_cap').detail).toBe('0 invitations in the last 30 days, below the cap of 2');
    });

    it.each<[string, () => Panellist, string[], string, RegExp]>([
      ['a wrong country', () => p[10], ['country'], 'country', /^country DE is not in \[NL, BE\]$/],
      ['a paused status', () => p[9], ['status'], 'status', /status is paused/],
      [
        'a wrong tier, age and attribute',
        () => p[3],
        ['age', 'tier', `attribute:${diet}`],
        'tier',
        /tier mainstream is not in \[lead_user, emerging\]/,
      ],
      ['an age out of range', () => p[6], ['age', `attribute:${diet}`], 'age', /age 66 is above the maximum 45/],
      ['a missing attribute', () => p[4], [`attribute:${diet}`], `attribute:${diet}`, /not set/],
    ])('names the failed rules for %s', async (_what, who, failed, rule, detail) => {
      const res = await explain(s.id, who().id);
      expect(res.status).toBe(200);
      expect(res.body.eligible).toBe(false);
      const reasons = res.body.reasons as Reason[];
      expect(reasons.filter((r) => !r.passed).map((r) => r.rule)).toEqual(failed);
      expect(reason(reasons, rule).detail).toMatch(detail);
    });

    it('answers 404 for an unknown panellist or study', async () => {
      expectProblem(await explain(s.id, '00000000-0000-4000-8000-000000000000'), 404);
      expectProblem(await explain('00000000-0000-4000-8000-000000000000', p[0].id), 404);
      expectProblem(await explain(s.id, researcher.id), 404);
    });
  });
});
