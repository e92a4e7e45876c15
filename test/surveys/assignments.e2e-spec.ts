import { JobRegistry } from '@leadpanel/platform';
import { SURVEY_REMINDER_JOB } from '@leadpanel/responses';
import { joinPanel } from '../panel/panel-helpers';
import {
  API,
  assignAll,
  bearer,
  createStudySurvey,
  createSurveysTestApp,
  errorFields,
  expectProblem,
  FEEDBACK_QUESTIONS,
  FULL_ANSWERS,
  getAssignment,
  HOUR,
  inDays,
  mailTo,
  MISSING,
  mustMyAssignment,
  myAssignmentOf,
  openCampaign,
  outboxRows,
  postAssignments,
  reminderKeys,
  submit,
  UUID,
  type Panellist,
  type TestApp,
  type TestUser,
} from './survey-helpers';
import { cohort, studyWorld, type Cohort } from '../support/world';

const AVAILABLE = /^A survey is waiting for you: /;
const REMINDER = /^Reminder: /;

/** POST /surveys/:id/assignments, GET /me/assignments(/:id), the survey-available mail and the reminders. */
describe('Survey assignments', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandId: string;
  let nl: Cohort; // 3 participants, 1 invited only
  let outsider: Panellist; // on the panel, in no study

  beforeAll(async () => {
    t = await createSurveysTestApp();
    const w = await studyWorld(t);
    ({ researcher, brandId } = w);
    nl = await cohort(t, w, { country: 'NL', participants: 3, invitedOnly: 1, study: { title: 'Dutch kettles' } });
    outsider = await joinPanel(t, w.campaign.slug, { country: 'IS', displayName: 'Outsider' });
  });
  afterAll(async () => {
    await t.close();
  });

  const studySurvey = (title: string, extra: Record<string, unknown> = {}) =>
    createStudySurvey(t, researcher.token, { studyId: nl.study.id, title, ...extra });

  describe('refusals', () => {
    it('refuses to assign a draft (422) and a survey of no study (422)', async () => {
      const draft = await createStudySurvey(t, researcher.token, { studyId: nl.study.id, title: 'Draft' }, { publish: false });
      expectProblem(
        await postAssignments(t, researcher.token, draft.id, { audience: 'all_participants', dueAt: inDays(7) }),
        422,
        'survey-not-published',
      );
      const loose = await createStudySurvey(t, researcher.token, { title: 'No study' });
      expectProblem(await postAssignments(t, researcher.token, loose.id, { audience: 'all_participants', dueAt: inDays(7) }), 422);
      for (const p of nl.participants) {
        expect(await myAssignmentOf(t, p, draft.id)).toBeUndefined();
        expect(await myAssignmentOf(t, p, loose.id)).toBeUndefined();
      }
    });

    it('refuses listed panellists who are not participants (400 naming panellistIds) and assigns no one', async () => {
      const s = await studySurvey('Listed outsiders');
      for (const who of [nl.invitedOnly[0].id, outsider.id, MISSING]) {
        const res = await postAssignments(t, researcher.token, s.id, { panellistIds: [nl.participants[0].id, who], dueAt: inDays(7) });
        expectProblem(res, 400);
        expect(errorFields(res)).toEqual(['panellistIds']);
        expect(JSON.stringify(res.body.errors)).toContain(who);
      }
      expect(await myAssignmentOf(t, nl.participants[0], s.id)).toBeUndefined();
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['both audience and panellistIds', { audience: 'all_participants', panellistIds: [MISSING] }, 'audience'],
      ['neither audience nor panellistIds', {}, 'audience'],
      ['an unknown audience', { audience: 'everyone' }, 'audience'],
      ['an empty panellistIds', { panellistIds: [] }, 'panellistIds'],
      ['a malformed panellist id', { panellistIds: ['nope'] }, 'panellistIds'],
      ['a due date in the past', { audience: 'all_participants', dueAt: inDays(-1) }, 'dueAt'],
      ['a due date in half an hour', { audience: 'all_participants', dueAt: new Date(Date.now() + HOUR / 2).toISOString() }, 'dueAt'],
      ['a due date that is not a date', { audience: 'all_participants', dueAt: 'next tuesday' }, 'dueAt'],
      ['no due date', { audience: 'all_participants', dueAt: undefined }, 'dueAt'],
      ['an unknown field', { audience: 'all_participants', everyone: true }, 'everyone'],
    ])('refuses %s with 400 naming the field', async (_what, body, field) => {
      const s = await studySurvey('Bad assignment');
      const res = await postAssignments(t, researcher.token, s.id, { dueAt: inDays(7), ...body });
      expectProblem(res, 400);
      expect(errorFields(res)).toContain(field);
      expect(await myAssignmentOf(t, nl.participants[0], s.id)).toBeUndefined();
    });

    it('answers an unknown survey with 404 and a malformed id with 400', async () => {
      expectProblem(await postAssignments(t, researcher.token, MISSING, { audience: 'all_participants', dueAt: inDays(7) }), 404);
      expectProblem(await postAssignments(t, researcher.token, 'nope', { audience: 'all_participants', dueAt: inDays(7) }), 400);
    });

    it('is for researchers: anonymous 401; panellist and brand user 403', async () => {
      const s = await studySurvey('Roles');
      const brandUser = await t.staff('brand', brandId);
      const body = { audience: 'all_participants', dueAt: inDays(7) };
      expectProblem(await t.http().post(`${API}/surveys/${s.id}/assignments`).send(body), 401);
      expectProblem(await postAssignments(t, nl.participants[0].token, s.id, body), 403);
      expectProblem(await postAssignments(t, brandUser.token, s.id, body), 403);
      expect(await myAssignmentOf(t, nl.participants[0], s.id)).toBeUndefined();
    });
  });

  describe('to all participants', () => {
    const dueAt = inDays(7);
    let surveyId: string;

    beforeAll(async () => {
      surveyId = (await studySurvey('Kettle week one')).id;
      const res = await postAssignments(t, researcher.token, surveyId, { audience: 'all_participants', dueAt });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ assigned: 3 });
    });

    it('assigns each enrolled participant once; assigning again adds no one', async () => {
      expect(await assignAll(t, researcher.token, surveyId)).toBe(0);
      for (const p of nl.participants) {
        const a = await mustMyAssignment(t, p, surveyId);
        expect(a).toEqual({
          id: expect.stringMatching(UUID),
          surveyId,
          studyId: nl.study.id,
          title: 'Kettle week one',
          kind: 'beta',
          dueAt,
          status: 'assigned',
          submittedAt: null,
          pointsCredited: null,
        });
      }
      expect(await myAssignmentOf(t, nl.invitedOnly[0], surveyId)).toBeUndefined();
      expect(await myAssignmentOf(t, outsider, surveyId)).toBeUndefined();
    });

    it('sends each participant the "survey available" e-mail over SMTP, and no one else', async () => {
      for (const p of nl.participants) {
        const mail = await mailTo(t, p.email, AVAILABLE);
        expect(mail.subject).toBe('A survey is waiting for you: Kettle week one');
        expect(mail.text).toContain(p.displayName);
        expect(mail.text).toContain('Dutch kettles');
        expect(mail.text).toContain(dueAt.slice(0, 10));
        expect(mail.text).toContain('/me/assignments');
      }
      await new Promise((r) => setTimeout(r, 300));
      for (const p of nl.participants) expect(t.smtp.to(p.email).filter((m) => AVAILABLE.test(m.subject))).toHaveLength(1);
      expect(t.smtp.to(nl.invitedOnly[0].email).filter((m) => AVAILABLE.test(m.subject))).toHaveLength(0);
      expect(t.smtp.to(outsider.email).filter((m) => AVAILABLE.test(m.subject))).toHaveLength(0);
    });

    it('schedules two reminders per assignment in the outbox, at due − 72 h and due − 24 h', async () => {
      const due = new Date(dueAt).getTime();
      for (const p of nl.participants) {
        const a = await mustMyAssignment(t, p, surveyId);
        const rows = await outboxRows(t, reminderKeys(a.id));
        expect(rows).toEqual([
          {
            topic: 'surveys.reminder',
            payload: { assignmentId: a.id, n: 1 },
            status: 'pending',
            availableAt: new Date(due - 72 * HOUR),
            dedupeKey: `survey-reminder:${a.id}:1`,
            subjectId: p.id,
          },
          {
            topic: 'surveys.reminder',
            payload: { assignmentId: a.id, n: 2 },
            status: 'pending',
            availableAt: new Date(due - 24 * HOUR),
            dedupeKey: `survey-reminder:${a.id}:2`,
            subjectId: p.id,
          },
        ]);
      }
    });

    it('GET /me/assignments/:id returns the survey and (no) saved answers; another panellist’s is a 404', async () => {
      const [p, other] = nl.participants;
      const a = await mustMyAssignment(t, p, surveyId);
      const res = await getAssignment(t, p, a.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...a,
        survey: { id: surveyId, title: 'Kettle week one', kind: 'beta', questions: FEEDBACK_QUESTIONS },
        answers: {},
      });
      expectProblem(await getAssignment(t, other, a.id), 404);
      expectProblem(await getAssignment(t, outsider, a.id), 404);
      expectProblem(await getAssignment(t, p, MISSING), 404);
      expectProblem(await getAssignment(t, p, 'not-a-uuid'), 400);
    });

    it('the reminder job mails those who have not submitted, once per reminder; after a submit it mails no one and the reminders are cancelled', async () => {
      const [p, done] = nl.participants;
      const run = t.app.get(JobRegistry).get(SURVEY_REMINDER_JOB)!;
      const ctx = { jobId: 'test', attempt: 1, maxAttempts: 1 };
      const a = await mustMyAssignment(t, p, surveyId);
      await run({ assignmentId: a.id, n: 1 }, ctx);
      await run({ assignmentId: a.id, n: 1 }, ctx); // a retried job
      const mail = await mailTo(t, p.email, REMINDER);
      expect(mail.subject).toBe(`Reminder: Kettle week one is due on ${dueAt.slice(0, 10)}`);
      await new Promise((r) => setTimeout(r, 300));
      expect(t.smtp.to(p.email).filter((m) => REMINDER.test(m.subject))).toHaveLength(1);

      const d = await mustMyAssignment(t, done, surveyId);
      const submitted = await submit(t, done, d.id, { answers: FULL_ANSWERS });
      expect(submitted.status).toBe(200);
      expect((await outboxRows(t, reminderKeys(d.id))).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
      await run({ assignmentId: d.id, n: 2 }, ctx);
      await run({ assignmentId: MISSING, n: 1 }, ctx); // a vanished assignment is no error
      await new Promise((r) => setTimeout(r, 300));
      expect(t.smtp.to(done.email).filter((m) => REMINDER.test(m.subject))).toHaveLength(0);
    });
  });

  describe('to listed participants, and reminder times near the due date', () => {
    it('assigns only the listed participants (duplicates counted once, ids in any case)', async () => {
      const s = await studySurvey('Listed');
      const [a, b, c] = nl.participants;
      const res = await postAssignments(t, researcher.token, s.id, { panellistIds: [a.id, b.id, a.id.toUpperCase()], dueAt: inDays(5) });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ assigned: 2 });
      expect(await myAssignmentOf(t, a, s.id)).toBeDefined();
      expect(await myAssignmentOf(t, b, s.id)).toBeDefined();
      expect(await myAssignmentOf(t, c, s.id)).toBeUndefined();
      await mailTo(t, a.email, 'A survey is waiting for you: Listed');
      await mailTo(t, b.email, 'A survey is waiting for you: Listed');
      // the rest of the participants can still be added
      expect(await assignAll(t, researcher.token, s.id)).toBe(1);
      expect(await myAssignmentOf(t, c, s.id)).toBeDefined();
    });

    it('leaves out a reminder whose time has passed: due in 30 h → only due − 24 h; due in 20 h → none', async () => {
      const [p] = nl.participants;
      const soon = await studySurvey('Soon');
      const dueSoon = new Date(Date.now() + 30 * HOUR).toISOString();
      expect((await postAssignments(t, researcher.token, soon.id, { panellistIds: [p.id], dueAt: dueSoon })).status).toBe(201);
      const a = await mustMyAssignment(t, p, soon.id);
      const rows = await outboxRows(t, reminderKeys(a.id));
      expect(rows.map((r) => [r.dedupeKey, r.availableAt.toISOString()])).toEqual([
        [`survey-reminder:${a.id}:2`, new Date(new Date(dueSoon).getTime() - 24 * HOUR).toISOString()],
      ]);

      const sooner = await studySurvey('Sooner');
      const dueSooner = new Date(Date.now() + 20 * HOUR).toISOString();
      expect((await postAssignments(t, researcher.token, sooner.id, { panellistIds: [p.id], dueAt: dueSooner })).status).toBe(201);
      const b = await mustMyAssignment(t, p, sooner.id);
      expect(await outboxRows(t, reminderKeys(b.id))).toEqual([]);
      await mailTo(t, p.email, 'A survey is waiting for you: Sooner');
    });
  });

  it('mails a French participant in French', async () => {
    const campaign = await openCampaign(t, researcher.token);
    const lu = await cohort(
      t,
      { researcher, brandId, campaign },
      { country: 'LU', participants: 1, study: { title: 'Bouilloires' }, panellist: { locale: 'fr', displayName: 'Jeanne' } },
    );
    const s = await createStudySurvey(t, researcher.token, { studyId: lu.study.id, title: 'Semaine un' });
    const dueAt = inDays(4);
    expect(await assignAll(t, researcher.token, s.id, dueAt)).toBe(1);
    const [p] = lu.participants;
    const mail = await mailTo(t, p.email, 'Un questionnaire vous attend : Semaine un');
    expect(mail.text).toContain('Bonjour Jeanne');
    expect(mail.text).toContain('« Bouilloires »');
    const a = await mustMyAssignment(t, p, s.id);
    await t.app.get(JobRegistry).get(SURVEY_REMINDER_JOB)!({ assignmentId: a.id, n: 2 }, { jobId: 'test', attempt: 1, maxAttempts: 1 });
    await mailTo(t, p.email, `Rappel : Semaine un est attendu le ${dueAt.slice(0, 10)}`);
  });

  describe('GET /me/assignments', () => {
    it('lists my assignments newest first, in pages', async () => {
      const [p] = nl.participants;
      const all = await t
        .http()
        .get(`${API}/me/assignments?limit=100`)
        .set(...bearer(p.token));
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      const ids = (all.body.items as Array<{ id: string }>).map((a) => a.id);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await t
          .http()
          .get(`${API}/me/assignments?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
          .set(...bearer(p.token));
        expect(res.status).toBe(200);
        expect(res.body.items).toHaveLength(1);
        seen.push(res.body.items[0].id as string);
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual(ids);
    });

    it('is empty for a panellist with no assignment, and refuses bad paging (400)', async () => {
      const res = await t
        .http()
        .get(`${API}/me/assignments`)
        .set(...bearer(outsider.token));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
      for (const q of ['limit=0', 'limit=101', 'limit=x', 'cursor=%25%25']) {
        expectProblem(
          await t
            .http()
            .get(`${API}/me/assignments?${q}`)
            .set(...bearer(outsider.token)),
          400,
        );
      }
    });

    it('is for panellists: anonymous 401, researcher 403', async () => {
      expectProblem(await t.http().get(`${API}/me/assignments`), 401);
      expectProblem(await t.http().get(`${API}/me/assignments/${MISSING}`), 401);
      expectProblem(
        await t
          .http()
          .get(`${API}/me/assignments`)
          .set(...bearer(researcher.token)),
        403,
      );
      expectProblem(
        await t
          .http()
          .get(`${API}/me/assignments/${MISSING}`)
          .set(...bearer(researcher.token)),
        403,
      );
    });
  });
});
