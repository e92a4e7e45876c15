import { ReportErasureService } from '@leadpanel/insights';
import { createCode, createRound, like, mustPost, setCodes } from '../discussions/discussions-helpers';
import { fileFeedback, filing } from '../feedback/feedback-helpers';
import { eventually } from '../home-testing/home-testing-helpers';
import { assignAll, createStudySurvey } from '../surveys/survey-helpers';
import { answer, API, bearer, createInsightsTestApp, SETUP_TIMEOUT, type ReportContent, type TestApp } from './insights-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';
import { erase } from '../support/data-rights';

/** Erasure reaches the stored reports: every version's JSON, HTML, CSV and share link lose the person's words, not the counts. */
describe('Insights: an erased panellist’s words leave every stored report', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: Cohort;

  // what the erased panellist (participants[0]) wrote, and what another (participants[1]) wrote
  const MINE = {
    answer: 'Erasable-Answer the kettle whistle screams at night',
    idea: 'Erasable-Idea a kettle whistle that hums a lullaby',
    feedback: 'Erasable-Feedback the whistle cap melts',
  };
  const THEIRS = {
    answer: 'Keepable-Answer the kettle whistle sounds cheap',
    idea: 'Keepable-Idea a kettle whistle with a volume dial',
  };

  const get = (path: string) =>
    t
      .http()
      .get(`${API}${path}`)
      .set(...bearer(w.researcher.token));
  const post = (path: string, body: object = {}) =>
    t
      .http()
      .post(`${API}${path}`)
      .set(...bearer(w.researcher.token))
      .send(body);

  async function readyReport(): Promise<string> {
    const res = await post(`/studies/${c.study.id}/reports`);
    expect(res.status).toBe(202);
    const id = (res.body as { id: string }).id;
    await eventually(`report ${id}`, async () => (await get(`/reports/${id}`)).body.status === 'ready');
    return id;
  }

  /** JSON, HTML, CSV and the share link of a report, as text. */
  async function outputs(id: string, sharePath: string): Promise<{ json: ReportContent; all: string[] }> {
    const json = (await get(`/reports/${id}/report.json`)).body as ReportContent;
    const html = (await get(`/reports/${id}/report.html`)).text;
    const csv = (await get(`/reports/${id}/data.csv`)).text;
    const shared = await t.http().get(sharePath);
    expect(shared.status).toBe(200);
    return { json, all: [JSON.stringify(json), html, csv, shared.text] };
  }

  /** The report without its words: every figure, pseudonym and id. */
  const figures = (content: ReportContent): string =>
    JSON.stringify(content, (k, v: unknown) => (k === 'text' || k === 'title' ? undefined : v));

  beforeAll(async () => {
    t = await createInsightsTestApp();
    w = await studyWorld(t);
    c = await cohort(t, w, { country: 'LU', participants: 3 });
    const [me, other, third] = c.participants;

    const survey = await createStudySurvey(t, w.researcher.token, {
      studyId: c.study.id,
      kind: 'general',
      title: 'The whistle',
      questions: [{ id: 'why', type: 'text', prompt: 'What about the whistle?', required: true }],
    });
    expect(await assignAll(t, w.researcher.token, survey.id)).toBe(3);
    await answer(t, me, survey.id, { why: MINE.answer });
    await answer(t, other, survey.id, { why: THEIRS.answer });

    const round = await createRound(t, w.researcher, c.study.id, { title: 'Whistles' });
    const myIdea = await mustPost(t, me, round.id, { body: MINE.idea, kind: 'idea' });
    const theirIdea = await mustPost(t, other, round.id, { body: THEIRS.idea, kind: 'idea' });
    for (const x of [other, third]) expect((await like(t, x.token, myIdea.id)).status).toBe(200);
    expect((await like(t, third.token, theirIdea.id)).status).toBe(200);
    const code = await createCode(t, w.researcher, c.study.id, 'whistle');
    for (const p of [myIdea, theirIdea]) expect((await setCodes(t, w.researcher.token, p.id, [code.id])).status).toBe(200);
    await fileFeedback(t, me, c.study.id, filing('bug', { title: MINE.feedback }));
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await t?.close();
  });

  it('after DELETE /me, every version’s JSON, HTML, CSV and share link lose the words; others’ stay; counts are equal', async () => {
    const first = await readyReport();
    const second = await readyReport();
    const shares: Record<string, string> = {};
    for (const id of [first, second]) {
      expect((await post(`/reports/${id}/publish`)).status).toBe(200);
      const res = await post(`/reports/${id}/share-links`, { expiresInHours: 2 });
      expect(res.status).toBe(201);
      shares[id] = new URL((res.body as { url: string }).url).pathname;
    }

    const before: Record<string, ReportContent> = {};
    for (const id of [first, second]) {
      const { json, all } = await outputs(id, shares[id]);
      before[id] = json;
      // the report does quote both of them, in every place a verbatim can be
      for (const text of [MINE.answer, MINE.idea, THEIRS.answer, THEIRS.idea]) expect(all[0]).toContain(text);
      expect(all[0]).toContain(MINE.feedback);
      expect(all[1]).toContain(MINE.idea);
      expect(all[3]).toContain(MINE.answer);
      expect(json.discussions.codes[0].quotes.map((q) => q.text)).toContain(MINE.idea);
    }

    const me = c.participants[0];
    expect((await erase(t, me.token)).status).toBe(204);

    for (const id of [first, second]) {
      await eventually(
        `report ${id} redacted`,
        async () => !JSON.stringify((await get(`/reports/${id}/report.json`)).body).includes('Erasable'),
      );
      const { json, all } = await outputs(id, shares[id]);
      for (const text of all) {
        expect(text).not.toContain('Erasable');
        expect(text).not.toContain('lullaby');
      }
      for (const text of [THEIRS.answer, THEIRS.idea]) {
        expect(all[0]).toContain(text);
        expect(all[3]).toContain(text);
      }
      expect(all[0]).toContain('[erased]');
      expect(figures(json)).toBe(figures(before[id]));
      expect(json.discussions.topIdeas.map((i) => i.likes)).toEqual(before[id].discussions.topIdeas.map((i) => i.likes));
    }

    // the job again (a retry) changes nothing more
    const html = (await get(`/reports/${second}/report.html`)).text;
    expect(await t.app.get(ReportErasureService).redactPanellist(me.id)).toBe(0);
    expect((await get(`/reports/${second}/report.html`)).text).toBe(html);

    // and a version generated after the erasure never had the words
    const third = await readyReport();
    expect(JSON.stringify((await get(`/reports/${third}/report.json`)).body)).not.toContain('Erasable');
  });
});
