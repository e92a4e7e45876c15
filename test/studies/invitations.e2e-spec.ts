import { JobRegistry } from '@leadpanel/platform';
import { EXPIRE_WAVE_JOB, REMIND_WAVE_JOB } from '@leadpanel/studies';
import { dataSource } from '../panel/panel-helpers';
import {
  accept,
  allInvitations,
  API,
  bearer,
  createStudiesTestApp,
  decline,
  expectProblem,
  JOIN_TIMEOUT_MS,
  joinMany,
  mailTo,
  moveTo,
  myInvitationTo,
  recruitingStudy,
  studyBody,
  UUID,
  wave,
  type MyInvitation,
  type Panellist,
  type PanellistSpec,
  type Study,
  type TestApp,
  type TestUser,
} from './studies-helpers';
import { studyWorld } from '../support/world';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('Invitations: accept, decline, quota cells, my invitations and studies', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandId: string;
  let pt: Panellist[]; // 6 women in PT: the quota cell
  let es: Panellist[]; // 4 in ES: accept / decline
  let gr: Panellist[]; // 3 in GR: expiry and closed studies
  let ie: Panellist[]; // 3 in IE: reminders

  beforeAll(async () => {
    t = await createStudiesTestApp();
    const { campaign, ...world } = await studyWorld(t);
    ({ researcher, brandId } = world);
    const specs: PanellistSpec[] = [
      ...Array.from({ length: 6 }, (): PanellistSpec => ({ country: 'PT', gender: 'female' })),
      ...Array.from({ length: 4 }, (): PanellistSpec => ({ country: 'ES' })),
      ...Array.from({ length: 3 }, (): PanellistSpec => ({ country: 'GR' })),
      ...Array.from({ length: 3 }, (): PanellistSpec => ({ country: 'IE' })),
    ];
    const all = await joinMany(t, campaign, specs, 12);
    pt = all.slice(0, 6);
    es = all.slice(6, 10);
    gr = all.slice(10, 13);
    ie = all.slice(13);
  }, JOIN_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const invitationOf = async (p: Panellist, studyId: string): Promise<MyInvitation> => {
    const inv = await myInvitationTo(t, p, studyId);
    if (!inv) throw new Error(`${p.email} has no invitation to ${studyId}`);
    return inv;
  };
  const get = (token: string, path: string) =>
    t
      .http()
      .get(`${API}${path}`)
      .set(...bearer(token));

  describe('a quota cell filling up', () => {
    let s: Study;
    const order: Panellist[] = [];

    beforeAll(async () => {
      s = await recruitingStudy(
        t,
        researcher.token,
        studyBody(brandId, {
          title: 'Portuguese pantries',
          criteria: { countries: ['PT'] },
          quotas: [{ dimension: 'gender', value: 'female', target: 2 }],
        }),
      );
      const w = await wave(t, researcher.token, s.id, { size: 10, expiresInDays: 7 });
      expect(w.invited).toBe(6); // 3 × 2 places
      order.push(...pt);
    });

    it('enrols the first acceptances and waitlists the next one once the cell is full', async () => {
      const statuses = [];
      for (const p of order.slice(0, 3)) {
        const res = await accept(t, p, (await invitationOf(p, s.id)).id);
        expect(res.status).toBe(200);
        statuses.push(res.body);
      }
      expect(statuses).toEqual([{ status: 'accepted' }, { status: 'accepted' }, { status: 'waitlisted' }]);
      expect((await invitationOf(order[2], s.id)).status).toBe('waitlisted');

      const preview = await t
        .http()
        .post(`${API}/studies/${s.id}/eligibility/preview`)
        .set(...bearer(researcher.token));
      expect(preview.body.cells).toEqual([{ dimension: 'gender', value: 'female', eligible: 0, target: 2, enrolled: 2 }]);

      const participants = await get(researcher.token, `/studies/${s.id}/participants`);
      expect(participants.status).toBe(200);
      expect(participants.body.nextCursor).toBeNull();
      const rows = participants.body.items as Array<{
        panellistId: string;
        status: string;
        cells: string[];
        invitationId: string;
        id: string;
      }>;
      expect(rows.map((r) => [r.panellistId, r.status]).sort()).toEqual(
        [
          [order[0].id, 'enrolled'],
          [order[1].id, 'enrolled'],
          [order[2].id, 'waitlisted'],
        ].sort(),
      );
      for (const r of rows) {
        expect(r).toEqual({
          id: expect.stringMatching(UUID),
          panellistId: expect.stringMatching(UUID),
          status: expect.any(String),
          cells: ['gender=female'],
          invitationId: expect.stringMatching(UUID),
          joinedAt: expect.stringMatching(/Z$/),
        });
      }
      expect(await allInvitations(t, researcher.token, s.id, 'accepted')).toHaveLength(2);
      expect(await allInvitations(t, researcher.token, s.id, 'waitlisted')).toHaveLength(1);
      expect(await allInvitations(t, researcher.token, s.id, 'invited')).toHaveLength(3);
    });

    it('tells the open invitations of the full cell that the places are taken (e-mail)', async () => {
      for (const p of order.slice(2)) await mailTo(t, p.email, 'Portuguese pantries: the places are taken');
      await new Promise((r) => setTimeout(r, 300));
      for (const p of order.slice(0, 2)) expect(t.smtp.to(p.email).filter((m) => m.subject.includes('places are taken'))).toEqual([]);
    });

    it('answers a repeated accept with the same outcome, and changes nothing', async () => {
      expect((await accept(t, order[0], (await invitationOf(order[0], s.id)).id)).body).toEqual({ status: 'accepted' });
      expect((await accept(t, order[2], (await invitationOf(order[2], s.id)).id)).body).toEqual({ status: 'waitlisted' });
      const participants = await get(researcher.token, `/studies/${s.id}/participants`);
      expect(participants.body.items).toHaveLength(3);
    });

    it('lists my studies: enrolled or waitlisted, with the study status', async () => {
      const mine = await get(order[0].token, '/me/studies');
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual({
        items: [
          {
            studyId: s.id,
            title: 'Portuguese pantries',
            theme: s.theme,
            studyStatus: 'recruiting',
            participation: 'enrolled',
            joinedAt: expect.stringMatching(/Z$/),
          },
        ],
        nextCursor: null,
      });
      const waiting = await get(order[2].token, '/me/studies');
      expect(waiting.body.items).toEqual([expect.objectContaining({ studyId: s.id, participation: 'waitlisted' })]);
      const none = await get(order[3].token, '/me/studies');
      expect(none.body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('accept and decline', () => {
    let s: Study;
    beforeAll(async () => {
      s = await recruitingStudy(t, researcher.token, studyBody(brandId, { title: 'Spanish stoves', criteria: { countries: ['ES'] } }));
      expect((await wave(t, researcher.token, s.id, { size: 4, expiresInDays: 5 })).invited).toBe(4);
    });

    it('lists my invitations with the study title, theme, brief and incentive (200 page)', async () => {
      const res = await get(es[0].token, '/me/invitations');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [
          {
            id: expect.stringMatching(UUID),
            studyId: s.id,
            studyTitle: 'Spanish stoves',
            theme: s.theme,
            brief: s.brief,
            incentivePoints: s.incentivePoints,
            status: 'invited',
            expiresAt: expect.stringMatching(/Z$/),
            createdAt: expect.stringMatching(/Z$/),
          },
        ],
        nextCursor: null,
      });
      expectProblem(await get(es[0].token, '/me/invitations?limit=0'), 400);
      expectProblem(await get(es[0].token, '/me/invitations?cursor=%25%25'), 400);
    });

    it('accepts (no quotas: enrolled) and shows the study among mine', async () => {
      const inv = await invitationOf(es[0], s.id);
      const res = await accept(t, es[0], inv.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'accepted' });
      expect((await invitationOf(es[0], s.id)).status).toBe('accepted');
      const participants = await get(researcher.token, `/studies/${s.id}/participants`);
      expect(participants.body.items).toEqual([
        expect.objectContaining({ panellistId: es[0].id, status: 'enrolled', cells: [], invitationId: inv.id }),
      ]);
    });

    it('declines (200), is idempotent, and refuses an accept after the decline (409)', async () => {
      const inv = await invitationOf(es[1], s.id);
      const res = await decline(t, es[1], inv.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'declined' });
      expect((await decline(t, es[1], inv.id)).body).toEqual({ status: 'declined' });
      expectProblem(await accept(t, es[1], inv.id), 409, 'invitation-closed');
      expect((await invitationOf(es[1], s.id)).status).toBe('declined');
      const declined = await allInvitations(t, researcher.token, s.id, 'declined');
      expect(declined.map((i) => i.panellistId)).toEqual([es[1].id]);
      expect(declined[0].respondedAt).toEqual(expect.stringMatching(/Z$/));
    });

    it('refuses a decline after an accept (409)', async () => {
      const inv = await invitationOf(es[0], s.id);
      expectProblem(await decline(t, es[0], inv.id), 409, 'invitation-closed');
    });

    it("answers 404 for someone else's invitation and for one that does not exist, and changes nothing", async () => {
      const theirs = await invitationOf(es[2], s.id);
      expectProblem(await accept(t, es[3], theirs.id), 404);
      expectProblem(await decline(t, es[3], theirs.id), 404);
      expectProblem(await accept(t, pt[0], theirs.id), 404);
      expectProblem(await accept(t, es[3], MISSING), 404);
      expectProblem(await decline(t, es[3], MISSING), 404);
      expect((await invitationOf(es[2], s.id)).status).toBe('invited');
    });

    it('refuses staff and anonymous callers on the panellist routes', async () => {
      const theirs = await invitationOf(es[2], s.id);
      expectProblem(
        await t
          .http()
          .post(`${API}/me/invitations/${theirs.id}/accept`)
          .set(...bearer(researcher.token)),
        403,
      );
      expectProblem(await t.http().post(`${API}/me/invitations/${theirs.id}/accept`), 401);
      expectProblem(await t.http().post(`${API}/me/invitations/${theirs.id}/decline`), 401);
    });
  });

  describe('closed invitations', () => {
    it('schedules two reminders 48 h apart and sends each once, only to those who have not answered', async () => {
      const s = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['IE'] } }));
      const w = await wave(t, researcher.token, s.id, { size: 3, expiresInDays: 7 });
      expect(w.invited).toBe(3);
      const rows = (await dataSource(t).query(
        `SELECT dedupe_key AS key, extract(epoch FROM available_at - created_at) / 3600 AS hours FROM outbox_messages WHERE topic = $1 AND payload->>'waveId' = $2 ORDER BY available_at`,
        [REMIND_WAVE_JOB, w.waveId],
      )) as Array<{ key: string; hours: string }>;
      expect(rows.map((r) => r.key)).toEqual([`${REMIND_WAVE_JOB}:${w.waveId}:1`, `${REMIND_WAVE_JOB}:${w.waveId}:2`]);
      expect(rows.map((r) => Math.round(Number(r.hours)))).toEqual([48, 96]);

      expect((await accept(t, ie[0], (await invitationOf(ie[0], s.id)).id)).status).toBe(200);
      expect((await decline(t, ie[1], (await invitationOf(ie[1], s.id)).id)).status).toBe(200);
      const remind = t.app.get(JobRegistry).get(REMIND_WAVE_JOB)!;
      await remind({ waveId: w.waveId, n: 1 }, { jobId: 'r1', attempt: 1, maxAttempts: 1 });
      await remind({ waveId: w.waveId, n: 1 }, { jobId: 'r1-again', attempt: 1, maxAttempts: 1 });
      const subject = `Reminder: your invitation to ${s.title}`;
      await mailTo(t, ie[2].email, subject);
      await new Promise((r) => setTimeout(r, 1500));
      expect(t.smtp.to(ie[2].email).filter((m) => m.subject === subject)).toHaveLength(1);
      expect(t.smtp.to(ie[0].email).filter((m) => m.subject === subject)).toHaveLength(0);
      expect(t.smtp.to(ie[1].email).filter((m) => m.subject === subject)).toHaveLength(0);
      await remind({ waveId: w.waveId, n: 2 }, { jobId: 'r2', attempt: 1, maxAttempts: 1 });
      await new Promise((r) => setTimeout(r, 1500));
      expect(t.smtp.to(ie[2].email).filter((m) => m.subject === subject)).toHaveLength(2);
    });

    it('refuses to accept or decline an expired invitation (409), shows it expired, and the expiry job closes the rest', async () => {
      const s = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['GR'] } }));
      const w = await wave(t, researcher.token, s.id, { size: 3, expiresInDays: 1 });
      expect(w.invited).toBe(3);
      await dataSource(t).query(`UPDATE study_invitations SET expires_at = now() - interval '1 minute' WHERE wave_id = $1`, [w.waveId]);
      const a = await invitationOf(gr[0], s.id);
      expect(a.status).toBe('expired');
      expectProblem(await accept(t, gr[0], a.id), 409, 'invitation-closed');
      expectProblem(await decline(t, gr[1], (await invitationOf(gr[1], s.id)).id), 409, 'invitation-closed');
      // both refusals kept the expiry; the third invitation waits for the job
      expect((await allInvitations(t, researcher.token, s.id, 'expired')).map((i) => i.panellistId).sort()).toEqual(
        [gr[0].id, gr[1].id].sort(),
      );
      expect((await allInvitations(t, researcher.token, s.id, 'invited')).map((i) => i.panellistId)).toEqual([gr[2].id]);
      await t.app.get(JobRegistry).get(EXPIRE_WAVE_JOB)!({ waveId: w.waveId }, { jobId: 'test', attempt: 1, maxAttempts: 1 });
      expect(await allInvitations(t, researcher.token, s.id, 'expired')).toHaveLength(3);
      expectProblem(await accept(t, gr[2], (await invitationOf(gr[2], s.id)).id), 409, 'invitation-closed');
    });

    it('refuses to accept once the study is analysing (409)', async () => {
      const s = await recruitingStudy(t, researcher.token, studyBody(brandId, { criteria: { countries: ['GR'] } }));
      expect((await wave(t, researcher.token, s.id, { size: 3, expiresInDays: 7 })).invited).toBe(3);
      await moveTo(t, researcher.token, s.id, 'in_field');
      expect((await accept(t, gr[0], (await invitationOf(gr[0], s.id)).id)).body).toEqual({ status: 'accepted' });
      await moveTo(t, researcher.token, s.id, 'analysing');
      expectProblem(await accept(t, gr[1], (await invitationOf(gr[1], s.id)).id), 409, 'invitation-closed');
    });
  });
});
