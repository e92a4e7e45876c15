import { DataSource as DataSourceToken } from 'typeorm';
import { uniqueEmail } from '../support/test-app';
import { API, bearer, createIdentityTestApp, errorFields, expectProblem, type TestApp } from './identity-helpers';

const BASE = 'https://panel.leadpanel.test';

/** Issue #15: password change and reset, must-change-password, user administration. */
describe('Accounts: passwords and user administration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createIdentityTestApp({ PUBLIC_BASE_URL: BASE });
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (token: string) =>
    t
      .http()
      .get(`${API}/auth/me`)
      .set(...bearer(token));
  const change = (token: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`${API}/auth/password`)
      .set(...bearer(token))
      .send(body);
  const requestReset = (email: string) => t.http().post(`${API}/public/password-reset`).send({ email });
  const confirmReset = (token: string, newPassword: string) =>
    t.http().post(`${API}/public/password-reset/confirm`).send({ token, newPassword });
  const resetToken = async (email: string, nth = 1): Promise<string> => {
    const mails = (await t.smtp.waitFor(email, nth)).filter((m) => m.text.includes('/reset?token='));
    const m = new RegExp(`${BASE.replace(/\./g, '\\.')}/reset\\?token=([A-Za-z0-9_-]+)`).exec(mails[mails.length - 1]?.text ?? '');
    if (!m) throw new Error(`no reset link to ${email}`);
    return m[1];
  };

  describe('POST /auth/password', () => {
    it('changes the password (204), ends the other sessions, keeps this one', async () => {
      const u = await t.staff('researcher');
      const other = await t.login(u.email, u.password);
      const res = await change(u.token, { currentPassword: u.password, newPassword: 'a-brand-new-passphrase' });
      expect(res.status).toBe(204);
      expect((await me(u.token)).status).toBe(200);
      expectProblem(await me(other.accessToken), 401);
      expectProblem(await t.http().post(`${API}/auth/refresh`).send({ refreshToken: other.refreshToken }), 401);
      expectProblem(await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password }), 401);
      expect((await t.http().post(`${API}/auth/login`).send({ email: u.email, password: 'a-brand-new-passphrase' })).status).toBe(200);
    });

    it('answers 400 wrong-current-password to a wrong current password, and changes nothing', async () => {
      const u = await t.staff('researcher');
      const res = await change(u.token, { currentPassword: 'not-my-password', newPassword: 'a-brand-new-passphrase' });
      expectProblem(res, 400, 'wrong-current-password');
      expect(errorFields(res)).toEqual(['currentPassword']);
      expect((await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password })).status).toBe(200);
    });

    it.each([
      ['too short', 'short-pw1'],
      ['a common password', 'qwertyuiop'],
      ['a common password in capitals', 'BASKETBALL'],
    ])('refuses a new password %s: 400 on newPassword', async (_what, newPassword) => {
      const u = await t.staff('researcher');
      const res = await change(u.token, { currentPassword: u.password, newPassword });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['newPassword']);
    });

    it('needs a session: 401 without one', async () => {
      expectProblem(await t.http().post(`${API}/auth/password`).send({ currentPassword: 'x', newPassword: 'a-brand-new-passphrase' }), 401);
    });
  });

  describe('mustChangePassword', () => {
    it('is true for staff an admin creates, shown by /auth/me and /users, and cleared by a password change', async () => {
      const admin = await t.staff('admin');
      const email = uniqueEmail('newcomer');
      const created = await t
        .http()
        .post(`${API}/users`)
        .set(...bearer(admin.token))
        .send({ email, password: 'chosen-by-the-admin', role: 'researcher' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ mustChangePassword: true, lastLoginAt: null });
      const session = await t.login(email, 'chosen-by-the-admin');
      expect((await me(session.accessToken)).body).toMatchObject({ email, mustChangePassword: true });
      expect(
        (await change(session.accessToken, { currentPassword: 'chosen-by-the-admin', newPassword: 'my-own-secret-phrase' })).status,
      ).toBe(204);
      expect((await me(session.accessToken)).body.mustChangePassword).toBe(false);
      const listed = await t
        .http()
        .get(`${API}/users?q=${encodeURIComponent(email)}`)
        .set(...bearer(admin.token));
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, mustChangePassword: false, lastLoginAt: expect.any(String) }),
      ]);
    });

    it('refuses a common password when an admin creates staff: 400 on password', async () => {
      const admin = await t.staff('admin');
      const res = await t
        .http()
        .post(`${API}/users`)
        .set(...bearer(admin.token))
        .send({ email: uniqueEmail('weak'), password: '1234567890', role: 'researcher' });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['password']);
    });
  });

  describe('password reset', () => {
    it('e-mails a link; the token sets a new password once (204), ends every session and then is refused (400)', async () => {
      const u = await t.staff('researcher');
      const res = await requestReset(u.email.toUpperCase());
      expect(res.status).toBe(202);
      const token = await resetToken(u.email, 2);
      expect((await confirmReset(token, 'reset-to-this-phrase')).status).toBe(204);
      expectProblem(await me(u.token), 401);
      expectProblem(await t.http().post(`${API}/auth/refresh`).send({ refreshToken: u.refreshToken }), 401);
      expect((await t.http().post(`${API}/auth/login`).send({ email: u.email, password: 'reset-to-this-phrase' })).status).toBe(200);
      expectProblem(await confirmReset(token, 'another-new-phrase'), 400, 'invalid-reset-token');
    });

    it('answers 202 to an unknown address and sends nothing', async () => {
      const email = uniqueEmail('ghost');
      expect((await requestReset(email)).status).toBe(202);
      await new Promise((r) => setTimeout(r, 500));
      expect(t.smtp.to(email)).toHaveLength(0);
    });

    it('a newer link supersedes the older one; an expired token is refused', async () => {
      const u = await t.staff('researcher');
      await requestReset(u.email);
      const first = await resetToken(u.email, 2);
      await requestReset(u.email);
      const second = await resetToken(u.email, 3);
      expectProblem(await confirmReset(first, 'reset-to-this-phrase'), 400, 'invalid-reset-token');
      await t.app
        .get(DataSourceToken)
        .query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [u.id]);
      expectProblem(await confirmReset(second, 'reset-to-this-phrase'), 400, 'invalid-reset-token');
    });

    it('refuses an unknown token and a common new password with 400', async () => {
      expectProblem(await confirmReset('A'.repeat(43), 'reset-to-this-phrase'), 400, 'invalid-reset-token');
      const res = await confirmReset('A'.repeat(43), '1234567890');
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['newPassword']);
    });
  });

  describe('GET /users and PATCH /users/:id', () => {
    it('lists users with filters, admin only', async () => {
      const admin = await t.staff('admin');
      const r = await t.staff('researcher');
      const list = (query: string, token = admin.token) =>
        t
          .http()
          .get(`${API}/users${query}`)
          .set(...bearer(token));
      const byQ = await list(`?q=${encodeURIComponent(r.email)}&role=researcher&status=active`);
      expect(byQ.status).toBe(200);
      expect(byQ.body).toEqual({
        items: [
          {
            id: r.id,
            email: r.email,
            role: 'researcher',
            brandId: null,
            status: 'active',
            mustChangePassword: false,
            lastLoginAt: expect.any(String),
            createdAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
      expect((await list(`?q=${encodeURIComponent(r.email)}&role=admin`)).body.items).toEqual([]);
      const page = await list('?limit=1');
      expect(page.body.items).toHaveLength(1);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      expectProblem(await list('', r.token), 403);
      expectProblem(await list('?status=sleeping'), 400);
    });

    it('disabling ends every session at once and refuses login (401); enabling lets the user in again', async () => {
      const admin = await t.staff('admin');
      const u = await t.staff('researcher');
      const patch = (id: string, status: string, token = admin.token) =>
        t
          .http()
          .patch(`${API}/users/${id}`)
          .set(...bearer(token))
          .send({ status });
      const res = await patch(u.id, 'disabled');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: u.id, status: 'disabled' });
      expectProblem(await me(u.token), 401);
      expectProblem(await t.http().post(`${API}/auth/refresh`).send({ refreshToken: u.refreshToken }), 401);
      expectProblem(await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password }), 401);
      expect((await patch(u.id, 'active')).body.status).toBe('active');
      const again = await t.login(u.email, u.password);
      expectProblem(await patch(admin.id, 'disabled'), 409, 'cannot-disable-self');
      expectProblem(await patch(u.id, 'erased'), 400);
      expectProblem(await patch('00000000-0000-4000-8000-000000000000', 'disabled'), 404);
      expectProblem(await patch(u.id, 'disabled', again.accessToken), 403);
    });
  });
});

describe('Accounts: the public forms are rate-limited (LOGIN_RATE_LIMIT_PER_MINUTE=2, PUBLIC_FORM_RATE_LIMIT_PER_MINUTE=4)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createIdentityTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '2', PUBLIC_FORM_RATE_LIMIT_PER_MINUTE: '4' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits password-reset requests per address and e-mail (429 problem), and per client address whatever the e-mail', async () => {
    const email = uniqueEmail('reset');
    for (let i = 0; i < 2; i++) expect((await t.http().post(`${API}/public/password-reset`).send({ email })).status).toBe(202);
    expectProblem(await t.http().post(`${API}/public/password-reset`).send({ email }), 429, 'rate-limited');
    // the client has made 3 requests (the refused one too): one more address reaches its limit of 4
    expect(
      (
        await t
          .http()
          .post(`${API}/public/password-reset`)
          .send({ email: uniqueEmail('reset') })
      ).status,
    ).toBe(202);
    expectProblem(
      await t
        .http()
        .post(`${API}/public/password-reset`)
        .send({ email: uniqueEmail('reset') }),
      429,
      'rate-limited',
    );
  });

  it('limits confirmation re-sends per client address', async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await t
            .http()
            .post(`${API}/public/resend-confirmation`)
            .send({ email: uniqueEmail('again') })
        ).status,
      ).toBe(202);
    }
    expectProblem(
      await t
        .http()
        .post(`${API}/public/resend-confirmation`)
        .send({ email: uniqueEmail('again') }),
      429,
      'rate-limited',
    );
  });
});
