import {
  brandProduct,
  createFeedbackTestApp,
  dataSource,
  expectProblem,
  feedbackItem,
  fileFeedback,
  filing,
  meToo,
  mustTriage,
  postFeedback,
  SETUP_TIMEOUT,
  type FeedbackItem,
  type TestApp,
} from './feedback-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';
import { erase, exportOf } from '../support/data-rights';

interface ExportedFeedback {
  filed: Array<{
    id: string;
    studyId: string;
    kind: string;
    severity: string | null;
    area: string | null;
    title: string;
    body: string;
    productId: string | null;
    status: string;
    createdAt: string;
  }>;
  meToo: Array<{ feedbackId: string; at: string }>;
}

describe('Feedback and data rights: export and erasure', () => {
  let t: TestApp;
  let w: StudyWorld;
  let pt: Cohort; // 3 participants
  let es: Cohort; // the first PT participant is not in it; 1 participant of its own

  beforeAll(async () => {
    t = await createFeedbackTestApp();
    w = await studyWorld(t);
    pt = await cohort(t, w, { country: 'PT', participants: 3 });
    es = await cohort(t, w, { country: 'ES', participants: 1 });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  it('exports what the panellist filed and where they said "me too", and nobody else’s', async () => {
    const [a, b] = pt.participants;
    const productId = (await brandProduct(t, w.researcher.token, w.brandId)).id;
    const bug = await fileFeedback(
      t,
      a,
      pt.study.id,
      filing('bug', {
        severity: 'critical',
        area: 'base',
        title: 'Sparks at the base',
        body: 'I saw sparks, my address is 1 rue X',
        productId,
      }),
    );
    const idea = await fileFeedback(t, a, pt.study.id, filing('idea', { title: 'Bigger window' }));
    const others = await fileFeedback(t, b, pt.study.id, filing('question', { title: 'Is the lid dishwasher-safe?' }));
    expect((await meToo(t, a.token, others.id)).status).toBe(200);
    await mustTriage(t, w.researcher.token, bug.id, { status: 'triaged', note: 'Safety: top priority' });

    const exported = (await exportOf(t, a.token)).feedback as ExportedFeedback;
    expect(exported.filed).toEqual([
      {
        id: bug.id,
        studyId: pt.study.id,
        kind: 'bug',
        severity: 'critical',
        area: 'base',
        title: 'Sparks at the base',
        body: 'I saw sparks, my address is 1 rue X',
        productId,
        status: 'triaged',
        createdAt: bug.createdAt,
      },
      expect.objectContaining({ id: idea.id, kind: 'idea', severity: null, title: 'Bigger window', status: 'new' }),
    ]);
    expect(exported.meToo).toEqual([{ feedbackId: others.id, at: expect.any(String) }]);

    const ofB = (await exportOf(t, b.token)).feedback as ExportedFeedback;
    expect(ofB.filed.map((f) => f.id)).toEqual([others.id]);
    expect(ofB.meToo).toEqual([]);
    // the researcher's notes are not the panellist's data
    expect(JSON.stringify(exported)).not.toContain('Safety: top priority');
  });

  it('exports an empty section for a panellist who filed nothing', async () => {
    expect((await exportOf(t, es.participants[0].token)).feedback).toEqual({ filed: [], meToo: [] });
  });

  it('erasure blanks the title, body and area of everything the panellist filed; counts, statuses and others’ items stay', async () => {
    const [, b, c] = pt.participants;
    const mine: FeedbackItem[] = [
      await fileFeedback(
        t,
        c,
        pt.study.id,
        filing('bug', { severity: 'blocker', area: 'cable', title: 'Cable melts — call me on +33 6 12 34 56 78', body: 'c@example.test' }),
      ),
      await fileFeedback(t, c, pt.study.id, filing('praise', { area: 'design', title: 'Lovely colour', body: 'My kids love it' })),
    ];
    const theirs = await fileFeedback(t, b, pt.study.id, filing('idea', { title: 'A travel version', body: 'for trains' }));
    expect((await meToo(t, b.token, mine[0].id)).body).toEqual({ meToo: 1 });
    expect((await meToo(t, c.token, theirs.id)).body).toEqual({ meToo: 1 });
    await mustTriage(t, w.researcher.token, mine[0].id, { status: 'triaged', note: 'Reproduced' });
    await mustTriage(t, w.researcher.token, mine[1].id, { status: 'wont_fix' });

    expect((await erase(t, c.token)).status).toBe(204);

    const [bug, praise] = await Promise.all(mine.map((m) => feedbackItem(t, w.researcher.token, pt.study.id, m.id)));
    for (const item of [bug, praise]) {
      expect(item.title).toBe('[erased]');
      expect(item.body).toBe('[erased]');
      expect(item.area).toBeNull();
    }
    expect(bug).toMatchObject({ kind: 'bug', severity: 'blocker', status: 'triaged', meToo: 1 });
    expect(bug.notes?.map((n) => n.body)).toEqual(['Reproduced']);
    expect(praise).toMatchObject({ kind: 'praise', severity: null, status: 'wont_fix', meToo: 0 });
    // the other participant's item, and the erased panellist's vote on it, are kept
    expect(await feedbackItem(t, w.researcher.token, pt.study.id, theirs.id)).toMatchObject({
      title: 'A travel version',
      body: 'for trains',
      meToo: 1,
    });

    // nothing of the original text is left in the table
    const rows = (await dataSource(t).query(`SELECT title, body, area FROM feedback_items WHERE panellist_id = $1`, [c.id])) as Array<{
      title: string;
      body: string;
      area: string | null;
    }>;
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/Cable|\+33|example\.test|Lovely|kids|design/);

    // the erased panellist's tokens are revoked
    expectProblem(await postFeedback(t, c.token, pt.study.id, filing('idea')), 401);
  });
});
