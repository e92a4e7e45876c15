import {
  accept,
  allInvitations,
  decline,
  API,
  bearer,
  createStudiesTestApp,
  JOIN_TIMEOUT_MS,
  joinMany,
  myInvitationTo,
  postWave,
  recruitingStudy,
  studyBody,
  type Panellist,
  type PanellistSpec,
  type TestApp,
  type TestUser,
} from './studies-helpers';
import { studyWorld } from '../support/world';

/** Needs a real PostgreSQL server (PGlite is a single session): run with DATABASE_URL set. */
describe('Studies under concurrent requests', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandId: string;
  let cz: Panellist[]; // 20: concurrent waves on one study
  let sk: Panellist[]; // 6: concurrent waves on six studies (contact cap)
  let hu: Panellist[]; // 9 women: concurrent acceptances

  beforeAll(async () => {
    t = await createStudiesTestApp();
    const { campaign, ...world } = await studyWorld(t);
    ({ researcher, brandId } = world);
    const specs: PanellistSpec[] = [
      ...Array.from({ length: 20 }, (): PanellistSpec => ({ country: 'CZ' })),
      ...Array.from({ length: 6 }, (): PanellistSpec => ({ country: 'SK' })),
      ...Array.from({ length: 9 }, (): PanellistSpec => ({ country: 'HU', gender: 'female' })),
    ];
    const all = await joinMany(t, campaign, specs, 12);
    cz = all.slice(0, 20);
    sk = all.slice(20, 26);
    hu = all.slice(26);
  }, JOIN_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  it('6 concurrent waves on one study (same seed) never invite anyone twice', async () => {
    const s = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['CZ'] } }));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => postWave(t, researcher.token, s.id, { size: 5, expiresInDays: 7, seed: 'race' })),
    );
    for (const r of results) expect(r.status).toBe(201);
    const invited = results.map((r) => r.body.invited as number);
    expect(invited.reduce((a, b) => a + b, 0)).toBe(20);
    expect([...invited].sort((a, b) => b - a)).toEqual([5, 5, 5, 5, 0, 0]);
    const invitations = await allInvitations(t, researcher.token, s.id);
    expect(invitations).toHaveLength(20);
    expect(new Set(invitations.map((i) => i.panellistId)).size).toBe(20);
    expect(new Set(invitations.map((i) => i.panellistId))).toEqual(new Set(cz.map((p) => p.id)));
    // one invitation e-mail each
    for (const p of cz.slice(0, 3)) {
      await t.smtp.waitFor(p.email, 2); // the confirmation and the invitation
      await new Promise((r) => setTimeout(r, 200));
      expect(t.smtp.to(p.email).filter((m) => m.subject.startsWith('You are invited'))).toHaveLength(1);
    }
  });

  it('6 concurrent waves on six studies hold the contact cap (4 in 30 days)', async () => {
    const studies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        recruitingStudy(t, researcher.token, studyBody(brandId, { title: `Race ${i}`, criteria: { countries: ['SK'] } })),
      ),
    );
    const results = await Promise.all(studies.map((s) => postWave(t, researcher.token, s.id, { size: 10, expiresInDays: 7 })));
    for (const r of results) expect(r.status).toBe(201);
    expect(results.reduce((sum, r) => sum + (r.body.invited as number), 0)).toBe(6 * 4);
    for (const p of sk) {
      const mine = await t
        .http()
        .get(`${API}/me/invitations?limit=100`)
        .set(...bearer(p.token));
      expect(mine.body.items).toHaveLength(4);
    }
  });

  it('concurrent acceptances fill a quota cell exactly, and waitlist the rest', async () => {
    const s = await recruitingStudy(
      t,
      researcher.token,
      studyBody(brandId, { criteria: { countries: ['HU'] }, quotas: [{ dimension: 'gender', value: 'female', target: 3 }] }),
    );
    const w = await postWave(t, researcher.token, s.id, { size: 9, expiresInDays: 7 });
    expect(w.body.invited).toBe(9);
    const invitations = await Promise.all(hu.map(async (p) => (await myInvitationTo(t, p, s.id))!));
    const answers = await Promise.all(hu.map((p, i) => accept(t, p, invitations[i].id)));
    for (const a of answers) expect(a.status).toBe(200);
    const statuses = answers.map((a) => a.body.status as string);
    expect(statuses.filter((x) => x === 'accepted')).toHaveLength(3);
    expect(statuses.filter((x) => x === 'waitlisted')).toHaveLength(6);
    const participants = await t
      .http()
      .get(`${API}/studies/${s.id}/participants?limit=100`)
      .set(...bearer(researcher.token));
    const rows = participants.body.items as Array<{ status: string }>;
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(6);
    const preview = await t
      .http()
      .post(`${API}/studies/${s.id}/eligibility/preview`)
      .set(...bearer(researcher.token));
    expect(preview.body.cells).toEqual([{ dimension: 'gender', value: 'female', eligible: 0, target: 3, enrolled: 3 }]);
  });

  it('the same panellist accepting twice at once is enrolled once', async () => {
    const s = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['HU'] } }));
    // HU panellists have 2 invitations by now: one more is fine under the cap of 4
    const w = await postWave(t, researcher.token, s.id, { size: 1, expiresInDays: 7 });
    expect(w.body.invited).toBe(1);
    const [inv] = await allInvitations(t, researcher.token, s.id);
    const who = hu.find((p) => p.id === inv.panellistId)!;
    const answers = await Promise.all(Array.from({ length: 4 }, () => accept(t, who, inv.id)));
    for (const a of answers) expect(a.body).toEqual({ status: 'accepted' });
    const participants = await t
      .http()
      .get(`${API}/studies/${s.id}/participants`)
      .set(...bearer(researcher.token));
    expect(participants.body.items).toHaveLength(1);
  });
  it('an accept and a decline of one invitation at once: one wins, the other answers 409', async () => {
    // the CZ panellists have one invitation each so far: well under the cap
    const cz2 = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['CZ'] } }));
    const w = await postWave(t, researcher.token, cz2.id, { size: 6, expiresInDays: 7 });
    expect(w.body.invited).toBe(6);
    const invitations = await allInvitations(t, researcher.token, cz2.id);
    for (const inv of invitations) {
      const who = cz.find((p) => p.id === inv.panellistId)!;
      const [a, d] = await Promise.all([accept(t, who, inv.id), decline(t, who, inv.id)]);
      const outcome = [a.status, d.status].sort();
      expect(outcome).toEqual([200, 409]);
      const final = (await allInvitations(t, researcher.token, cz2.id)).find((i) => i.id === inv.id)!;
      expect(final.status).toBe(a.status === 200 ? 'accepted' : 'declined');
    }
    const participants = await t
      .http()
      .get(`${API}/studies/${cz2.id}/participants?limit=100`)
      .set(...bearer(researcher.token));
    expect(participants.body.items).toHaveLength((await allInvitations(t, researcher.token, cz2.id, 'accepted')).length);
  });
});
