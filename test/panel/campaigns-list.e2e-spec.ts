import { createBrand } from '../studies/studies-helpers';
import {
  API,
  apply,
  applicationBody,
  bearer,
  createCampaign,
  createPanelTestApp,
  expectProblem,
  type TestApp,
  type TestUser,
} from './panel-helpers';

interface CampaignItem {
  id: string;
  slug: string;
  title: string;
  screenerSurveyId: string;
  acceptScore: number;
  weights: Record<string, number>;
  applicants: number;
  createdAt: string;
}

/** GET /recruitment-campaigns: the researchers' list, newest first, a cursor page, with applicants. */
describe('Recruitment campaigns: the list', () => {
  let t: TestApp;
  let researcher: TestUser;

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
  });
  afterAll(async () => {
    await t.close();
  });

  const list = (query: Record<string, string | number> = {}, token: string | null = researcher.token) => {
    const req = t.http().get(`${API}/recruitment-campaigns`).query(query);
    if (token) req.set(...bearer(token));
    return req;
  };

  /** Every campaign of the list, walking its pages of `limit`. */
  async function all(limit: number): Promise<CampaignItem[]> {
    const out: CampaignItem[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 500; i++) {
      const res = await list(cursor ? { limit, cursor } : { limit });
      expect(res.status).toBe(200);
      const body = res.body as { items: CampaignItem[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(limit);
      out.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) return out;
    }
    throw new Error('too many pages');
  }

  it('lists campaigns newest first, page by page, each once, with the number of applicants', async () => {
    const a = await createCampaign(t, researcher.token, { title: 'First', acceptScore: 40, weights: { expertise: 2 } });
    const b = await createCampaign(t, researcher.token, { title: 'Second' });
    const c = await createCampaign(t, researcher.token, { title: 'Third' });
    for (let i = 0; i < 2; i++) expect((await apply(t, b.slug, applicationBody())).status).toBe(201);

    const items = await all(2);
    expect(new Set(items.map((x) => x.id)).size).toBe(items.length);
    const ours = items.filter((x) => [a.id, b.id, c.id].includes(x.id));
    expect(ours.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(ours[2]).toMatchObject({
      slug: a.slug,
      title: 'First',
      screenerSurveyId: a.screenerSurveyId,
      acceptScore: 40,
      weights: { expertise: 2 },
      applicants: 0,
    });
    expect(ours[1].applicants).toBe(2);
    const times = items.map((x) => Date.parse(x.createdAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('is for researchers: 401 without a token, 403 for a brand user', async () => {
    expectProblem(await list({}, null), 401);
    const brandUser = await t.staff('brand', (await createBrand(t)).id);
    expectProblem(await list({}, brandUser.token), 403);
  });

  it('refuses a bad cursor or limit with 400', async () => {
    expectProblem(await list({ cursor: 'bm90LWEtY3Vyc29y' }), 400);
    expectProblem(await list({ limit: 0 }), 400);
    expectProblem(await list({ limit: 101 }), 400);
  });
});
