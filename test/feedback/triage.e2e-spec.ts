import {
  auditRows,
  createFeedbackTestApp,
  errorFields,
  expectProblem,
  feedbackItem,
  fileFeedback,
  filing,
  MISSING,
  mustTriage,
  SETUP_TIMEOUT,
  triage,
  type FeedbackItem,
  type Panellist,
  type TestApp,
  type TestUser,
} from './feedback-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

type Status = FeedbackItem['status'];
const STATUSES: Status[] = ['new', 'triaged', 'in_progress', 'resolved', 'wont_fix', 'duplicate'];

/**
 * The triage table as the contract states it (docs/domain.md "Surveys and beta feedback", feedback-status.ts):
 * forward along new → triaged → in_progress → resolved | wont_fix | duplicate, closing early
 * allowed except new → resolved, and every closed status reopens to triaged.
 */
const LEGAL: Record<Status, Status[]> = {
  new: ['triaged', 'wont_fix', 'duplicate'],
  triaged: ['in_progress', 'resolved', 'wont_fix', 'duplicate'],
  in_progress: ['resolved', 'wont_fix', 'duplicate'],
  resolved: ['triaged'],
  wont_fix: ['triaged'],
  duplicate: ['triaged'],
};

/** How to bring a new item to each status along legal moves. */
const PATH: Record<Status, Status[]> = {
  new: [],
  triaged: ['triaged'],
  in_progress: ['triaged', 'in_progress'],
  resolved: ['triaged', 'resolved'],
  wont_fix: ['wont_fix'],
  duplicate: ['duplicate'],
};

describe('Feedback: researchers triage items along the table, with notes and an audit trail', () => {
  let t: TestApp;
  let w: StudyWorld;
  let pt: Cohort;
  let es: Cohort;
  let author: Panellist;
  let colleague: TestUser;
  /** what the items of the table tests duplicate */
  let original: FeedbackItem;

  beforeAll(async () => {
    t = await createFeedbackTestApp();
    w = await studyWorld(t);
    pt = await cohort(t, w, { country: 'PT', participants: 2 });
    es = await cohort(t, w, { country: 'ES', participants: 1 });
    author = pt.participants[0];
    colleague = await t.staff('researcher');
    original = await fileFeedback(t, pt.participants[1], pt.study.id, filing('bug', { severity: 'major', title: 'Lid jams' }));
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  const move = (to: Status, target = original.id): Record<string, unknown> =>
    to === 'duplicate' ? { status: to, duplicateOfId: target } : { status: to };
  const newItem = (title = 'Lid jams again', kind: 'bug' | 'idea' = 'bug'): Promise<FeedbackItem> =>
    fileFeedback(t, author, pt.study.id, filing(kind, { title }));
  const at = async (status: Status): Promise<FeedbackItem> => {
    let item = await newItem(`Lid item at ${status}`);
    for (const to of PATH[status]) item = await mustTriage(t, w.researcher.token, item.id, move(to));
    expect(item.status).toBe(status);
    return item;
  };
  const current = (item: FeedbackItem): Promise<FeedbackItem> => feedbackItem(t, w.researcher.token, pt.study.id, item.id);

  describe('the transition table', () => {
    const pairs = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => to !== from).map((to): [Status, Status, boolean] => [from, to, LEGAL[from].includes(to)]),
    );

    it.each(pairs)('%s → %s: legal %s', async (from, to, legal) => {
      const item = await at(from);
      const auditBefore = await auditRows(t, item.id);
      expect(auditBefore).toHaveLength(PATH[from].length);
      const res = await triage(t, w.researcher.token, item.id, move(to));
      if (legal) {
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          id: item.id,
          studyId: pt.study.id,
          status: to,
          duplicateOfId: to === 'duplicate' ? original.id : null,
          notes: [],
          meToo: 0,
          title: item.title,
        });
        expect(await current(item)).toMatchObject({ status: to, duplicateOfId: to === 'duplicate' ? original.id : null });
        const audit = await auditRows(t, item.id);
        expect(audit).toHaveLength(auditBefore.length + 1);
        expect(audit[audit.length - 1]).toEqual({
          action: 'feedback.triaged',
          targetType: 'feedback',
          targetId: item.id,
          actorUserId: w.researcher.id,
          actorRole: 'researcher',
          requestId: res.headers['x-request-id'],
          data: {
            studyId: pt.study.id,
            change: 'move',
            from,
            to,
            noteId: null,
            ...(from === 'duplicate' ? { duplicateOfIdFrom: original.id, duplicateOfIdTo: null } : {}),
            ...(to === 'duplicate' ? { duplicateOfIdFrom: null, duplicateOfIdTo: original.id } : {}),
          },
        });
      } else {
        expectProblem(res, 409, 'illegal-transition');
        expect(res.body.detail).toContain(`from ${from} to ${to}`);
        expect(await current(item)).toMatchObject({ status: from, duplicateOfId: item.duplicateOfId, updatedAt: item.updatedAt });
        expect(await auditRows(t, item.id)).toHaveLength(auditBefore.length);
      }
    });

    it.each(STATUSES)('%s → %s with nothing else is no change: 409, nothing recorded', async (status) => {
      const item = await at(status);
      const res = await triage(t, w.researcher.token, item.id, move(status));
      expectProblem(res, 409, 'illegal-transition');
      expect(await current(item)).toMatchObject({ status, updatedAt: item.updatedAt, notes: [] });
      expect(await auditRows(t, item.id)).toHaveLength(PATH[status].length);
    });

    it.each(STATUSES)('%s with a note adds the note and leaves the status alone', async (status) => {
      const item = await at(status);
      const res = await triage(t, w.researcher.token, item.id, { ...move(status), note: `Still ${status}` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status, duplicateOfId: item.duplicateOfId });
      expect(res.body.notes).toEqual([
        { id: expect.any(String), authorUserId: w.researcher.id, body: `Still ${status}`, createdAt: expect.any(String) },
      ]);
      const audit = await auditRows(t, item.id);
      expect(audit).toHaveLength(PATH[status].length + 1);
      expect(audit[audit.length - 1].data).toEqual({
        studyId: pt.study.id,
        change: 'note',
        from: status,
        to: status,
        noteId: (res.body.notes as Array<{ id: string }>)[0].id,
      });
    });

    it('walks an item through its whole life: triage, work, fix, reopen, won’t fix', async () => {
      const item = await newItem('Kettle clicks off early');
      const steps: Status[] = ['triaged', 'in_progress', 'resolved', 'triaged', 'wont_fix', 'triaged', 'duplicate', 'triaged', 'resolved'];
      let from: Status = 'new';
      for (const to of steps) {
        const after = await mustTriage(t, w.researcher.token, item.id, move(to));
        expect(after.status).toBe(to);
        from = to;
      }
      expect(from).toBe('resolved');
      const audit = await auditRows(t, item.id);
      expect(audit.map((a) => `${a.data.from as string}→${a.data.to as string}`)).toEqual(
        ['new', ...steps.slice(0, -1)].map((f, i) => `${f}→${steps[i]}`),
      );
    });
  });

  describe('duplicates', () => {
    it.each<[string, Record<string, unknown>]>([
      ['status duplicate without duplicateOfId', { status: 'duplicate' }],
      ['status duplicate with a null duplicateOfId', { status: 'duplicate', duplicateOfId: null }],
      ['duplicateOfId with another status', { status: 'triaged', duplicateOfId: MISSING }],
      ['a duplicateOfId that is not a UUID', { status: 'duplicate', duplicateOfId: 'lid-jams' }],
    ])('refuses %s (400 naming duplicateOfId)', async (_what, body) => {
      const item = await newItem();
      const res = await triage(t, w.researcher.token, item.id, body);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['duplicateOfId']);
      expect(await current(item)).toMatchObject({ status: 'new', duplicateOfId: null });
      expect(await auditRows(t, item.id)).toEqual([]);
    });

    it('refuses an item of another study (422)', async () => {
      const elsewhere = await fileFeedback(t, es.participants[0], es.study.id, filing('bug', { title: 'Lid jams in Spain' }));
      const item = await newItem();
      const res = await triage(t, w.researcher.token, item.id, move('duplicate', elsewhere.id));
      expectProblem(res, 422, 'invalid-duplicate-target');
      expect(await current(item)).toMatchObject({ status: 'new', duplicateOfId: null });
      expect(await feedbackItem(t, w.researcher.token, es.study.id, elsewhere.id)).toMatchObject({ status: 'new' });
      expect(await auditRows(t, item.id)).toEqual([]);
    });

    it('refuses the item itself (422), from any status that may become a duplicate', async () => {
      for (const from of ['new', 'triaged', 'in_progress'] as Status[]) {
        const item = await at(from);
        expectProblem(await triage(t, w.researcher.token, item.id, move('duplicate', item.id)), 422, 'invalid-duplicate-target');
        expect(await current(item)).toMatchObject({ status: from, duplicateOfId: null });
      }
    });

    it('refuses an item that does not exist (422)', async () => {
      const item = await newItem();
      expectProblem(await triage(t, w.researcher.token, item.id, move('duplicate', MISSING)), 422, 'invalid-duplicate-target');
      expect(await current(item)).toMatchObject({ status: 'new', duplicateOfId: null });
    });

    it('refuses an item that is itself a duplicate (422): point at the original', async () => {
      const first = await newItem('first copy');
      await mustTriage(t, w.researcher.token, first.id, move('duplicate', original.id));
      const second = await newItem('second copy');
      expectProblem(await triage(t, w.researcher.token, second.id, move('duplicate', first.id)), 422, 'invalid-duplicate-target');
      expect(await current(second)).toMatchObject({ status: 'new', duplicateOfId: null });
      expect((await mustTriage(t, w.researcher.token, second.id, move('duplicate', original.id))).duplicateOfId).toBe(original.id);
    });

    it('re-points a duplicate to another original, and refuses re-pointing it at itself or to the same target without a note', async () => {
      const other = await newItem('the real original');
      const item = await newItem('a copy');
      await mustTriage(t, w.researcher.token, item.id, move('duplicate', original.id));

      const res = await triage(t, w.researcher.token, item.id, move('duplicate', other.id));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'duplicate', duplicateOfId: other.id });
      const audit = await auditRows(t, item.id);
      expect(audit[audit.length - 1].data).toEqual({
        studyId: pt.study.id,
        change: 'repoint',
        from: 'duplicate',
        to: 'duplicate',
        duplicateOfIdFrom: original.id,
        duplicateOfIdTo: other.id,
        noteId: null,
      });

      expectProblem(await triage(t, w.researcher.token, item.id, move('duplicate', item.id)), 422, 'invalid-duplicate-target');
      expectProblem(await triage(t, w.researcher.token, item.id, move('duplicate', other.id)), 409, 'illegal-transition');
      expect(await current(item)).toMatchObject({ status: 'duplicate', duplicateOfId: other.id });
      expect(await auditRows(t, item.id)).toHaveLength(2);
    });

    it('reopening a duplicate clears duplicateOfId; the original can move on by itself', async () => {
      const target = await newItem('original to be fixed');
      const item = await newItem('copy to be reopened');
      await mustTriage(t, w.researcher.token, item.id, move('duplicate', target.id));
      await mustTriage(t, w.researcher.token, target.id, move('triaged'));
      await mustTriage(t, w.researcher.token, target.id, move('resolved'));
      expect(await current(item)).toMatchObject({ status: 'duplicate', duplicateOfId: target.id });

      const reopened = await mustTriage(t, w.researcher.token, item.id, { status: 'triaged', note: 'Not the same bug after all' });
      expect(reopened).toMatchObject({ status: 'triaged', duplicateOfId: null });
      expect(reopened.notes?.map((n) => n.body)).toEqual(['Not the same bug after all']);
    });

    it('two researchers marking two items duplicates of each other at once: one wins, never a cycle', async () => {
      const a = await newItem('cross A');
      const b = await newItem('cross B');
      const [ra, rb] = await Promise.all([
        triage(t, w.researcher.token, a.id, move('duplicate', b.id)),
        triage(t, colleague.token, b.id, move('duplicate', a.id)),
      ]);
      expect([ra.status, rb.status].sort()).toEqual([200, 422]);
      const [ca, cb] = [await current(a), await current(b)];
      expect([ca.status, cb.status].sort()).toEqual(['duplicate', 'new']);
      const dup = ca.status === 'duplicate' ? ca : cb;
      expect(dup.duplicateOfId).toBe(dup.id === a.id ? b.id : a.id);
    });
  });

  describe('notes', () => {
    it('keeps every note, oldest first, with its author, across moves; the list shows them too', async () => {
      const item = await newItem('Handle gets hot', 'bug');
      await mustTriage(t, w.researcher.token, item.id, { status: 'triaged', note: 'Confirmed on two units' });
      await mustTriage(t, colleague.token, item.id, { status: 'triaged', note: 'Supplier asked' });
      await mustTriage(t, w.researcher.token, item.id, { status: 'in_progress' });
      const last = await mustTriage(t, colleague.token, item.id, { status: 'resolved', note: 'New handle in batch 2' });

      const expected = [
        { authorUserId: w.researcher.id, body: 'Confirmed on two units' },
        { authorUserId: colleague.id, body: 'Supplier asked' },
        { authorUserId: colleague.id, body: 'New handle in batch 2' },
      ];
      expect(last.status).toBe('resolved');
      expect(last.notes).toEqual(expected.map((n) => ({ ...n, id: expect.any(String), createdAt: expect.any(String) })));
      expect((await current(item)).notes).toEqual(last.notes);

      const audit = await auditRows(t, item.id);
      expect(audit.map((a) => a.data.change)).toEqual(['move', 'note', 'move', 'move']);
      expect(audit.map((a) => a.actorUserId)).toEqual([w.researcher.id, colleague.id, w.researcher.id, colleague.id]);
      const noteIds = last.notes!.map((n) => n.id);
      expect(audit.map((a) => a.data.noteId)).toEqual([noteIds[0], noteIds[1], null, noteIds[2]]);
    });

    it('keeps no note of a refused request', async () => {
      const item = await newItem('Refused with a note');
      expectProblem(await triage(t, w.researcher.token, item.id, { status: 'resolved', note: 'Fixed?' }), 409, 'illegal-transition');
      expectProblem(
        await triage(t, w.researcher.token, item.id, { status: 'duplicate', duplicateOfId: item.id, note: 'Same' }),
        422,
        'invalid-duplicate-target',
      );
      expect(await current(item)).toMatchObject({ status: 'new', notes: [] });
      expect(await auditRows(t, item.id)).toEqual([]);
    });

    it.each<[string, unknown]>([
      ['an empty note', ''],
      ['a blank note', '  \n '],
      ['a note over 5 000 characters', 'n'.repeat(5_001)],
      ['a note that is not text', { text: 'hi' }],
    ])('refuses %s (400 naming note)', async (_what, note) => {
      const item = await newItem();
      const res = await triage(t, w.researcher.token, item.id, { status: 'triaged', note });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['note']);
      expect(await current(item)).toMatchObject({ status: 'new', notes: [] });
    });

    it('keeps nothing when the note cannot be stored: the move and the note stand or fall together', async () => {
      const item = await newItem('NUL in a note');
      expectProblem(await triage(t, w.researcher.token, item.id, { status: 'triaged', note: 'bad\u0000byte' }), 400);
      expect(await current(item)).toMatchObject({ status: 'new', notes: [], updatedAt: item.updatedAt });
      expect(await auditRows(t, item.id)).toEqual([]);
      expect((await mustTriage(t, w.researcher.token, item.id, { status: 'triaged', note: 'good' })).notes?.map((n) => n.body)).toEqual([
        'good',
      ]);
    });

    it('takes the longest note allowed', async () => {
      const item = await newItem();
      const res = await mustTriage(t, w.researcher.token, item.id, { status: 'triaged', note: 'n'.repeat(5_000) });
      expect(res.notes?.[0].body).toHaveLength(5_000);
    });
  });

  describe('requests and roles', () => {
    it('two researchers triaging the same item at once: one moves it, the other is told (409)', async () => {
      const item = await newItem('raced');
      const [r1, r2] = await Promise.all([
        triage(t, w.researcher.token, item.id, { status: 'triaged' }),
        triage(t, colleague.token, item.id, { status: 'triaged' }),
      ]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      expect(await auditRows(t, item.id)).toHaveLength(1);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no status', {}, 'status'],
      ['an unknown status', { status: 'closed' }, 'status'],
      ['a status in capitals', { status: 'TRIAGED' }, 'status'],
      ['an unknown field', { status: 'triaged', priority: 1 }, 'priority'],
      ['a kind change', { status: 'triaged', kind: 'idea' }, 'kind'],
    ])('refuses %s (400)', async (_what, body, field) => {
      const item = await newItem();
      const res = await triage(t, w.researcher.token, item.id, body);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual([field]);
      expect(await current(item)).toMatchObject({ status: 'new', kind: 'bug' });
    });

    it('reads ids case-insensitively: an upper-case id names the same item and the same duplicate target', async () => {
      const target = await newItem('upper-case original');
      const item = await newItem('upper-case copy');
      const triaged = await triage(t, w.researcher.token, item.id.toUpperCase(), { status: 'triaged' });
      expect(triaged.status).toBe(200);
      expect(triaged.body).toMatchObject({ id: item.id, status: 'triaged' });

      const dup = await triage(t, w.researcher.token, item.id.toUpperCase(), move('duplicate', target.id.toUpperCase()));
      expect(dup.status).toBe(200);
      expect(dup.body).toMatchObject({ id: item.id, status: 'duplicate', duplicateOfId: target.id });
      // the same target, however written, is no change; the item itself, however written, is refused
      expectProblem(await triage(t, w.researcher.token, item.id, move('duplicate', target.id.toUpperCase())), 409, 'illegal-transition');
      expectProblem(
        await triage(t, w.researcher.token, target.id, move('duplicate', target.id.toUpperCase())),
        422,
        'invalid-duplicate-target',
      );
      expect((await auditRows(t, item.id)).map((a) => a.data.to)).toEqual(['triaged', 'duplicate']);
    });

    it('answers 404 for an item that does not exist and 400 for a malformed id', async () => {
      expectProblem(await triage(t, w.researcher.token, MISSING, { status: 'triaged' }), 404, 'feedback-not-found');
      expectProblem(await triage(t, w.researcher.token, 'not-a-uuid', { status: 'triaged' }), 400);
      expectProblem(await triage(t, w.researcher.token, `${original.id}0`, { status: 'triaged' }), 400);
    });

    it('is for researchers only: brand users and panellists 403, anonymous 401', async () => {
      const item = await newItem('roles');
      const brandUser = await t.staff('brand', w.brandId);
      expectProblem(await triage(t, brandUser.token, item.id, { status: 'triaged' }), 403);
      expectProblem(await triage(t, author.token, item.id, { status: 'triaged' }), 403);
      expectProblem(await triage(t, pt.participants[1].token, item.id, { status: 'wont_fix' }), 403);
      expectProblem(await triage(t, null, item.id, { status: 'triaged' }), 401);
      expectProblem(await triage(t, 'garbage', item.id, { status: 'triaged' }), 401);
      expect(await current(item)).toMatchObject({ status: 'new' });
      expect(await auditRows(t, item.id)).toEqual([]);
    });
  });
});
