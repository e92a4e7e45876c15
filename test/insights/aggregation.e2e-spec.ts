import { StudyDirectory } from '@leadpanel/studies';
import { InsightsError } from '@leadpanel/insights';
import { createStudy, studyBody } from '../studies/studies-helpers';
import { type Survey } from '../surveys/survey-helpers';
import {
  buildReport,
  meanSd,
  MISSING,
  stringsIn,
  type Panellist,
  type ReportContent,
  type SegmentedCohort,
  type TestApp,
} from './insights-helpers';
import { type StudyWorld } from '../support/world';
import { aggregationWorld, GENERATED_AT, SURVEY_QUESTIONS } from './aggregation-world';

/** Student's t quantiles t(0.975, df), as SciPy's t.ppf gives them (tables show 4.3027 and 2.4469). */
const T975 = { 2: 4.302652729749462, 6: 2.4469118511449786 } as const;
/** Φ⁻¹(0.975), as the Wilson interval uses it. */
const Z = 1.959963984540054;

function wilson(successes: number, n: number): [number, number] {
  const p = successes / n;
  const z2n = (Z * Z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (Z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return [successes === 0 ? 0 : 100 * (centre - half), successes === n ? 100 : 100 * (centre + half)];
}

function expectInterval(actual: [number, number] | undefined, expected: [number, number]): void {
  expect(actual).toBeDefined();
  expect(actual![0]).toBeCloseTo(expected[0], 9);
  expect(actual![1]).toBeCloseTo(expected[1], 9);
}

describe('Insights: the report aggregator computes a study report in SQL', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: SegmentedCohort;
  let p: Panellist[];
  let s1: Survey;
  let s2: Survey;
  let content: ReportContent; // minCell 3
  let ids: Record<string, string>;

  beforeAll(async () => {
    ({ t, w, c, p, s1, s2, content, ids } = await aggregationWorld());
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  const survey = (id: string) => content.surveys.find((s) => s.surveyId === id)!;
  const question = (surveyId: string, id: string) => survey(surveyId).questions.find((q) => q.id === id)!;
  const pseudonymOf = async (x: Panellist): Promise<string> => (await t.app.get(StudyDirectory).pseudonyms(c.studyId, [x.id])).get(x.id)!;

  it('carries the header and the study facts', () => {
    expect(content).toMatchObject({
      studyId: c.studyId,
      version: 2,
      generatedAt: '2026-06-01T12:00:00.000Z',
      minCell: 3,
      study: { title: 'Kettle insights', theme: 'compact cooking', status: 'recruiting' },
    });
  });

  it('counts the funnel: invitations by status, enrolled, and completed (every assignment submitted)', () => {
    // p[2] has an open usage survey (saved, not submitted): not completed
    expect(content.funnel).toEqual({ invited: 9, accepted: 7, declined: 1, expired: 0, waitlisted: 0, enrolled: 7, completed: 6 });
  });

  it('reports quota attainment and the composition of the enrolled participants', () => {
    expect(content.quotas).toEqual([
      { dimension: 'country', value: 'IS', target: 10, enrolled: 7 },
      { dimension: 'tier', value: 'lead_user', target: 6, enrolled: 4 },
    ]);
    expect(content.composition).toEqual({
      country: [{ value: 'IS', n: 7 }],
      gender: [
        { value: 'female', n: 5 },
        { value: 'male', n: 1 },
        { value: 'unknown', n: 1 },
      ],
      ageBand: [
        { value: '25-34', n: 2 },
        { value: '35-44', n: 5 },
      ],
      tier: [
        { value: 'lead_user', n: 4 },
        { value: 'emerging', n: 2 },
        { value: 'mainstream', n: 1 },
      ],
    });
  });

  it('lists the surveys assigned in the study in creation order, a usage survey of no study included', () => {
    expect(content.surveys.map((s) => [s.surveyId, s.title, s.kind, s.respondents])).toEqual([
      [s1.id, 'Kettle week one', 'beta', 7],
      [s2.id, 'A week with the kettle', 'usage', 2],
    ]);
    expect(survey(s1.id).questions.map((q) => q.id)).toEqual(SURVEY_QUESTIONS.map((q) => q.id));
  });

  it('computes NPS 10,10,9,8,7,6,0: distribution over 0..10, mean, median, SD, t interval and the score', () => {
    const q = question(s1.id, 'recommend');
    const values = [10, 10, 9, 8, 7, 6, 0];
    const { mean, sd } = meanSd(values);
    expect(q).toMatchObject({ id: 'recommend', type: 'nps', prompt: 'How likely are you to recommend the kettle?', n: 7, median: 8 });
    expect(q.distribution).toEqual(
      Array.from({ length: 11 }, (_, v) => {
        const n = values.filter((x) => x === v).length;
        return { value: String(v), n, pct: (100 * n) / 7 };
      }),
    );
    expect(q.mean).toBeCloseTo(50 / 7, 12);
    expect(q.sd).toBeCloseTo(sd, 12);
    expectInterval(q.ci95, [mean - (T975[6] * sd) / Math.sqrt(7), mean + (T975[6] * sd) / Math.sqrt(7)]);
    // promoters 3, passives 2, detractors 2 of 7
    const half = 1.96 * 100 * Math.sqrt((3 / 7 + 2 / 7 - (1 / 7) ** 2) / 7);
    expect(q.nps!.score).toBeCloseTo(100 / 7, 12);
    expect(q.nps!.promoters).toBeCloseTo(300 / 7, 12);
    expect(q.nps!.passives).toBeCloseTo(200 / 7, 12);
    expect(q.nps!.detractors).toBeCloseTo(200 / 7, 12);
    expectInterval(q.nps!.ci95, [100 / 7 - half, 100 / 7 + half]);
    expect(q.top2box).toBeUndefined();
  });

  it('computes a likert-5 question: median from the histogram and top-2-box with its Wilson interval', () => {
    const q = question(s1.id, 'ease');
    const values = [5, 5, 4, 4, 3, 2, 1];
    const { mean, sd } = meanSd(values);
    expect(q.n).toBe(7);
    expect(q.distribution).toEqual(
      [1, 2, 3, 4, 5].map((v) => ({
        value: String(v),
        n: values.filter((x) => x === v).length,
        pct: (100 * values.filter((x) => x === v).length) / 7,
      })),
    );
    expect(q.mean).toBeCloseTo(24 / 7, 12);
    expect(q.median).toBe(4);
    expect(q.sd).toBeCloseTo(sd, 12);
    expectInterval(q.ci95, [mean - (T975[6] * sd) / Math.sqrt(7), mean + (T975[6] * sd) / Math.sqrt(7)]);
    expect(q.top2box!.pct).toBeCloseTo(400 / 7, 12);
    expectInterval(q.top2box!.ci95, wilson(4, 7));
    expect(q.nps).toBeUndefined();
  });

  it('gives choice questions a distribution over every option in definition order; multi_choice pct is of respondents', () => {
    expect(question(s1.id, 'used')).toMatchObject({
      n: 7,
      distribution: [
        { value: 'yes', n: 5, pct: 500 / 7 },
        { value: 'no', n: 2, pct: 200 / 7 },
      ],
    });
    const features = question(s1.id, 'features');
    expect(features.n).toBe(4);
    expect(features.distribution).toEqual([
      { value: 'timer', n: 3, pct: 75 },
      { value: 'keep_warm', n: 1, pct: 25 },
      { value: 'app', n: 2, pct: 50 },
    ]);
    expect(features.mean).toBeUndefined();
  });

  it('leaves every figure out of a question nobody answered', () => {
    const q = question(s1.id, 'stars');
    expect(q).toEqual({
      id: 'stars',
      type: 'rating',
      prompt: 'Your rating, 0 to 10',
      n: 0,
      distribution: Array.from({ length: 11 }, (_, v) => ({ value: String(v), n: 0 })),
    });
  });

  it('scores SUS per respondent in SQL (100, 50, 75): mean 75, SD 25, t interval, grade B', () => {
    const q = question(s1.id, 'sus');
    expect(q.n).toBe(3);
    expect(q.sus!.mean).toBe(75);
    expect(q.sus!.sd).toBe(25);
    expect(q.sus!.grade).toBe('B');
    expectInterval(q.sus!.ci95, [75 - (T975[2] * 25) / Math.sqrt(3), 75 + (T975[2] * 25) / Math.sqrt(3)]);
    expect(q.distribution).toBeUndefined();
  });

  it('summarises a number question without a distribution', () => {
    const q = question(s1.id, 'cups');
    expect(q).toMatchObject({ n: 3, mean: 3, median: 2 });
    expect(q.sd).toBeCloseTo(Math.sqrt(7), 12);
    expectInterval(q.ci95, [3 - (T975[2] * Math.sqrt(7)) / Math.sqrt(3), 3 + (T975[2] * Math.sqrt(7)) / Math.sqrt(3)]);
    expect(q.distribution).toBeUndefined();
  });

  it('finds top terms and phrases in open text, with masked quotes under pseudonyms', async () => {
    const q = question(s1.id, 'comment');
    expect(q.n).toBe(4);
    expect(q.terms).toEqual([
      { term: 'battery', n: 3 },
      { term: 'life', n: 3 },
      { term: 'great', n: 2 },
      { term: 'call', n: 1 },
      { term: 'hot', n: 1 },
      { term: 'lid', n: 1 },
      { term: 'longer', n: 1 },
      { term: 'photos', n: 1 },
      { term: 'write', n: 1 },
    ]);
    expect(q.phrases).toEqual([
      { phrase: 'battery life', n: 3 },
      { phrase: 'great battery', n: 1 },
    ]);
    // shortest answer holding each term in turn, each answer once
    expect(q.quotes).toEqual([
      { pseudonym: await pseudonymOf(p[2]), text: 'Great battery life, photos on [link]' },
      { pseudonym: await pseudonymOf(p[1]), text: 'Battery life could be longer. Call me on [phone]' },
      { pseudonym: await pseudonymOf(p[0]), text: 'The battery life is great, write to me at [email]' },
      { pseudonym: await pseudonymOf(p[3]), text: 'The lid gets too hot' },
    ]);
    expect(q.crosstabs).toBeUndefined();
  });

  it('counts only submitted answers (a saved, unsent answer is not there)', () => {
    const daily = question(s2.id, 'daily');
    expect(daily).toMatchObject({ n: 2, mean: 4.5, median: 4.5, top2box: { pct: 100 } });
    expect(daily.distribution!.map((d) => d.n)).toEqual([0, 0, 0, 1, 1]);
    const comment = question(s2.id, 'comment');
    expect(comment.n).toBe(1);
    expect(comment.terms).toEqual([
      { term: 'boils', n: 1 },
      { term: 'fast', n: 1 },
      { term: 'morning', n: 1 },
    ]);
    expect(JSON.stringify(content)).not.toContain('Saved, never sent');
  });

  it('reports discussion participation, codes with quotes and top ideas, without hidden posts or researchers', async () => {
    expect(content.discussions.rounds).toEqual([
      // A, B, C, D and H: the researcher's post, the hidden post and the reply under it do not count
      { roundId: ids.r1, title: 'Your first coffee', posts: 5, participants: 5, participationRate: (5 / 7) * 100 },
      { roundId: ids.r2, title: 'Evening tea', posts: 0, participants: 0, participationRate: 0 },
    ]);
    expect(content.discussions.codes).toEqual([
      {
        codeId: ids.price,
        name: 'price',
        n: 2,
        quotes: [
          { pseudonym: await pseudonymOf(p[0]), text: 'Price matters most, ping me: [email]' },
          { pseudonym: await pseudonymOf(p[3]), text: 'Agreed, price is key' },
        ],
      },
      {
        codeId: ids.whistle,
        name: 'whistle',
        n: 2,
        quotes: [{ pseudonym: await pseudonymOf(p[1]), text: 'A kettle that whistles a tune when ready' }],
      },
      { codeId: ids.unused, name: 'unused', n: 0, quotes: [] },
    ]);
    expect(content.discussions.topIdeas).toEqual([
      { postId: ids.ideaB, pseudonym: await pseudonymOf(p[1]), text: 'A kettle that whistles a tune when ready', likes: 3, status: 'new' },
      { postId: ids.ideaC, pseudonym: await pseudonymOf(p[2]), text: 'Make the lid open with one finger', likes: 1, status: 'selected' },
      { postId: ids.ideaH, pseudonym: await pseudonymOf(p[6]), text: 'Sell it with a spare filter', likes: 0, status: 'new' },
    ]);
  });

  it('reports home-testing logistics with the median transit time in days (clamped at 0)', () => {
    expect(content.homeTesting.products).toEqual([
      {
        productId: ids.product,
        sku: ids.sku,
        name: 'Kettle K3',
        allocated: 6, // 7 less the cancelled one
        shipped: 5,
        delivered: 3, // the returned sample was delivered first
        returned: 1,
        lost: 1,
        medianDaysToDelivery: 1, // median of 1, 3 and 0
      },
    ]);
  });

  it('reports beta feedback by kind, severity (bugs) and status, and the top "me too" items with masked titles', () => {
    expect(content.feedback.byKind).toEqual({ bug: 2, idea: 1, praise: 1, question: 1 });
    expect(content.feedback.bySeverity).toEqual({ blocker: 0, critical: 1, major: 0, minor: 1 });
    expect(content.feedback.byStatus).toEqual({ new: 3, triaged: 1, in_progress: 0, resolved: 0, wont_fix: 0, duplicate: 1 });
    // the duplicate (2 "me too") is left out: its original stands for it
    expect(content.feedback.top).toEqual([
      { id: ids.f1, kind: 'bug', severity: 'critical', status: 'new', title: 'Lid cracks, photos at [email]', meToo: 3 },
      { id: ids.f2, kind: 'idea', status: 'new', title: 'Add a tea mode', meToo: 1 },
      { id: ids.f3, kind: 'praise', status: 'new', title: 'Love the colour', meToo: 0 },
      { id: ids.f4, kind: 'bug', severity: 'minor', status: 'triaged', title: 'Button is stiff', meToo: 0 },
    ]);
  });

  it('holds no personal data: no panellist id, e-mail, name, address or contact detail; pseudonyms only', () => {
    const json = JSON.stringify(content);
    const everyone = [...c.participants, ...c.declined, ...c.invitedOnly];
    for (const x of everyone) {
      expect(json).not.toContain(x.id);
      expect(json.toLowerCase()).not.toContain(x.email.toLowerCase());
      expect(json).not.toContain(x.displayName);
    }
    for (const leak of ['Quorra', 'quorra', '@example', '06 12 34 56 78', '+33', 'rue des Testeurs', 'https://', 'www.'])
      expect(json).not.toContain(leak);
    const pseudonyms = [
      ...content.surveys.flatMap((s) => s.questions.flatMap((q) => (q.quotes ?? []).map((x) => x.pseudonym))),
      ...content.discussions.codes.flatMap((x) => x.quotes.map((q) => q.pseudonym)),
      ...content.discussions.topIdeas.map((x) => x.pseudonym),
    ];
    expect(pseudonyms.length).toBeGreaterThan(0);
    for (const name of pseudonyms) expect(name).toMatch(/^P-\d{2,}$/);
    expect(stringsIn(content).filter((s) => /@|\d{2} \d{2} \d{2}/.test(s))).toEqual([]);
  });

  it('is deterministic: the same data gives the same content (pseudonyms are stable)', async () => {
    expect(await buildReport(t, c.studyId, { minCell: 3, version: 2, generatedAt: GENERATED_AT })).toEqual(content);
  });

  it('reports an empty study with zero counts and empty lists', async () => {
    const empty = await createStudy(t, w.researcher.token, studyBody(w.brandId, { title: 'Nothing yet' }));
    const report = await buildReport(t, empty.id, { generatedAt: GENERATED_AT });
    expect(report).toEqual({
      studyId: empty.id,
      version: 1,
      generatedAt: GENERATED_AT.toISOString(),
      minCell: 5,
      study: { title: 'Nothing yet', theme: 'compact cooking', status: 'draft' },
      funnel: { invited: 0, accepted: 0, declined: 0, expired: 0, waitlisted: 0, enrolled: 0, completed: 0 },
      quotas: [],
      composition: { country: [], gender: [], ageBand: [], tier: [] },
      surveys: [],
      discussions: { rounds: [], codes: [], topIdeas: [] },
      homeTesting: { products: [] },
      feedback: {
        byKind: { bug: 0, idea: 0, praise: 0, question: 0 },
        bySeverity: { blocker: 0, critical: 0, major: 0, minor: 0 },
        byStatus: { new: 0, triaged: 0, in_progress: 0, resolved: 0, wont_fix: 0, duplicate: 0 },
        top: [],
      },
    });
  });

  it('refuses a study that does not exist (STUDY_NOT_FOUND)', async () => {
    await expect(buildReport(t, MISSING)).rejects.toThrow(InsightsError);
  });
});
