import { ReportAggregator } from '@leadpanel/insights';
import { Clock } from '@leadpanel/platform';
import { eventually, settle } from '../home-testing/home-testing-helpers';
import { assignAll, createStudySurvey } from '../surveys/survey-helpers';
import { expectProblem } from '../identity/identity-helpers';
import {
  API,
  bearer,
  createBrand,
  createInsightsTestApp,
  MISSING,
  SETUP_TIMEOUT,
  answer,
  type TestApp,
  type TestUser,
} from './insights-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

interface ReportView {
  id: string;
  studyId: string;
  version: number;
  status: 'queued' | 'generating' | 'ready' | 'failed';
  error?: string | null;
  publishedAt: string | null;
}

describe('Insights: report lifecycle, brand access and share links', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: Cohort;
  let brandUser: TestUser;
  let otherBrandUser: TestUser;

  const get = (token: string | null, path: string) => {
    const req = t.http().get(`${API}${path}`);
    return token ? req.set(...bearer(token)) : req;
  };
  const post = (token: string, path: string, body: object = {}) =>
    t
      .http()
      .post(`${API}${path}`)
      .set(...bearer(token))
      .send(body);

  async function requestReport(): Promise<ReportView> {
    const res = await post(w.researcher.token, `/studies/${c.study.id}/reports`);
    expect(res.status).toBe(202);
    return res.body as ReportView;
  }

  async function finished(id: string): Promise<ReportView> {
    return eventually(`report ${id}`, async () => {
      const r = (await get(w.researcher.token, `/reports/${id}`)).body as ReportView;
      return r.status === 'ready' || r.status === 'failed' ? r : null;
    });
  }

  beforeAll(async () => {
    t = await createInsightsTestApp();
    w = await studyWorld(t);
    c = await cohort(t, w, { country: 'NL', participants: 3, study: { title: 'Kitchens <of> "2030" & beyond' } });
    brandUser = await t.staff('brand', w.brandId);
    otherBrandUser = await t.staff('brand', (await createBrand(t, 'rival')).id);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await t?.close();
  });

  it('queues a version (202), which a job makes ready with JSON, HTML and CSV; versions count up', async () => {
    const first = await requestReport();
    expect(first).toMatchObject({ studyId: c.study.id, version: expect.any(Number), status: 'queued', publishedAt: null });
    const second = await requestReport();
    expect(second.version).toBe(first.version + 1);
    expect(await finished(first.id)).toMatchObject({ status: 'ready', error: null });

    const json = await get(w.researcher.token, `/reports/${first.id}/report.json`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ studyId: c.study.id, version: first.version, minCell: 5, funnel: { enrolled: 3 } });

    const html = await get(w.researcher.token, `/reports/${first.id}/report.html`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('Kitchens &lt;of&gt; &quot;2030&quot; &amp; beyond');
    expect(html.text).not.toContain('<of>');
    expect(html.text).not.toMatch(/<script/i);

    const csv = await get(w.researcher.token, `/reports/${first.id}/data.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0].replace(/^\uFEFF/, '')).toBe('surveyId,surveyTitle,questionId,questionType,prompt,value,n,pct');

    const list = await get(w.researcher.token, `/studies/${c.study.id}/reports`);
    expect((list.body as { items: ReportView[] }).items.map((r) => r.version)).toEqual([second.version, first.version]);
  });

  it('a verbatim holding a <script> tag reaches the HTML as text, never as markup', async () => {
    const survey = await createStudySurvey(t, w.researcher.token, {
      studyId: c.study.id,
      kind: 'general',
      title: 'First impressions',
      questions: [{ id: 'why', type: 'text', prompt: 'What did you think?', required: true }],
    });
    expect(await assignAll(t, w.researcher.token, survey.id)).toBe(3);
    const hostile = '<script>alert("kettle")</script> the kettle boils fast and quiet';
    await answer(t, c.participants[0], survey.id, { why: hostile });
    await answer(t, c.participants[1], survey.id, { why: 'The kettle boils fast, the lid is stiff' });
    const r = await finished((await requestReport()).id);
    expect(r.status).toBe('ready');
    const json = (await get(w.researcher.token, `/reports/${r.id}/report.json`)).body as {
      surveys: Array<{ surveyId: string; questions: Array<{ id: string; n: number; quotes?: Array<{ text: string }> }> }>;
    };
    const why = json.surveys.find((x) => x.surveyId === survey.id)!.questions.find((q) => q.id === 'why')!;
    expect(why.n).toBe(2);
    expect(why.quotes!.map((q) => q.text)).toContain(hostile);
    const html = (await get(w.researcher.token, `/reports/${r.id}/report.html`)).text;
    expect(html).toContain('&lt;script&gt;alert(&quot;kettle&quot;)&lt;/script&gt; the kettle boils fast and quiet');
    expect(html).not.toMatch(/<script/i);
  });

  it('a failed generation keeps its error for researchers and leaves no output; it cannot be published', async () => {
    jest.spyOn(t.app.get(ReportAggregator), 'build').mockRejectedValueOnce(new Error('the aggregation broke'));
    const r = await requestReport();
    const done = await finished(r.id);
    expect(done).toMatchObject({ status: 'failed', error: 'the aggregation broke' });
    expectProblem(await get(w.researcher.token, `/reports/${r.id}/report.json`), 409);
    expectProblem(await get(w.researcher.token, `/reports/${r.id}/report.html`), 409);
    expectProblem(await post(w.researcher.token, `/reports/${r.id}/publish`), 409);
    expectProblem(await post(w.researcher.token, `/reports/${r.id}/share-links`, { expiresInHours: 1 }), 409);
  });

  it('brand users see nothing before publishing; after it their brand sees and downloads it, and is told by e-mail once', async () => {
    const r = await finished((await requestReport()).id);
    expectProblem(await get(brandUser.token, `/reports/${r.id}`), 404);
    expectProblem(await get(brandUser.token, `/reports/${r.id}/report.html`), 404);
    expect((await get(brandUser.token, `/studies/${c.study.id}/reports`)).body.items).toEqual([]);
    expect((await get(brandUser.token, '/brand/reports')).body.items.map((x: ReportView) => x.id)).not.toContain(r.id);

    const published = await post(w.researcher.token, `/reports/${r.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).toEqual(expect.any(String));
    const again = await post(w.researcher.token, `/reports/${r.id}/publish`);
    expect(again.body.publishedAt).toBe(published.body.publishedAt);

    const seen = await get(brandUser.token, `/reports/${r.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).not.toHaveProperty('error');
    expect((await get(brandUser.token, `/reports/${r.id}/report.json`)).body.studyId).toBe(c.study.id);
    expect((await get(brandUser.token, `/reports/${r.id}/data.csv`)).status).toBe(200);
    expect((await get(brandUser.token, `/studies/${c.study.id}/reports`)).body.items.map((x: ReportView) => x.id)).toEqual([r.id]);
    expect((await get(brandUser.token, '/brand/reports')).body.items.map((x: ReportView) => x.id)).toContain(r.id);
    // each listed with its study's title
    const listed = (await get(brandUser.token, '/brand/reports')).body.items.find((x: ReportView) => x.id === r.id);
    expect(listed).toMatchObject({ id: r.id, studyId: c.study.id, studyTitle: 'Kitchens <of> "2030" & beyond' });

    const ready = (): Array<{ subject: string; text: string }> =>
      t.smtp.to(brandUser.email).filter((m) => m.subject.startsWith('Your insight report is ready'));
    const mail = await eventually('the report-ready e-mail', () => Promise.resolve(ready()[0]));
    expect(mail.subject).toContain('Kitchens <of> "2030" & beyond');
    expect(mail.text).toContain(`/brand/reports/${r.id}`);
    await settle();
    expect(ready()).toHaveLength(1);

    // another brand: never there, whatever the path
    expectProblem(await get(otherBrandUser.token, `/reports/${r.id}`), 404);
    expectProblem(await get(otherBrandUser.token, `/reports/${r.id}/report.json`), 404);
    expectProblem(await get(otherBrandUser.token, `/studies/${c.study.id}/reports`), 404);
    expect((await get(otherBrandUser.token, '/brand/reports')).body.items).toEqual([]);
  });

  it('refuses panellists, brand users writing, strangers and unknown reports', async () => {
    const r = await finished((await requestReport()).id);
    const panellist = c.participants[0];
    expectProblem(await get(panellist.token, `/reports/${r.id}`), 403);
    expectProblem(await post(panellist.token, `/studies/${c.study.id}/reports`), 403);
    expectProblem(await post(brandUser.token, `/studies/${c.study.id}/reports`), 403);
    expectProblem(await post(brandUser.token, `/reports/${r.id}/publish`), 403);
    expectProblem(await get(null, `/reports/${r.id}`), 401);
    expectProblem(await get(w.researcher.token, `/reports/${MISSING}`), 404);
    expectProblem(await get(w.researcher.token, '/reports/not-a-uuid'), 400);
    expectProblem(await post(w.researcher.token, `/studies/${MISSING}/reports`), 404);
  });

  it('a share link serves the HTML without login until it expires; a tampered one is a 404', async () => {
    const r = await finished((await requestReport()).id);
    expect((await post(w.researcher.token, `/reports/${r.id}/publish`)).status).toBe(200);
    for (const bad of [
      {},
      { expiresInHours: 0 },
      { expiresInHours: 721 },
      { expiresInHours: 1.5 },
      { expiresInHours: '2' },
      { expiresInHours: 1, extra: 1 },
    ]) {
      expectProblem(await post(w.researcher.token, `/reports/${r.id}/share-links`, bad), 400);
    }
    const res = await post(w.researcher.token, `/reports/${r.id}/share-links`, { expiresInHours: 2 });
    expect(res.status).toBe(201);
    const { url, expiresAt } = res.body as { url: string; expiresAt: string };
    expect(url.startsWith(`${t.config.http.publicBaseUrl}/api/v1/shared/reports/`)).toBe(true);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(7_100_000);
    const path = new URL(url).pathname;

    const shared = await t.http().get(path);
    expect(shared.status).toBe(200);
    expect(shared.headers['content-type']).toMatch(/^text\/html/);
    expect(shared.text).toBe((await get(w.researcher.token, `/reports/${r.id}/report.html`)).text);

    const token = path.split('/').pop()!;
    const flipped = token.slice(0, -2) + (token.endsWith('A') ? 'B' : 'A') + token.slice(-1);
    for (const p of [`${API}/shared/reports/${flipped}`, `${API}/shared/reports/${token.split('.')[0]}`, `${API}/shared/reports/${r.id}`]) {
      expectProblem(await t.http().get(p), 404);
    }

    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.parse(expiresAt) + 1000));
    try {
      expectProblem(await t.http().get(path), 404);
    } finally {
      clock.mockRestore();
    }
    expect((await t.http().get(path)).status).toBe(200);
  });
});
