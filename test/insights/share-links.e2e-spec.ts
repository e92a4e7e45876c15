import { Clock } from '@leadpanel/platform';
import { eventually } from '../home-testing/home-testing-helpers';
import { expectProblem } from '../identity/identity-helpers';
import { API, bearer, createBrand, createInsightsTestApp, MISSING, SETUP_TIMEOUT, type TestApp, type TestUser } from './insights-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

interface ShareLink {
  id: string;
  url: string;
  expiresAt: string;
}
interface ListedLink {
  id: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

describe('Insights: share links are stored, listed, revoked, only for published reports, one spelling each', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: Cohort;
  let brandUser: TestUser;
  let otherBrandUser: TestUser;

  const as = (user: { token: string } | null) => ({
    get: (path: string) => {
      const req = t.http().get(`${API}${path}`);
      return user ? req.set(...bearer(user.token)) : req;
    },
    post: (path: string, body: object = {}) =>
      t
        .http()
        .post(`${API}${path}`)
        .set(...bearer(user!.token))
        .send(body),
    delete: (path: string) => {
      const req = t.http().delete(`${API}${path}`);
      return user ? req.set(...bearer(user.token)) : req;
    },
  });
  const sharedPath = (link: ShareLink): string => new URL(link.url).pathname;

  async function readyReport(): Promise<string> {
    const res = await as(w.researcher).post(`/studies/${c.study.id}/reports`);
    expect(res.status).toBe(202);
    const id = (res.body as { id: string }).id;
    await eventually(`report ${id}`, async () => (await as(w.researcher).get(`/reports/${id}`)).body.status === 'ready');
    return id;
  }

  async function share(reportId: string, hours = 2): Promise<ShareLink> {
    const res = await as(w.researcher).post(`/reports/${reportId}/share-links`, { expiresInHours: hours });
    expect(res.status).toBe(201);
    return res.body as ShareLink;
  }

  let reportId: string;

  beforeAll(async () => {
    t = await createInsightsTestApp();
    w = await studyWorld(t);
    c = await cohort(t, w, { country: 'BE', participants: 2 });
    brandUser = await t.staff('brand', w.brandId);
    otherBrandUser = await t.staff('brand', (await createBrand(t, 'rival')).id);
    reportId = await readyReport();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a link for an unpublished report (409 report-not-published) and stores none', async () => {
    expectProblem(await as(w.researcher).post(`/reports/${reportId}/share-links`, { expiresInHours: 2 }), 409, 'report-not-published');
    expect((await as(w.researcher).get(`/reports/${reportId}/share-links`)).body).toEqual({ items: [], nextCursor: null });
    expect((await as(w.researcher).post(`/reports/${reportId}/publish`)).status).toBe(200);
  });

  it('201 {id, url, expiresAt}; listed to researchers and the own brand, newest first, never to another brand', async () => {
    const first = await share(reportId, 2);
    const second = await share(reportId, 5);
    expect(first).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), url: expect.any(String), expiresAt: expect.any(String) });
    expect(first.url.startsWith(`${t.config.http.publicBaseUrl}/api/v1/shared/reports/`)).toBe(true);
    expect((await t.http().get(sharedPath(first))).status).toBe(200);

    for (const who of [w.researcher, brandUser]) {
      const list = await as(who).get(`/reports/${reportId}/share-links`);
      expect(list.status).toBe(200);
      const items = (list.body as { items: ListedLink[] }).items;
      expect(items.slice(0, 2).map((l) => l.id)).toEqual([second.id, first.id]);
      expect(items.find((l) => l.id === first.id)).toEqual({
        id: first.id,
        createdAt: expect.any(String),
        expiresAt: first.expiresAt,
        revokedAt: null,
      });
      expect(JSON.stringify(list.body)).not.toContain(sharedPath(first).split('/').pop());
    }
    const page = await as(w.researcher).get(`/reports/${reportId}/share-links?limit=1`);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));

    expectProblem(await as(otherBrandUser).get(`/reports/${reportId}/share-links`), 404);
    expectProblem(await as(c.participants[0]).get(`/reports/${reportId}/share-links`), 403);
    expectProblem(await as(brandUser).post(`/reports/${reportId}/share-links`, { expiresInHours: 2 }), 403);
    expectProblem(await as(null).get(`/reports/${reportId}/share-links`), 401);
    expectProblem(await as(w.researcher).get(`/reports/${MISSING}/share-links`), 404);
  });

  it('accepts only the canonical token: the three other spellings of its last character are a 404', async () => {
    const link = await share(reportId);
    const token = sharedPath(link).split('/').pop()!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.slice(-1));
    const spellings = [0, 1, 2, 3].map((spare) => `${token.slice(0, -1)}${alphabet[(last & ~3) | spare]}`);
    expect(new Set(spellings.map((s) => Buffer.from(s.split('.')[1], 'base64url').toString('hex'))).size).toBe(1);
    for (const s of spellings) {
      const res = await t.http().get(`${API}/shared/reports/${s}`);
      if (s === token) expect(res.status).toBe(200);
      else expectProblem(res, 404);
    }
  });

  it('revoking (own brand or researcher): 204, the link 404s from then on, listed with revokedAt; another brand: 404', async () => {
    const link = await share(reportId);
    const other = await share(reportId);
    expectProblem(await as(otherBrandUser).delete(`/share-links/${link.id}`), 404);
    expectProblem(await as(c.participants[0]).delete(`/share-links/${link.id}`), 403);
    expectProblem(await as(null).delete(`/share-links/${link.id}`), 401);
    expect((await t.http().get(sharedPath(link))).status).toBe(200);

    expect((await as(brandUser).delete(`/share-links/${link.id}`)).status).toBe(204);
    expectProblem(await t.http().get(sharedPath(link)), 404);
    expect((await t.http().get(sharedPath(other))).status).toBe(200);
    const listed = (await as(w.researcher).get(`/reports/${reportId}/share-links`)).body as { items: ListedLink[] };
    const revokedAt = listed.items.find((l) => l.id === link.id)!.revokedAt;
    expect(revokedAt).toEqual(expect.any(String));

    // again: 204, the first revocation time stays
    expect((await as(w.researcher).delete(`/share-links/${link.id}`)).status).toBe(204);
    const again = (await as(w.researcher).get(`/reports/${reportId}/share-links`)).body as { items: ListedLink[] };
    expect(again.items.find((l) => l.id === link.id)!.revokedAt).toBe(revokedAt);

    expect((await as(w.researcher).delete(`/share-links/${other.id}`)).status).toBe(204);
    expectProblem(await t.http().get(sharedPath(other)), 404);
    expectProblem(await as(w.researcher).delete(`/share-links/${MISSING}`), 404, 'share-link-not-found');
    expectProblem(await as(w.researcher).delete('/share-links/not-a-uuid'), 400);
  });

  it('serves the Report JSON behind a live link for the app (no login, no-store), and 404s it exactly like the HTML', async () => {
    const link = await share(reportId);
    const json = await t.http().get(`${sharedPath(link)}/report.json`);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.headers['cache-control']).toContain('no-store');
    expect(json.headers['referrer-policy']).toBe('no-referrer');
    expect(json.body).toEqual((await as(w.researcher).get(`/reports/${reportId}/report.json`)).body);
    expect(json.body.studyId).toBe(c.study.id);

    const token = sharedPath(link).split('/').pop()!;
    expectProblem(await t.http().get(`${API}/shared/reports/${token}x/report.json`), 404);
    expectProblem(await t.http().get(`${API}/shared/reports/not-a-token/report.json`), 404);

    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.parse(link.expiresAt) + 1000));
    try {
      expectProblem(await t.http().get(`${sharedPath(link)}/report.json`), 404);
    } finally {
      clock.mockRestore();
    }

    expect((await as(w.researcher).delete(`/share-links/${link.id}`)).status).toBe(204);
    expectProblem(await t.http().get(`${sharedPath(link)}/report.json`), 404, 'report-not-found');
    expectProblem(await t.http().get(sharedPath(link)), 404);
  });

  it('an expired link is a 404 like a revoked one', async () => {
    const link = await share(reportId, 1);
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.parse(link.expiresAt) + 1000));
    try {
      expectProblem(await t.http().get(sharedPath(link)), 404);
    } finally {
      clock.mockRestore();
    }
    expect((await t.http().get(sharedPath(link))).status).toBe(200);
  });
});
