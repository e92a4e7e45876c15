import { feedbackItem, fileFeedback, filing } from '../feedback/feedback-helpers';
import { createRound, mustPost } from '../discussions/discussions-helpers';
import { readCsv } from '../home-testing/fulfilment-helpers';
import { eventually } from '../home-testing/home-testing-helpers';
import { expectProblem } from '../panel/panel-helpers';
import { uniqueEmail } from '../support/test-app';
import { assignAll, createStudySurvey } from '../surveys/survey-helpers';
import { answer, API, bearer, createInsightsTestApp, SETUP_TIMEOUT, type TestApp } from '../insights/insights-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

/** Text a participant may type: markup, an event handler, entities. No link, e-mail or phone (the report masks those). */
const HOSTILE = '<script>alert("xss")</script><img src=x onerror="alert(1)"> & <b>bold</b> &amp;';
/** Cells a spreadsheet would run as formulas. */
const FORMULA_TITLE = `=cmd|' /C calc'!A0`;
const FORMULA_PROMPT = '@SUM(1+1)*cmd';
const FORMULA_OPTION = '-2+3';

/** Handlebars' escaping, which every HTML this product renders goes through. */
const escaped = (text: string): string =>
  text.replace(
    /[&<>"'`=]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[c] ?? c,
  );

/**
 * Stored text is never rendered as markup and never runs in a spreadsheet, end to end: a
 * participant's discussion idea and beta feedback, and a researcher's survey wording, go
 * through the report job into JSON (the literal text), HTML (escaped, also through a share
 * link) and CSV (formula cells neutralised). Posts as JSON, the pick list's CSV and survey
 * verbatims are proven in test/discussions/posts, test/home-testing/fulfilment and
 * test/insights/reports.
 */
describe('Security: stored text in reports, exports and e-mail', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: Cohort;
  let surveyId: string;
  let feedbackId: string;
  let reportId: string;

  const get = (path: string) =>
    t
      .http()
      .get(`${API}${path}`)
      .set(...bearer(w.researcher.token));

  beforeAll(async () => {
    t = await createInsightsTestApp();
    w = await studyWorld(t);
    c = await cohort(t, w, { country: 'IS', participants: 2 });
    const [p, q] = c.participants;

    const round = await createRound(t, w.researcher, c.study.id, { title: 'Ideas' });
    await mustPost(t, p, round.id, { body: HOSTILE, kind: 'idea' });

    feedbackId = (await fileFeedback(t, q, c.study.id, filing('bug', { title: HOSTILE, body: HOSTILE }))).id;

    const survey = await createStudySurvey(t, w.researcher.token, {
      studyId: c.study.id,
      kind: 'general',
      title: FORMULA_TITLE,
      questions: [
        {
          id: 'pick',
          type: 'single_choice',
          prompt: FORMULA_PROMPT,
          required: true,
          options: [
            { value: FORMULA_OPTION, label: 'Minus two plus three' },
            { value: 'plain', label: 'Plain' },
          ],
        },
      ],
    });
    surveyId = survey.id;
    expect(await assignAll(t, w.researcher.token, surveyId)).toBe(2);
    await answer(t, p, surveyId, { pick: FORMULA_OPTION });
    await answer(t, q, surveyId, { pick: 'plain' });

    const requested = await t
      .http()
      .post(`${API}/studies/${c.study.id}/reports`)
      .set(...bearer(w.researcher.token));
    expect(requested.status).toBe(202);
    reportId = requested.body.id as string;
    await eventually(`report ${reportId}`, async () => {
      const status = (await get(`/reports/${reportId}`)).body.status as string;
      if (status === 'failed') throw new Error('the report failed');
      return status === 'ready';
    });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  it('keeps feedback as the very text written, in JSON', async () => {
    const item = await feedbackItem(t, w.researcher.token, c.study.id, feedbackId);
    expect(item).toMatchObject({ title: HOSTILE, body: HOSTILE });
  });

  it('carries the idea and the feedback title into the report JSON as literal strings', async () => {
    const res = await get(`/reports/${reportId}/report.json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const content = res.body as {
      discussions: { topIdeas: Array<{ text: string }> };
      feedback: { top: Array<{ id: string; title: string }> };
    };
    expect(content.discussions.topIdeas.map((i) => i.text)).toContain(HOSTILE);
    expect(content.feedback.top.find((f) => f.id === feedbackId)?.title).toBe(HOSTILE);
  });

  it('renders them escaped in the report HTML and through a share link: no element, no handler comes from stored text', async () => {
    const html = await get(`/reports/${reportId}/report.html`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['x-content-type-options']).toBe('nosniff');
    expect(html.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);

    // share links are for published reports only
    const published = await t
      .http()
      .post(`${API}/reports/${reportId}/publish`)
      .set(...bearer(w.researcher.token));
    expect(published.status).toBe(200);
    const link = await t
      .http()
      .post(`${API}/reports/${reportId}/share-links`)
      .set(...bearer(w.researcher.token))
      .send({ expiresInHours: 1 });
    expect(link.status).toBe(201);
    const shared = await t.http().get(new URL(link.body.url as string).pathname);
    expect(shared.status).toBe(200);
    expect(shared.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);

    for (const doc of [html.text, shared.text]) {
      expect(doc.split(escaped(HOSTILE)).length - 1).toBeGreaterThanOrEqual(2); // the idea and the feedback title
      expect(doc).not.toMatch(/<script|<img|<b>|onerror=/i);
      expect(doc).toContain(escaped(FORMULA_TITLE));
    }
  });

  it('neutralises formula cells in the report CSV: the survey title, the prompt and an answer value start with an apostrophe', async () => {
    const res = await get(`/reports/${reportId}/data.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = readCsv(res.text);
    const col = (name: string) => header.indexOf(name);
    const mine = rows.filter((r) => r[col('surveyId')] === surveyId);
    expect(mine.map((r) => r[col('value')]).sort()).toEqual([`'${FORMULA_OPTION}`, 'plain']);
    for (const r of mine) {
      expect(r[col('surveyTitle')]).toBe(`'${FORMULA_TITLE}`);
      expect(r[col('prompt')]).toBe(`'${FORMULA_PROMPT}`);
    }
    // no cell of the whole document starts with a formula character
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
  });

  it('escapes a nomination reason in the HTML part of the referral e-mail', async () => {
    const [p] = c.participants;
    const nominee = uniqueEmail('nominee');
    const res = await t
      .http()
      .post(`${API}/me/referrals`)
      .set(...bearer(p.token))
      .send({ email: nominee, name: '<b>Nina</b>', reason: HOSTILE });
    expect(res.status).toBe(201);
    expect(res.body.nomineeName).toBe('<b>Nina</b>');
    const mail = await eventually('the referral e-mail', () => Promise.resolve(t.smtp.to(nominee)[0]));
    expect(mail.text).toContain(HOSTILE);
    expect(mail.html).not.toMatch(/<script|<img|<b>/i);
    expect(mail.html).toContain('&lt;script&gt;');
  });

  it('refuses stored text that is not text: a NUL in a post is a 400, never a 500', async () => {
    const round = await createRound(t, w.researcher, c.study.id, { title: 'More ideas' });
    const res = await t
      .http()
      .post(`${API}/rounds/${round.id}/posts`)
      .set(...bearer(c.participants[0].token))
      .send({ body: 'before\u0000after' });
    expectProblem(res, 400);
  });
});
