import {
  accept,
  allInvitations,
  API,
  bearer,
  createStudiesTestApp,
  createStudy,
  errorFields,
  expectProblem,
  JOIN_TIMEOUT_MS,
  joinMany,
  mailTo,
  moveTo,
  myInvitationTo,
  postWave,
  recruitingStudy,
  studyBody,
  UUID,
  wave,
  type Panellist,
  type PanellistSpec,
  type TestApp,
  type TestUser,
} from './studies-helpers';
import { studyWorld } from '../support/world';

const PUBLIC_BASE_URL = 'https://panel.leadpanel.test';

describe('Waves: spread by need, seeded samples, contact cap, invitation e-mails', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandId: string;
  let se: Panellist[]; // 10 female, 10 male: the spread
  let no: Panellist[]; // 16: the seeded samples
  let fi: Panellist[]; // 3: the contact cap
  let ie: Panellist[]; // 2 (en, fr): the e-mails

  beforeAll(async () => {
    t = await createStudiesTestApp();
    const { campaign, ...world } = await studyWorld(t);
    ({ researcher, brandId } = world);
    const specs: PanellistSpec[] = [
      ...Array.from({ length: 20 }, (_, i): PanellistSpec => ({ country: 'SE', gender: i < 10 ? 'female' : 'male' })),
      ...Array.from({ length: 16 }, (_, i): PanellistSpec => ({ country: 'NO', gender: i % 2 ? 'male' : 'female' })),
      ...Array.from({ length: 3 }, (): PanellistSpec => ({ country: 'FI' })),
      { country: 'IE', locale: 'en', displayName: 'Aoife English' },
      { country: 'IE', locale: 'fr', displayName: 'Aoife Française' },
    ];
    const all = await joinMany(t, campaign, specs, 10);
    se = all.slice(0, 20);
    no = all.slice(20, 36);
    fi = all.slice(36, 39);
    ie = all.slice(39);
  }, JOIN_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const idsOf = (list: Panellist[]) => new Set(list.map((p) => p.id));
  const invitedIds = async (studyId: string) => (await allInvitations(t, researcher.token, studyId)).map((i) => i.panellistId).sort();

  describe('POST /studies/:id/waves', () => {
    it('spreads a wave over the cells by remaining need, and caps open invitations at 3 × the places needed', async () => {
      const s = await recruitingStudy(
        t,
        researcher.token,
        studyBody(brandId, {
          targetSize: 8,
          criteria: { countries: ['SE'] },
          quotas: [
            { dimension: 'gender', value: 'female', target: 6 },
            { dimension: 'gender', value: 'male', target: 2 },
          ],
        }),
      );
      const first = await postWave(t, researcher.token, s.id, { size: 8, expiresInDays: 7, seed: 'spread' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        waveId: expect.stringMatching(UUID),
        invited: 8,
        seed: 'spread',
        cells: [
          { dimension: 'gender', value: 'female', target: 6, enrolled: 0, invited: 6 },
          { dimension: 'gender', value: 'male', target: 2, enrolled: 0, invited: 2 },
        ],
      });
      const invitations = await allInvitations(t, researcher.token, s.id);
      expect(invitations).toHaveLength(8);
      const female = idsOf(se.slice(0, 10));
      expect(invitations.filter((i) => female.has(i.panellistId))).toHaveLength(6);
      for (const i of invitations) {
        expect(i).toEqual({
          id: expect.stringMatching(UUID),
          studyId: s.id,
          waveId: first.body.waveId,
          panellistId: expect.stringMatching(UUID),
          status: 'invited',
          cells: [female.has(i.panellistId) ? 'gender=female' : 'gender=male'],
          expiresAt: expect.stringMatching(/Z$/),
          respondedAt: null,
          createdAt: expect.stringMatching(/Z$/),
        });
        const days = (Date.parse(i.expiresAt) - Date.parse(i.createdAt)) / 86_400_000;
        expect(days).toBeCloseTo(7, 1);
      }

      // 4 women are left; men may have 3 × 2 = 6 open invitations, 2 are out: 4 more
      const second = await wave(t, researcher.token, s.id, { size: 20, expiresInDays: 7 });
      expect(second.invited).toBe(8);
      expect(second.cells.map((c) => c.invited)).toEqual([4, 4]);
      // nothing left that the caps allow: the men's cell has 6 open invitations for 2 places
      const third = await wave(t, researcher.token, s.id, { size: 20, expiresInDays: 7 });
      expect(third.invited).toBe(0);
      const all = await invitedIds(s.id);
      expect(all).toHaveLength(16);
      expect(new Set(all).size).toBe(16);
    });

    it('draws the same sample from the same seed and the same panel', async () => {
      const body = studyBody(brandId, { criteria: { countries: ['NO'] }, quotas: [] });
      const [a, b, c, d] = [
        await recruitingStudy(t, researcher.token, body),
        await recruitingStudy(t, researcher.token, body),
        await recruitingStudy(t, researcher.token, body),
        await recruitingStudy(t, researcher.token, body),
      ];
      // every NO panellist stays well under the contact cap (4) across these four studies
      const wa = await wave(t, researcher.token, a.id, { size: 5, expiresInDays: 7, seed: 'same seed, same sample' });
      const wb = await wave(t, researcher.token, b.id, { size: 5, expiresInDays: 7, seed: 'same seed, same sample' });
      expect(wa.invited).toBe(5);
      expect(wb.invited).toBe(5);
      const sampleA = await invitedIds(a.id);
      expect(await invitedIds(b.id)).toEqual(sampleA);
      await wave(t, researcher.token, c.id, { size: 5, expiresInDays: 7, seed: 'another seed' });
      await wave(t, researcher.token, d.id, { size: 5, expiresInDays: 7, seed: 'a third seed' });
      const others = [await invitedIds(c.id), await invitedIds(d.id)];
      expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(sampleA))).toBe(true);
      for (const sample of [sampleA, ...others]) for (const id of sample) expect(idsOf(no).has(id)).toBe(true);
    });

    it('picks a seed when none is given, and answers with it', async () => {
      const s = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['NO'] } }));
      const w = await wave(t, researcher.token, s.id, { size: 1, expiresInDays: 3 });
      expect(w.seed).toEqual(expect.any(String));
      expect(w.seed.length).toBeGreaterThan(0);
      expect(w.invited).toBe(1);
    });

    it('holds the contact cap (4 in 30 days) across five studies', async () => {
      const studies = [];
      for (let i = 0; i < 5; i++)
        studies.push(
          await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['FI'] }, title: `Cap ${i}` })),
        );
      const invited = [];
      for (const s of studies) invited.push((await wave(t, researcher.token, s.id, { size: 10, expiresInDays: 7 })).invited);
      expect(invited).toEqual([3, 3, 3, 3, 0]);
      const last = studies[4];
      const preview = await t
        .http()
        .post(`${API}/studies/${last.id}/eligibility/preview`)
        .set(...bearer(researcher.token));
      expect(preview.body.eligible).toBe(0);
      for (const p of fi) {
        const mine = await t
          .http()
          .get(`${API}/me/invitations?limit=100`)
          .set(...bearer(p.token));
        expect(mine.body.items).toHaveLength(4);
        const ex = await t
          .http()
          .get(`${API}/studies/${last.id}/eligibility/explain/${p.id}`)
          .set(...bearer(researcher.token));
        expect(ex.body.eligible).toBe(false);
        expect((ex.body.reasons as Array<{ rule: string; passed: boolean }>).filter((r) => !r.passed).map((r) => r.rule)).toEqual([
          'contact_cap',
        ]);
      }
    });

    it('sends each invited panellist an invitation e-mail over SMTP, in their language', async () => {
      const s = await recruitingStudy(
        t,
        researcher.token,
        studyBody(brandId, { title: 'Irish kitchens', theme: 'small-space cooking', criteria: { countries: ['IE'] } }),
      );
      const w = await wave(t, researcher.token, s.id, { size: 5, expiresInDays: 10 });
      expect(w.invited).toBe(2);
      const [inv] = await allInvitations(t, researcher.token, s.id);
      const expiresOn = inv.expiresAt.slice(0, 10);
      const en = await mailTo(t, ie[0].email, 'You are invited: Irish kitchens');
      expect(en.text).toContain('Hello Aoife English');
      expect(en.text).toContain('small-space cooking');
      expect(en.text).toContain(expiresOn);
      expect(en.text).toContain(`${PUBLIC_BASE_URL}/me/invitations`);
      const fr = await mailTo(t, ie[1].email, 'Invitation : Irish kitchens');
      expect(fr.text).toContain('Bonjour Aoife Française');
      expect(fr.text).toContain(`${PUBLIC_BASE_URL}/me/invitations`);
      // one e-mail per invitation, not more
      await new Promise((r) => setTimeout(r, 300));
      expect(t.smtp.to(ie[0].email).filter((m) => m.subject.startsWith('You are invited'))).toHaveLength(1);
    });

    it('needs the study recruiting or in field: draft, analysing and closed answer 409', async () => {
      const s = await createStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['IS'] } }));
      expectProblem(await postWave(t, researcher.token, s.id, { size: 1, expiresInDays: 7 }), 409, 'study-not-recruiting');
      await moveTo(t, researcher.token, s.id, 'recruiting', 'in_field');
      const inField = await postWave(t, researcher.token, s.id, { size: 1, expiresInDays: 7 });
      expect(inField.status).toBe(201);
      expect(inField.body.invited).toBe(0);
      await moveTo(t, researcher.token, s.id, 'analysing');
      expectProblem(await postWave(t, researcher.token, s.id, { size: 1, expiresInDays: 7 }), 409, 'study-not-recruiting');
      await moveTo(t, researcher.token, s.id, 'closed');
      expectProblem(await postWave(t, researcher.token, s.id, { size: 1, expiresInDays: 7 }), 409, 'study-not-recruiting');
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['no size', { expiresInDays: 7 }, ['size']],
      ['a size of 0', { size: 0, expiresInDays: 7 }, ['size']],
      ['a fractional size', { size: 1.5, expiresInDays: 7 }, ['size']],
      ['a size as a string', { size: '5', expiresInDays: 7 }, ['size']],
      ['a huge size', { size: 10_001, expiresInDays: 7 }, ['size']],
      ['no expiry', { size: 1 }, ['expiresInDays']],
      ['an expiry of 0 days', { size: 1, expiresInDays: 0 }, ['expiresInDays']],
      ['an expiry of 91 days', { size: 1, expiresInDays: 91 }, ['expiresInDays']],
      ['a seed that is not text', { size: 1, expiresInDays: 7, seed: 42 }, ['seed']],
      ['a seed with a control character', { size: 1, expiresInDays: 7, seed: 'a\u0000b' }, ['seed']],
      ['an unknown field', { size: 1, expiresInDays: 7, cells: [] }, ['cells']],
    ])('refuses %s with 400', async (_what, body, fields) => {
      const s = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['IS'] } }));
      const res = await postWave(t, researcher.token, s.id, body);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(fields);
    });
  });

  describe('GET /studies/:id/invitations', () => {
    it('filters by ?status= and pages with a cursor', async () => {
      const s = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['NO'] } }));
      const w = await wave(t, researcher.token, s.id, { size: 5, expiresInDays: 7 });
      expect(w.invited).toBe(5);
      const all = await allInvitations(t, researcher.token, s.id);
      const taker = no.find((p) => p.id === all[0].panellistId)!;
      const inv = await myInvitationTo(t, taker, s.id);
      expect((await accept(t, taker, inv!.id)).status).toBe(200);
      expect((await allInvitations(t, researcher.token, s.id, 'accepted')).map((i) => i.panellistId)).toEqual([taker.id]);
      expect(await allInvitations(t, researcher.token, s.id, 'invited')).toHaveLength(4);
      expect(await allInvitations(t, researcher.token, s.id, 'declined')).toEqual([]);

      const page1 = await t
        .http()
        .get(`${API}/studies/${s.id}/invitations?limit=2`)
        .set(...bearer(researcher.token));
      expect(page1.status).toBe(200);
      expect(page1.body.items).toHaveLength(2);
      const page2 = await t
        .http()
        .get(`${API}/studies/${s.id}/invitations?limit=2&cursor=${page1.body.nextCursor as string}`)
        .set(...bearer(researcher.token));
      const page3 = await t
        .http()
        .get(`${API}/studies/${s.id}/invitations?limit=2&cursor=${page2.body.nextCursor as string}`)
        .set(...bearer(researcher.token));
      expect(page3.body.nextCursor).toBeNull();
      const paged = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((i: { id: string }) => i.id);
      expect(paged.sort()).toEqual(all.map((i) => i.id).sort());

      const bad = await t
        .http()
        .get(`${API}/studies/${s.id}/invitations?status=maybe`)
        .set(...bearer(researcher.token));
      expectProblem(bad, 400);
      expect(errorFields(bad)).toEqual(['status']);
    });
  });
});
