/**
 * The world the report aggregation tests read: a study of 7 participants (and one who declined, one
 * never answering) taken through surveys, home testing, discussions and beta feedback, and the
 * report built from it with minCell 3. Building it takes a while: each test file builds it once.
 */
import type { Question } from '@leadpanel/surveys';
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
import { assignAll, createStudySurvey, myAssignmentOf, saveAnswers, type Survey } from '../surveys/survey-helpers';
import {
  answer,
  buildReport,
  createInsightsTestApp,
  dataSource,
  segmentedCohort,
  type Panellist,
  type ReportContent,
  type SegmentedCohort,
  type TestApp,
} from './insights-helpers';
import { studyWorld, type StudyWorld } from '../support/world';

export const SURVEY_QUESTIONS: Question[] = [
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

export const GENERATED_AT = new Date('2026-06-01T12:00:00.000Z'); // age = 2026 − birth year

export interface AggregationWorld {
  t: TestApp;
  w: StudyWorld;
  c: SegmentedCohort;
  p: Panellist[];
  /** the study survey everyone submits */
  s1: Survey;
  /** the usage survey of no study, assigned on delivery */
  s2: Survey;
  /** the report, minCell 3 */
  content: ReportContent;
  /** the ids of the product, rounds, posts, codes and feedback items */
  ids: Record<string, string>;
}

/** Starts an app and builds the world in it; the caller closes `t`. */
export async function aggregationWorld(): Promise<AggregationWorld> {
  const ids: Record<string, string> = {};
  const t = await createInsightsTestApp();
  const w = await studyWorld(t);
  const c = await segmentedCohort(t, w, {
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
  const p = c.participants;
  const token = w.researcher.token;

  // surveys: a study survey everyone submits, and a usage survey of no study, assigned on delivery
  const s1 = await createStudySurvey(t, token, { studyId: c.studyId, kind: 'beta', title: 'Kettle week one', questions: SURVEY_QUESTIONS });
  const s2 = await createUsageSurvey(t, token);
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

  const content = await buildReport(t, c.studyId, { minCell: 3, version: 2, generatedAt: GENERATED_AT });
  return { t, w, c, p, s1, s2, content, ids };
}
