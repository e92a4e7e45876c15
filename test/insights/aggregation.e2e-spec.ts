import type { Question } from '@leadpanel/surveys';
import { StudyDirectory } from '@leadpanel/studies';
import { InsightsError } from '@leadpanel/insights';
import {
  createCode,
  createRound,
  like,
  moderate,
  mustPost,
  setCodes,
  fromNow,
  MINUTE,
  DAY as DISCUSSION_DAY,
} from '../discussions/discussions-helpers';
import { fileFeedback, filing, meToo, mustTriage } from '../feedback/feedback-helpers';
import { ship } from '../home-testing/fulfilment-helpers';
import { createProduct, createUsageSurvey, eventually, putAddress, addressOf } from '../home-testing/home-testing-helpers';
import { allocate, mustPatch, studyShipments, type Shipment } from '../home-testing/shipment-helpers';
import { createStudy, studyBody } from '../studies/studies-helpers';
import { assignAll, createStudySurvey, myAssignmentOf, saveAnswers, type Survey } from '../surveys/survey-helpers';
import {
  answer,
  buildReport,
  createInsightsTestApp,
  dataSource,
  meanSd,
  MISSING,
  segmentedCohort,
  stringsIn,
  type Panellist,
  type ReportContent,
  type SegmentedCohort,
  type TestApp,
} from './insights-helpers';
import { studyWorld, type StudyWorld } from '../support/world';

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

const SURVEY_QUESTIONS: Question[] = [
  { id: 'recommend', type: 'nps', prompt: 'How likely are you to recommend the kettle?', required: true },
  { id: 'ease', type: 'likert', scale: 5, prompt: 'The kettle was easy to use', required: true },
  {
    id: 'used',
    type: 'single_choice',
    prompt: 'Did you use it every day?',
    required: true,
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    id: 'features',
    type: 'multi_choice',
    prompt: 'Which features did you use?',
    options: [
      { value: 'timer', label: 'Timer' },
      { value: 'keep_warm', label: 'Keep warm' },
      { value: 'app', label: 'Phone app' },
    ],
  },
  { id: 'stars', type: 'rating', prompt: 'Your rating, 0 to 10' },
  { id: 'sus', type: 'sus', prompt: 'System Usability Scale' },
  { id: 'cups', type: 'number', prompt: 'Cups a day', min: 0, max: 50 },
  { id: 'comment', type: 'text', prompt: 'Anything else?', maxLength: 500 },
];

/** What each of the 7 participants submits, in enrolment order (hand-computed figures below). */
const SUBMISSIONS: Array<Record<string, unknown>> = [
  {
    recommend: 10,
    ease: 5,
    used: 'yes',
    features: ['timer', 'app'],
    sus: [5, 1, 5, 1, 5, 1, 5, 1, 5, 1], // (4·5 + 4·5) × 2.5 = 100
    cups: 1,
    comment: 'The battery life is great, write to me at quorra.zero@example.com',
  },
  {
    recommend: 10,
    ease: 5,
    used: 'yes',
    features: ['timer'],
    sus: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], // (2·5 + 2·5) × 2.5 = 50
    cups: 2,
    comment: 'Battery life could be longer. Call me on 06 12 34 56 78',
  },
  {
    recommend: 9,
    ease: 4,
    used: 'yes',
    features: ['keep_warm', 'timer'],
    sus: [4, 2, 4, 2, 4, 2, 4, 2, 4, 2], // (3·5 + 3·5) × 2.5 = 75
    cups: 6,
    comment: 'Great battery life, photos on https://quorra-blog.example.org/kettle',
  },
  { recommend: 8, ease: 4, used: 'yes', features: ['app'], comment: 'The lid gets too hot' },
  { recommend: 7, ease: 3, used: 'yes' },
  { recommend: 6, ease: 2, used: 'no' },
  { recommend: 0, ease: 1, used: 'no' },
];

const GENERATED_AT = new Date('2026-06-01T12:00:00.000Z'); // age = 2026 − birth year

describe('Insights: the report aggregator computes a study report in SQL', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: SegmentedCohort;
  let p: Panellist[];
  let s1: Survey;
  let s2: Survey;
  let content: ReportContent; // minCell 3
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createInsightsTestApp();
    w = await studyWorld(t);
    c = await segmentedCohort(t, w, {
      country: 'IS',
      participants: [
        { displayName: 'Quorra Aggregate Zero', birthYear: 1990, gender: 'female', tier: 'lead_user' },
        { displayName: 'Quorra Aggregate One', birthYear: 1990, gender: 'female', tier: 'lead_user' },
        { displayName: 'Quorra Aggregate Two', birthYear: 2000, gender: 'female', tier: 'emerging' },
        { displayName: 'Quorra Aggregate Three', birthYear: 1990, gender: 'female', tier: 'lead_user' },
        { displayName: 'Quorra Aggregate Four', birthYear: 2000, gender: 'female', tier: 'emerging' },
        { displayName: 'Quorra Aggregate Five', birthYear: 1990, gender: 'male', tier: 'lead_user' },
        { displayName: 'Quorra Aggregate Six', birthYear: 1985, gender: null, tier: 'mainstream' },
      ],
      declined: [{ displayName: 'Quorra Aggregate Declines', birthYear: 1990, gender: 'female', tier: 'lead_user' }],
      invitedOnly: [{ displayName: 'Quorra Aggregate Silent', birthYear: 1995, gender: 'male', tier: 'emerging' }],
      study: {
        title: 'Kettle insights',
        quotas: [
          { dimension: 'country', value: 'IS', target: 10 },
          { dimension: 'tier', value: 'lead_user', target: 6 },
        ],
      },
    });
    p = c.participants;
    const token = w.researcher.token;

    // surveys: a study survey everyone submits, and a usage survey of no study, assigned on delivery
    s1 = await createStudySurvey(t, token, { studyId: c.studyId, kind: 'beta', title: 'Kettle week one', questions: SURVEY_QUESTIONS });
    s2 = await createUsageSurvey(t, token);
    await assignAll(t, token, s1.id);
    for (const [i, answers] of SUBMISSIONS.entries()) await answer(t, p[i], s1.id, answers);

    // home testing: 7 shipments of a sample to return, taken through every ending
    const product = await createProduct(t, token, w.brandId, {
      requiresReturn: true,
      usageSurveyId: s2.id,
      usageDays: 0,
      name: 'Kettle K3',
    });
    ids.product = product.id;
    ids.sku = product.sku;
    for (const [i, x] of p.entries()) await putAddress(t, x, addressOf(i, { phone: '+33 6 11 22 33 44' }));
    expect((await allocate(t, token, c.studyId, product.id)).allocated).toBe(7);
    const shipments = await studyShipments(t, token, c.studyId);
    const of = (x: Panellist): Shipment => shipments.find((s) => s.panellistId === x.id)!;
    for (const x of p.slice(0, 5)) await ship(t, token, of(x));
    for (const x of p.slice(0, 3)) await mustPatch(t, token, of(x).id, { status: 'delivered' });
    await mustPatch(t, token, of(p[0]).id, { status: 'return_requested' });
    await mustPatch(t, token, of(p[0]).id, { status: 'returned' });
    await mustPatch(t, token, of(p[3]).id, { status: 'lost' });
    await mustPatch(t, token, of(p[5]).id, { status: 'cancelled' });
    // exact transit times: 1 day, 3 days, and a delivery time before the shipping time (clamped to 0)
    const shippedAt = new Date('2026-05-01T08:00:00.000Z');
    const times: Array<[Panellist, number]> = [
      [p[0], 1 * DISCUSSION_DAY],
      [p[1], 3 * DISCUSSION_DAY],
      [p[2], -2 * 60 * MINUTE],
    ];
    for (const [x, transit] of times) {
      await dataSource(t).query(`UPDATE shipments SET shipped_at = $2, delivered_at = $3 WHERE id = $1`, [
        of(x).id,
        shippedAt,
        new Date(shippedAt.getTime() + transit),
      ]);
    }

    // the usage survey reaches the three delivered participants; two submit, one only saves
    for (const x of p.slice(0, 3)) await eventually(`usage survey for ${x.email}`, () => myAssignmentOf(t, x, s2.id));
    await answer(t, p[0], s2.id, { daily: 5, comment: 'Boils fast every morning' });
    await answer(t, p[1], s2.id, { daily: 4 });
    const saved = await saveAnswers(t, p[2], (await myAssignmentOf(t, p[2], s2.id))!.id, { daily: 1, comment: 'Saved, never sent' });
    expect(saved.status).toBe(200);

    // discussions
    const r1 = await createRound(t, w.researcher, c.studyId, { title: 'Your first coffee', opensAt: fromNow(-2 * MINUTE) });
    const r2 = await createRound(t, w.researcher, c.studyId, { title: 'Evening tea', opensAt: fromNow(-MINUTE) });
    ids.r1 = r1.id;
    ids.r2 = r2.id;
    const postA = await mustPost(t, p[0], r1.id, { body: 'Price matters most, ping me: quorra.zero@example.com' });
    const ideaB = await mustPost(t, p[1], r1.id, { body: 'A kettle that whistles a tune when ready', kind: 'idea' });
    const ideaC = await mustPost(t, p[2], r1.id, { body: 'Make the lid open with one finger', kind: 'idea' });
    const replyD = await mustPost(t, p[3], r1.id, { body: 'Agreed, price is key', parentId: postA.id });
    const staffE = await mustPost(t, w.researcher, r1.id, { body: 'Thanks all, a whistle is a nice idea' });
    const hiddenF = await mustPost(t, p[4], r1.id, { body: 'Visit www.quorra-shop.example.com for my mods' });
    await mustPost(t, p[5], r1.id, { body: 'Nice mods, I want one', parentId: hiddenF.id });
    const ideaH = await mustPost(t, p[6], r1.id, { body: 'Sell it with a spare filter', kind: 'idea' });
    ids.postA = postA.id;
    ids.ideaB = ideaB.id;
    ids.ideaC = ideaC.id;
    ids.ideaH = ideaH.id;
    for (const x of [p[0], p[2], p[3]]) expect((await like(t, x.token, ideaB.id)).status).toBe(200);
    expect((await like(t, p[1].token, ideaC.id)).status).toBe(200);
    expect((await moderate(t, w.researcher.token, hiddenF.id, { hidden: true })).status).toBe(200);
    expect((await moderate(t, w.researcher.token, ideaC.id, { ideaStatus: 'selected' })).status).toBe(200);
    const price = await createCode(t, w.researcher, c.studyId, 'price');
    const whistle = await createCode(t, w.researcher, c.studyId, 'whistle');
    const unused = await createCode(t, w.researcher, c.studyId, 'unused');
    ids.price = price.id;
    ids.whistle = whistle.id;
    ids.unused = unused.id;
    for (const post of [postA, replyD, hiddenF]) expect((await setCodes(t, w.researcher.token, post.id, [price.id])).status).toBe(200);
    for (const post of [ideaB, staffE]) expect((await setCodes(t, w.researcher.token, post.id, [whistle.id])).status).toBe(200);

    // beta feedback
    const f1 = await fileFeedback(
      t,
      p[0],
      c.studyId,
      filing('bug', { severity: 'critical', title: 'Lid cracks, photos at quorra.zero@example.com' }),
    );
    const f2 = await fileFeedback(t, p[1], c.studyId, filing('idea', { title: 'Add a tea mode' }));
    const f3 = await fileFeedback(t, p[2], c.studyId, filing('praise', { title: 'Love the colour' }));
    const f4 = await fileFeedback(t, p[3], c.studyId, filing('bug', { severity: 'minor', title: 'Button is stiff' }));
    const f5 = await fileFeedback(t, p[4], c.studyId, filing('question', { title: 'Does it descale?' }));
    Object.assign(ids, { f1: f1.id, f2: f2.id, f3: f3.id, f4: f4.id, f5: f5.id });
    for (const x of [p[1], p[2], p[3]]) expect((await meToo(t, x.token, f1.id)).status).toBe(200);
    expect((await meToo(t, p[0].token, f2.id)).status).toBe(200);
    for (const x of [p[5], p[6]]) expect((await meToo(t, x.token, f5.id)).status).toBe(200);
    await mustTriage(t, w.researcher.token, f4.id, { status: 'triaged' });
    await mustTriage(t, w.researcher.token, f5.id, { status: 'duplicate', duplicateOfId: f2.id });

    content = await buildReport(t, c.studyId, { minCell: 3, version: 2, generatedAt: GENERATED_AT });
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

  describe('cross-tabs by country, gender, age band and tier', () => {
    const tab = (surveyId: string, qid: string, segment: string) =>
      question(surveyId, qid).crosstabs!.find((x) => x.segment === segment)!.rows;

    it('gives each segment value of a numeric question its mean, and suppresses rows under minCell', () => {
      expect(question(s1.id, 'recommend').crosstabs!.map((x) => x.segment)).toEqual(['country', 'gender', 'ageBand', 'tier']);
      expect(tab(s1.id, 'recommend', 'country')).toEqual([{ value: 'IS', n: 7, suppressed: false, mean: expect.closeTo(50 / 7, 12) }]);
      expect(tab(s1.id, 'recommend', 'gender')).toEqual([
        { value: 'female', n: 5, suppressed: false, mean: expect.closeTo(8.8, 12) },
        { value: 'male', n: 1, suppressed: true },
        { value: 'unknown', n: 1, suppressed: true },
      ]);
      expect(tab(s1.id, 'recommend', 'ageBand')).toEqual([
        { value: '25-34', n: 2, suppressed: true },
        { value: '35-44', n: 5, suppressed: false, mean: expect.closeTo(6.8, 12) },
      ]);
      expect(tab(s1.id, 'recommend', 'tier')).toEqual([
        { value: 'lead_user', n: 4, suppressed: false, mean: 8.5 },
        { value: 'emerging', n: 2, suppressed: true },
        { value: 'mainstream', n: 1, suppressed: true },
      ]);
    });

    it('gives choice questions a distribution per row (multi_choice: n and pct of the row’s respondents)', () => {
      expect(tab(s1.id, 'used', 'gender')).toEqual([
        {
          value: 'female',
          n: 5,
          suppressed: false,
          distribution: [
            { value: 'yes', n: 5, pct: 100 },
            { value: 'no', n: 0, pct: 0 },
          ],
        },
        { value: 'male', n: 1, suppressed: true },
        { value: 'unknown', n: 1, suppressed: true },
      ]);
      expect(tab(s1.id, 'features', 'gender')).toEqual([
        {
          value: 'female',
          n: 4,
          suppressed: false,
          distribution: [
            { value: 'timer', n: 3, pct: 75 },
            { value: 'keep_warm', n: 1, pct: 25 },
            { value: 'app', n: 2, pct: 50 },
          ],
        },
      ]);
    });

    it('cross-tabs SUS scores per respondent', () => {
      expect(tab(s1.id, 'sus', 'country')).toEqual([{ value: 'IS', n: 3, suppressed: false, mean: 75 }]);
      expect(tab(s1.id, 'sus', 'tier')).toEqual([
        { value: 'lead_user', n: 2, suppressed: true },
        { value: 'emerging', n: 1, suppressed: true },
      ]);
    });

    it('suppresses by the minCell it is given (5: the 4 lead users go)', async () => {
      const strict = await buildReport(t, c.studyId, { minCell: 5, generatedAt: GENERATED_AT });
      const rows = strict.surveys[0].questions[0].crosstabs!.find((x) => x.segment === 'tier')!.rows;
      expect(rows).toEqual([
        { value: 'lead_user', n: 4, suppressed: true },
        { value: 'emerging', n: 2, suppressed: true },
        { value: 'mainstream', n: 1, suppressed: true },
      ]);
      const gender = strict.surveys[0].questions[0].crosstabs!.find((x) => x.segment === 'gender')!.rows;
      expect(gender[0]).toEqual({ value: 'female', n: 5, suppressed: false, mean: expect.closeTo(8.8, 12) });
    });
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
