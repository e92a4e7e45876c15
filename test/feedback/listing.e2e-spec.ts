import {
  allFeedback,
  createFeedbackTestApp,
  errorFields,
  expectProblem,
  fileFeedback,
  filing,
  listFeedback,
  MISSING,
  mustTriage,
  SETUP_TIMEOUT,
  type FeedbackItem,
  type TestApp,
  type TestUser,
} from './feedback-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

describe('Feedback: researchers list a study’s items with filters and pages', () => {
  let t: TestApp;
  let w: StudyWorld;
  let pt: Cohort;
  let es: Cohort;
  let brandUser: TestUser;
  /** every item of `pt`, in the order filed */
  const filed: FeedbackItem[] = [];
  let otherStudyItem: FeedbackItem;

  beforeAll(async () => {
    t = await createFeedbackTestApp();
    w = await studyWorld(t);
    brandUser = await t.staff('brand', w.brandId);
    pt = await cohort(t, w, { country: 'PT', participants: 3 });
    es = await cohort(t, w, { country: 'ES', participants: 1 });
    const [a, b, c] = pt.participants;
    const bodies: Array<[typeof a, Record<string, unknown>]> = [
      [a, filing('bug', { severity: 'blocker', title: 'Does not switch on' })],
      [b, filing('bug', { severity: 'minor', title: 'Scratches on the base' })],
      [c, filing('bug', { severity: 'major', title: 'Lid jams' })],
      [a, filing('bug', { severity: 'minor', title: 'Beeps too loud' })],
      [b, filing('idea', { title: 'A timer' })],
      [c, filing('idea', { title: 'Keep warm for longer' })],
      [a, filing('praise', { title: 'Boils fast' })],
      [b, filing('question', { title: 'Can it boil milk?' })],
    ];
    for (const [p, body] of bodies) filed.push(await fileFeedback(t, p, pt.study.id, body));
    // statuses: 'Does not switch on' triaged, 'Lid jams' in progress, 'A timer' won't fix
    await mustTriage(t, w.researcher.token, filed[0].id, { status: 'triaged' });
    await mustTriage(t, w.researcher.token, filed[2].id, { status: 'triaged' });
    await mustTriage(t, w.researcher.token, filed[2].id, { status: 'in_progress', note: 'Reproduced with a hot kettle' });
    await mustTriage(t, w.researcher.token, filed[4].id, { status: 'wont_fix' });
    otherStudyItem = await fileFeedback(t, es.participants[0], es.study.id, filing('bug', { severity: 'blocker' }));
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  const titles = (items: FeedbackItem[]): string[] => items.map((i) => i.title);
  const newestFirst = (items: FeedbackItem[]): FeedbackItem[] =>
    [...items].sort((x, y) => (x.createdAt === y.createdAt ? (x.id < y.id ? 1 : -1) : x.createdAt < y.createdAt ? 1 : -1));

  it('lists every item of the study, newest first, each with its notes, and none of another study', async () => {
    const res = await listFeedback(t, w.researcher.token, pt.study.id);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    const items = res.body.items as FeedbackItem[];
    expect(items).toHaveLength(filed.length);
    expect(items.map((i) => i.id)).toEqual(newestFirst(filed).map((i) => i.id));
    expect(items.map((i) => i.id)).not.toContain(otherStudyItem.id);
    for (const item of items) {
      expect(item.studyId).toBe(pt.study.id);
      expect(Array.isArray(item.notes)).toBe(true);
    }
    const lid = items.find((i) => i.id === filed[2].id)!;
    expect(lid).toMatchObject({ status: 'in_progress', kind: 'bug', severity: 'major', authorPanellistId: pt.participants[2].id });
    expect(lid.notes).toEqual([
      { id: expect.any(String), authorUserId: w.researcher.id, body: 'Reproduced with a hot kettle', createdAt: expect.any(String) },
    ]);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['kind=bug', { kind: 'bug' }, ['Does not switch on', 'Scratches on the base', 'Lid jams', 'Beeps too loud']],
    ['kind=idea', { kind: 'idea' }, ['A timer', 'Keep warm for longer']],
    ['kind=praise', { kind: 'praise' }, ['Boils fast']],
    ['kind=question', { kind: 'question' }, ['Can it boil milk?']],
    [
      'status=new',
      { status: 'new' },
      ['Scratches on the base', 'Beeps too loud', 'Keep warm for longer', 'Boils fast', 'Can it boil milk?'],
    ],
    ['status=triaged', { status: 'triaged' }, ['Does not switch on']],
    ['status=in_progress', { status: 'in_progress' }, ['Lid jams']],
    ['status=wont_fix', { status: 'wont_fix' }, ['A timer']],
    ['status=resolved', { status: 'resolved' }, []],
    ['severity=blocker', { severity: 'blocker' }, ['Does not switch on']],
    ['severity=minor', { severity: 'minor' }, ['Scratches on the base', 'Beeps too loud']],
    ['severity=critical', { severity: 'critical' }, []],
    ['kind=bug&status=new', { kind: 'bug', status: 'new' }, ['Scratches on the base', 'Beeps too loud']],
    ['kind=bug&status=new&severity=minor', { kind: 'bug', status: 'new', severity: 'minor' }, ['Scratches on the base', 'Beeps too loud']],
    ['kind=idea&severity=minor', { kind: 'idea', severity: 'minor' }, []],
    ['kind=idea&status=wont_fix', { kind: 'idea', status: 'wont_fix' }, ['A timer']],
  ])('filters by %s', async (_q, filters, expected) => {
    const res = await listFeedback(t, w.researcher.token, pt.study.id, new URLSearchParams(filters).toString());
    expect(res.status).toBe(200);
    const items = res.body.items as FeedbackItem[];
    expect(titles(items).sort()).toEqual([...expected].sort());
    expect(items.map((i) => i.id)).toEqual(newestFirst(items).map((i) => i.id));
    for (const item of items) {
      if (filters.kind) expect(item.kind).toBe(filters.kind);
      if (filters.status) expect(item.status).toBe(filters.status);
      if (filters.severity) expect(item.severity).toBe(filters.severity);
    }
  });

  it('pages with limit and cursor: every item once, in order, the last page without a cursor', async () => {
    const all = newestFirst(filed).map((i) => i.id);
    for (const limit of [1, 3, 8]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q = new URLSearchParams({ limit: String(limit) });
        if (cursor) q.set('cursor', cursor);
        const res = await listFeedback(t, w.researcher.token, pt.study.id, q.toString());
        expect(res.status).toBe(200);
        const items = res.body.items as FeedbackItem[];
        expect(items.length).toBeLessThanOrEqual(limit);
        seen.push(...items.map((i) => i.id));
        cursor = res.body.nextCursor as string | null;
        pages++;
      } while (cursor && pages < 20);
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / limit));
    }
  });

  it('pages within a filter', async () => {
    const first = await listFeedback(t, w.researcher.token, pt.study.id, 'kind=bug&limit=3');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await listFeedback(t, w.researcher.token, pt.study.id, `kind=bug&limit=3&cursor=${first.body.nextCursor as string}`);
    expect(second.status).toBe(200);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...(first.body.items as FeedbackItem[]), ...(second.body.items as FeedbackItem[])].map((i) => i.id);
    expect(ids).toEqual(newestFirst(filed.filter((f) => f.kind === 'bug')).map((i) => i.id));
  });

  it('reads the study id case-insensitively', async () => {
    const res = await listFeedback(t, w.researcher.token, pt.study.id.toUpperCase(), 'kind=idea');
    expect(res.status).toBe(200);
    expect(titles(res.body.items as FeedbackItem[]).sort()).toEqual(['A timer', 'Keep warm for longer']);
  });

  it(
    'lists a study with no feedback as an empty page',
    async () => {
      const empty = await cohort(t, w, { country: 'GR', participants: 0, invitedOnly: 1 });
      const res = await listFeedback(t, w.researcher.token, empty.study.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    },
    SETUP_TIMEOUT,
  );

  it('is open to any researcher, not only the study’s author', async () => {
    const colleague = await t.staff('researcher');
    expect((await allFeedback(t, colleague.token, pt.study.id)).map((i) => i.id).sort()).toEqual(filed.map((i) => i.id).sort());
  });

  describe('bad queries (400)', () => {
    it.each<[string, string]>([
      ['kind=complaint', 'kind'],
      ['kind=BUG', 'kind'],
      ['kind=bug&kind=idea', 'kind'],
      ['status=open', 'status'],
      ['status=', 'status'],
      ['severity=high', 'severity'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=2.5', 'limit'],
      ['cursor=not%20a%20cursor', 'cursor'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['sort=title', 'sort'],
    ])('refuses ?%s naming %s', async (query, field) => {
      const res = await listFeedback(t, w.researcher.token, pt.study.id, query);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual([field]);
    });
  });

  describe('who may list', () => {
    it('answers 404 for a study that does not exist and 400 for a malformed id', async () => {
      expectProblem(await listFeedback(t, w.researcher.token, MISSING), 404);
      expectProblem(await listFeedback(t, w.researcher.token, 'not-a-uuid'), 400);
      expectProblem(await listFeedback(t, w.researcher.token, `${pt.study.id}0`), 400);
    });

    it('refuses brand users (403), even for their own brand’s study', async () => {
      expectProblem(await listFeedback(t, brandUser.token, pt.study.id), 403);
    });

    it('refuses panellists (403), participants included', async () => {
      expectProblem(await listFeedback(t, pt.participants[0].token, pt.study.id), 403);
    });

    it('refuses anonymous callers (401)', async () => {
      expectProblem(await listFeedback(t, null, pt.study.id), 401);
      expectProblem(await listFeedback(t, 'garbage', pt.study.id), 401);
    });
  });
});
