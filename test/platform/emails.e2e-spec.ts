import { randomUUID } from 'node:crypto';
import { eventually } from '@leadpanel/platform/testing';
import { expectProblem } from '../panel/panel-helpers';
import { createTestApp, uniqueEmail, type TestApp, type TestUser } from '../support/test-app';

const API = '/api/v1';

interface EmailItem {
  id: string;
  to: string;
  template: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

describe('E-mail log: GET /emails, POST /emails/:id/retry', () => {
  let t: TestApp;
  let admin: TestUser;
  let researcher: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.staff('admin');
    researcher = await t.staff('researcher');
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string) => ({
    list: (query = '') => t.http().get(`${API}/emails${query}`).set('Authorization', `Bearer ${token}`),
    retry: (id: string) => t.http().post(`${API}/emails/${id}/retry`).set('Authorization', `Bearer ${token}`),
  });
  /** An account e-mail to a new staff user. */
  const mailSomeone = async (): Promise<string> => {
    const email = uniqueEmail('staff');
    const res = await t
      .http()
      .post(`${API}/users`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ email, password: 'a-long-enough-password', role: 'researcher' });
    expect(res.status).toBe(201);
    return email;
  };
  const find = async (to: string, query = ''): Promise<EmailItem | undefined> =>
    ((await as(researcher.token).list(query)).body.items as EmailItem[]).find((e) => e.to === to);

  it('lists a refused e-mail as failed with the relay’s answer; a retry sends it once, a second retry is a 409', async () => {
    t.smtp.refuse(true);
    const to = await mailSomeone();
    const failed = await eventually('the e-mail to fail', async () => {
      const e = await find(to, '?status=failed');
      return e?.status === 'failed' ? e : undefined;
    });
    t.smtp.refuse(false);
    expect(failed).toEqual({
      id: expect.any(String),
      to,
      template: 'account-created',
      locale: 'en',
      status: 'failed',
      attempts: 3,
      lastError: expect.stringMatching(/550|mailbox unavailable/),
      createdAt: expect.any(String),
      sentAt: null,
    });
    expect(await find(to, '?status=sent')).toBeUndefined();
    expect(await find(to, '?status=pending')).toBeUndefined();

    const retried = await as(admin.token).retry(failed.id);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending' });
    await t.smtp.waitFor(to);
    const sent = await eventually('the e-mail to be recorded sent', async () => {
      const e = await find(to, '?status=sent');
      return e?.status === 'sent' ? e : undefined;
    });
    expect(sent).toMatchObject({ id: failed.id, attempts: 4, lastError: null, sentAt: expect.any(String) });
    await new Promise((r) => setTimeout(r, 1000));
    expect(t.smtp.to(to)).toHaveLength(1);

    expectProblem(await as(researcher.token).retry(failed.id), 409, 'email-not-failed');
    expect(t.smtp.to(to)).toHaveLength(1);
  });

  it('answers two simultaneous retries of one failed e-mail with one 202 and one 409, and sends it once', async () => {
    t.smtp.refuse(true);
    const to = await mailSomeone();
    const failed = await eventually('the e-mail to fail', () => find(to, '?status=failed'));
    t.smtp.refuse(false);
    const answers = await Promise.all([as(admin.token).retry(failed.id), as(researcher.token).retry(failed.id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([202, 409]);
    await t.smtp.waitFor(to);
    await eventually('the e-mail to be recorded sent', () => find(to, '?status=sent'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(t.smtp.to(to)).toHaveLength(1);
  });

  it('pages newest first with a cursor, without repeating or skipping', async () => {
    const sent = [await mailSomeone(), await mailSomeone(), await mailSomeone()];
    for (const to of sent) await t.smtp.waitFor(to);
    await eventually('all three sent', async () =>
      (await Promise.all(sent.map((to) => find(to, '?status=sent')))).every(Boolean) ? true : undefined,
    );
    const seen: EmailItem[] = [];
    let cursor: string | null = null;
    do {
      const res = await as(admin.token).list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as EmailItem[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const times = seen.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // the three newest e-mails to staff, newest first
    expect(seen.map((e) => e.to).filter((to) => sent.includes(to))).toEqual([...sent].reverse());
  });

  it('404s an unknown e-mail, 400s a malformed id or status, and is for staff: researcher and admin only', async () => {
    expectProblem(await as(admin.token).retry(randomUUID()), 404, 'email-not-found');
    expectProblem(await as(admin.token).retry('not-an-id'), 400);
    expectProblem(await as(admin.token).list('?status=queued'), 400);
    expectProblem(await as(admin.token).list('?cursor=nope'), 400);
    const brand = await t.staff(
      'brand',
      (
        await t
          .http()
          .post(`${API}/brands`)
          .set('Authorization', `Bearer ${admin.token}`)
          .send({ name: 'B', slug: `b-${randomUUID().slice(0, 8)}` })
      ).body.id,
    );
    expectProblem(await as(brand.token).list(), 403);
    expectProblem(await as(brand.token).retry(randomUUID()), 403);
    expectProblem(await t.http().get(`${API}/emails`), 401);
  });
});
