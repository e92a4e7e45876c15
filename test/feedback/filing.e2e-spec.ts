import {
  accept,
  allFeedback,
  brandProduct,
  createBrand,
  createFeedbackTestApp,
  errorFields,
  expectProblem,
  feedbackItem,
  fileFeedback,
  filing,
  meToo,
  MISSING,
  moveTo,
  myInvitationTo,
  postFeedback,
  SETUP_TIMEOUT,
  UUID,
  type Panellist,
  type TestApp,
} from './feedback-helpers';
import { bystanders, type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

describe('Feedback: participants file bugs, ideas, praise and questions', () => {
  let t: TestApp;
  let w: StudyWorld;
  let pt: Cohort; // the study most tests file into: 2 participants, 1 invited only
  let es: Cohort; // another study: 1 participant
  let outsider: Panellist; // on the panel, never invited

  beforeAll(async () => {
    t = await createFeedbackTestApp();
    w = await studyWorld(t);
    pt = await cohort(t, w, { country: 'PT', participants: 2, invitedOnly: 1 });
    es = await cohort(t, w, { country: 'ES', participants: 1 });
    [outsider] = await bystanders(t, w, 'IT');
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  const count = async (studyId: string): Promise<number> => (await allFeedback(t, w.researcher.token, studyId)).length;

  describe('what a participant may file', () => {
    it.each(['blocker', 'critical', 'major', 'minor'])('files a bug of severity %s (201), new, with no "me too" yet', async (severity) => {
      const p = pt.participants[0];
      const res = await postFeedback(
        t,
        p.token,
        pt.study.id,
        filing('bug', { severity, title: `Lid jams (${severity})`, body: 'The lid jams when the kettle is hot.' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        studyId: pt.study.id,
        authorPanellistId: p.id,
        kind: 'bug',
        severity,
        area: 'lid',
        title: `Lid jams (${severity})`,
        body: 'The lid jams when the kettle is hot.',
        productId: null,
        status: 'new',
        duplicateOfId: null,
        meToo: 0,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(new Date(res.body.createdAt as string).toISOString()).toBe(res.body.createdAt);
      // the researcher sees it as filed
      expect(await feedbackItem(t, w.researcher.token, pt.study.id, res.body.id as string)).toMatchObject({
        kind: 'bug',
        severity,
        status: 'new',
        authorPanellistId: p.id,
        notes: [],
      });
    });

    it.each(['idea', 'praise', 'question'] as const)('files a %s (201) with no severity', async (kind) => {
      const res = await postFeedback(t, pt.participants[1].token, pt.study.id, filing(kind));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind, severity: null, status: 'new', meToo: 0, authorPanellistId: pt.participants[1].id });
    });

    it('takes an explicit null severity on a non-bug, and stores the tested product', async () => {
      const productId = (await brandProduct(t, w.researcher.token, w.brandId)).id;
      const item = await fileFeedback(t, pt.participants[0], pt.study.id, filing('praise', { severity: null, productId }));
      expect(item).toMatchObject({ kind: 'praise', severity: null, productId });
    });

    it('reads ids case-insensitively and answers them as stored, in lower case', async () => {
      const productId = (await brandProduct(t, w.researcher.token, w.brandId)).id.toUpperCase();
      const res = await postFeedback(t, pt.participants[0].token, pt.study.id.toUpperCase(), filing('idea', { productId }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ studyId: pt.study.id, productId: productId.toLowerCase() });
      expect(await feedbackItem(t, w.researcher.token, pt.study.id, res.body.id as string)).toMatchObject({
        studyId: pt.study.id,
        productId: productId.toLowerCase(),
        createdAt: res.body.createdAt,
        updatedAt: res.body.updatedAt,
      });
    });

    it('trims the title and the area; a blank or missing area is no area', async () => {
      const p = pt.participants[0];
      const trimmed = await fileFeedback(t, p, pt.study.id, filing('idea', { title: '  A timer  ', area: '  base  ' }));
      expect(trimmed).toMatchObject({ title: 'A timer', area: 'base' });
      expect((await fileFeedback(t, p, pt.study.id, filing('idea', { area: '   ' }))).area).toBeNull();
      expect((await fileFeedback(t, p, pt.study.id, filing('question', { area: undefined }))).area).toBeNull();
    });

    it('keeps text as written, accents, emoji and quotes included', async () => {
      const body = 'Ça bout trop vite 🔥 — "really" <b>fast</b>\nsecond line';
      const item = await fileFeedback(t, pt.participants[0], pt.study.id, filing('praise', { title: 'Très rapide ☕', body }));
      expect(item).toMatchObject({ title: 'Très rapide ☕', body });
      expect((await feedbackItem(t, w.researcher.token, pt.study.id, item.id)).body).toBe(body);
    });

    it('takes the longest title, area and body allowed', async () => {
      const item = await fileFeedback(
        t,
        pt.participants[0],
        pt.study.id,
        filing('idea', { title: 't'.repeat(200), area: 'a'.repeat(100), body: 'b'.repeat(10_000) }),
      );
      expect(item.title).toHaveLength(200);
      expect(item.area).toHaveLength(100);
      expect(item.body).toHaveLength(10_000);
    });
  });

  describe('retries', () => {
    it('returns the first item for a retry with the same Idempotency-Key, and files nothing twice', async () => {
      const p = pt.participants[1];
      const body = filing('idea', { title: `Retry-safe idea ${Date.now()}`, body: 'A whistle that can be switched off.' });
      const send = () =>
        postFeedback(t, p.token, pt.study.id, body).set('Idempotency-Key', `fb-${body.title as string}`.replace(/\s/g, '-'));
      const first = await send();
      const again = await send();
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const titles = (await allFeedback(t, w.researcher.token, pt.study.id)).filter((i) => i.title === body.title);
      expect(titles).toHaveLength(1);
    });
  });

  describe('what a filing must hold (400, nothing stored)', () => {
    it.each<[string, Record<string, unknown>]>([
      ['a bug without severity', filing('bug', { severity: undefined })],
      ['a bug with a null severity', filing('bug', { severity: null })],
      ['an idea with a severity', filing('idea', { severity: 'minor' })],
      ['praise with a severity', filing('praise', { severity: 'blocker' })],
      ['a question with a severity', filing('question', { severity: 'critical' })],
      ['a severity that does not exist', filing('bug', { severity: 'catastrophic' })],
    ])('names `severity` for %s', async (_what, body) => {
      const before = await count(pt.study.id);
      const res = await postFeedback(t, pt.participants[0].token, pt.study.id, body);
      expectProblem(res, 400, 'validation-failed');
      expect(errorFields(res)).toEqual(['severity']);
      expect(await count(pt.study.id)).toBe(before);
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['no kind', filing('idea', { kind: undefined }), ['kind']],
      ['an unknown kind', filing('idea', { kind: 'complaint' }), ['kind']],
      ['no title', filing('idea', { title: undefined }), ['title']],
      ['an empty title', filing('idea', { title: '' }), ['title']],
      ['a blank title', filing('idea', { title: '   ' }), ['title']],
      ['a title over 200 characters', filing('idea', { title: 't'.repeat(201) }), ['title']],
      ['a numeric title', filing('idea', { title: 42 }), ['title']],
      ['no body', filing('idea', { body: undefined }), ['body']],
      ['a blank body', filing('idea', { body: ' \n\t ' }), ['body']],
      ['a title of zero-width characters only', filing('idea', { title: '\u200B\u200D \uFEFF\u2060' }), ['title']],
      ['a body of zero-width characters and spaces only', filing('idea', { body: ' \u200B \u200C\n' }), ['body']],
      ['a body over 10 000 characters', filing('idea', { body: 'b'.repeat(10_001) }), ['body']],
      ['an area over 100 characters', filing('idea', { area: 'a'.repeat(101) }), ['area']],
      ['a productId that is not a UUID', filing('idea', { productId: 'kettle-1' }), ['productId']],
      ['an unknown field', filing('idea', { priority: 'high' }), ['priority']],
      ['a status set by the filer', filing('idea', { status: 'resolved' }), ['status']],
    ])('refuses %s', async (_what, body, fields) => {
      const before = await count(pt.study.id);
      const res = await postFeedback(t, pt.participants[0].token, pt.study.id, body);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(fields);
      expect(await count(pt.study.id)).toBe(before);
    });

    it('refuses a body that is not a JSON object, and malformed JSON', async () => {
      expectProblem(await postFeedback(t, pt.participants[0].token, pt.study.id, ['bug']), 400);
      const malformed = await t
        .http()
        .post(`/api/v1/studies/${pt.study.id}/feedback`)
        .set('Authorization', `Bearer ${pt.participants[0].token}`)
        .set('Content-Type', 'application/json')
        .send('{"kind": "idea",');
      expectProblem(malformed, 400);
    });

    it('refuses a productId that is not a product of the study’s brand (422), and one that names nothing', async () => {
      const before = await count(pt.study.id);
      const other = await createBrand(t, 'other-kettles');
      const foreign = await brandProduct(t, w.researcher.token, other.id);
      for (const productId of [foreign.id, MISSING]) {
        expectProblem(
          await postFeedback(t, pt.participants[0].token, pt.study.id, filing('idea', { productId })),
          422,
          'product-not-of-study-brand',
        );
      }
      expect(await count(pt.study.id)).toBe(before);
    });

    it('refuses a NUL character in the text as bad input, not a server error', async () => {
      const before = await count(pt.study.id);
      expectProblem(await postFeedback(t, pt.participants[0].token, pt.study.id, filing('idea', { body: 'before\u0000after' })), 400);
      expect(await count(pt.study.id)).toBe(before);
    });
  });

  describe('who may file', () => {
    it('refuses a panellist who was invited but did not accept (403)', async () => {
      const before = await count(pt.study.id);
      expectProblem(await postFeedback(t, pt.invitedOnly[0].token, pt.study.id, filing('idea')), 403, 'not-a-participant');
      expect(await count(pt.study.id)).toBe(before);
    });

    it(
      'refuses a panellist who accepted but was waitlisted, their quota cell being full (403)',
      async () => {
        const nl = await cohort(t, w, {
          country: 'NL',
          participants: 1,
          invitedOnly: 1,
          study: { quotas: [{ dimension: 'gender', value: 'female', target: 1 }] },
        });
        const late = nl.invitedOnly[0];
        const inv = await myInvitationTo(t, late, nl.study.id);
        expect((await accept(t, late, inv!.id)).body).toEqual({ status: 'waitlisted' });
        expectProblem(await postFeedback(t, late.token, nl.study.id, filing('idea')), 403, 'not-a-participant');
        expect((await postFeedback(t, nl.participants[0].token, nl.study.id, filing('idea'))).status).toBe(201);
      },
      SETUP_TIMEOUT,
    );

    it('refuses a panellist who never was invited (403)', async () => {
      expectProblem(await postFeedback(t, outsider.token, pt.study.id, filing('bug')), 403, 'not-a-participant');
    });

    it('refuses a participant of another study (403), who may file in their own', async () => {
      const p = es.participants[0];
      expectProblem(await postFeedback(t, p.token, pt.study.id, filing('idea')), 403, 'not-a-participant');
      expect((await postFeedback(t, p.token, es.study.id, filing('idea'))).status).toBe(201);
    });

    it('answers 404 for a study that does not exist', async () => {
      expectProblem(await postFeedback(t, pt.participants[0].token, MISSING, filing('idea')), 404, 'study-not-found');
    });

    it.each(['not-a-uuid', '123', `${MISSING}x`])('answers 400 for the malformed study id %s', async (id) => {
      expectProblem(await postFeedback(t, pt.participants[0].token, id, filing('idea')), 400);
    });

    it('is for panellists only: staff 403, anonymous 401', async () => {
      const brandUser = await t.staff('brand', w.brandId);
      const admin = await t.staff('admin');
      expectProblem(await postFeedback(t, w.researcher.token, pt.study.id, filing('idea')), 403);
      expectProblem(await postFeedback(t, brandUser.token, pt.study.id, filing('idea')), 403);
      expectProblem(await postFeedback(t, admin.token, pt.study.id, filing('idea')), 403);
      expectProblem(await postFeedback(t, null, pt.study.id, filing('idea')), 401);
      expectProblem(await postFeedback(t, 'not-a-token', pt.study.id, filing('idea')), 401);
    });
  });

  describe('the life of the study', () => {
    it(
      'takes feedback while recruiting, in field and analysing; once closed refuses it and "me too" (409), keeping what was filed',
      async () => {
        const gr = await cohort(t, w, { country: 'GR', participants: 2 });
        const [a, b] = gr.participants;
        const filed = [await fileFeedback(t, a, gr.study.id, filing('bug', { severity: 'minor' }))];
        await moveTo(t, w.researcher.token, gr.study.id, 'in_field');
        filed.push(await fileFeedback(t, b, gr.study.id, filing('idea')));
        await moveTo(t, w.researcher.token, gr.study.id, 'analysing');
        filed.push(await fileFeedback(t, a, gr.study.id, filing('question')));
        await moveTo(t, w.researcher.token, gr.study.id, 'closed');

        expectProblem(await postFeedback(t, a.token, gr.study.id, filing('idea')), 409, 'study-closed');
        expectProblem(await meToo(t, b.token, filed[0].id), 409, 'study-closed');
        // who is not a participant learns no more than that
        expectProblem(await postFeedback(t, outsider.token, gr.study.id, filing('idea')), 403, 'not-a-participant');

        const items = await allFeedback(t, w.researcher.token, gr.study.id);
        expect(items.map((i) => i.id).sort()).toEqual(filed.map((f) => f.id).sort());
        expect(items.every((i) => i.status === 'new' && i.meToo === 0)).toBe(true);
      },
      SETUP_TIMEOUT,
    );
  });
});
