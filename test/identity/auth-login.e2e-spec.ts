import { uniqueEmail } from '../support/test-app';
import { API, bearer, createIdentityTestApp, errorFields, expectProblem, type TestApp } from './identity-helpers';

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

describe('POST /auth/login', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createIdentityTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 200 with an access token, a refresh token and the user', async () => {
    const u = await t.staff('researcher');
    const res = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ accessToken: expect.stringMatching(JWT), refreshToken: expect.any(String) });
    expect(res.body.refreshToken.length).toBeGreaterThanOrEqual(32);
    expect(res.body.user).toEqual({ id: u.id, email: u.email, role: 'researcher' });
    const me = await t
      .http()
      .get(`${API}/auth/me`)
      .set(...bearer(res.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: u.id, email: u.email, role: 'researcher' });
  });

  it('gives every login its own tokens', async () => {
    const u = await t.staff('admin');
    const a = await t.login(u.email, u.password);
    const b = await t.login(u.email, u.password);
    expect(a.accessToken).not.toBe(b.accessToken);
    expect(a.refreshToken).not.toBe(b.refreshToken);
  });

  it('compares the e-mail case-insensitively', async () => {
    const u = await t.staff('researcher');
    const res = await t.http().post(`${API}/auth/login`).send({ email: u.email.toUpperCase(), password: u.password });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: u.id, email: u.email, role: 'researcher' });
  });

  it('refuses a wrong password and an unknown e-mail alike: 401 with the same problem', async () => {
    const u = await t.staff('researcher');
    const wrong = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ email: u.email, password: `${u.password}x` });
    const unknown = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ email: uniqueEmail('nobody'), password: u.password });
    expectProblem(wrong, 401);
    expectProblem(unknown, 401);
    expect(wrong.body.type).toBe(unknown.body.type);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.title).toBe(unknown.body.title);
    expect(wrong.body).not.toHaveProperty('accessToken');
    expect(unknown.body).not.toHaveProperty('accessToken');
  });

  it('is case-sensitive about the password', async () => {
    const u = await t.staff('researcher');
    const res = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password.toUpperCase() });
    expectProblem(res, 401);
  });

  it('answers 400 listing each missing field', async () => {
    const none = await t.http().post(`${API}/auth/login`).send({});
    expectProblem(none, 400);
    expect(errorFields(none)).toEqual(expect.arrayContaining(['email', 'password']));

    const noBody = await t.http().post(`${API}/auth/login`);
    expectProblem(noBody, 400);
    expect(errorFields(noBody)).toEqual(expect.arrayContaining(['email', 'password']));

    const noPassword = await t.http().post(`${API}/auth/login`).send({ email: uniqueEmail() });
    expectProblem(noPassword, 400);
    expect(errorFields(noPassword)).toEqual(['password']);

    const noEmail = await t.http().post(`${API}/auth/login`).send({ password: 'long-enough-password' });
    expectProblem(noEmail, 400);
    expect(errorFields(noEmail)).toEqual(['email']);
  });

  it('answers 400 for fields of the wrong type and unknown fields', async () => {
    const res = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ email: ['a@b.c'], password: 1234567890 });
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(expect.arrayContaining(['email', 'password']));

    const u = await t.staff('researcher');
    const extra = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password, role: 'admin' });
    expectProblem(extra, 400);
    expect(errorFields(extra)).toEqual(['role']);
  });

  it('answers 400, not 500, for a body that is not an object', async () => {
    const res = await t
      .http()
      .post(`${API}/auth/login`)
      .send([{ email: 'a@b.c', password: 'x' }]);
    expectProblem(res, 400);
  });

  it(`rate-limits attempts per e-mail at the configured number a minute (default 10)`, async () => {
    expect(t.config.auth.loginRateLimitPerMinute).toBe(Number(process.env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 10));
    const limit = t.config.auth.loginRateLimitPerMinute;
    const u = await t.staff('researcher');
    // t.staff logged in once already
    for (let i = 1; i < limit; i++) {
      const res = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: 'wrong-password-0' });
      expectProblem(res, 401);
    }
    const over = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password });
    expectProblem(over, 429);
    expect(over.body).not.toHaveProperty('accessToken');
  });
});

describe('POST /auth/login rate limit (LOGIN_RATE_LIMIT_PER_MINUTE=3)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createIdentityTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads the limit from the environment', () => {
    expect(t.config.auth.loginRateLimitPerMinute).toBe(3);
  });

  it('answers 429 problem+json to the attempt after the limit, even with the right password', async () => {
    const u = await t.staff('researcher'); // attempt 1 (a success)
    const second = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: 'wrong-password-0' });
    expectProblem(second, 401);
    const third = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password });
    expect(third.status).toBe(200);
    const fourth = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password });
    expectProblem(fourth, 429, 'rate-limited');
    expect(fourth.body).not.toHaveProperty('accessToken');
    const fifth = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: 'wrong-password-0' });
    expectProblem(fifth, 429, 'rate-limited');
  });

  it('counts unknown e-mails too, so guessing is limited', async () => {
    const email = uniqueEmail('ghost');
    for (let i = 0; i < 3; i++) {
      expectProblem(await t.http().post(`${API}/auth/login`).send({ email, password: 'wrong-password-0' }), 401);
    }
    expectProblem(await t.http().post(`${API}/auth/login`).send({ email, password: 'wrong-password-0' }), 429, 'rate-limited');
  });

  it('counts one e-mail whatever its case', async () => {
    const u = await t.staff('researcher'); // attempt 1
    expectProblem(await t.http().post(`${API}/auth/login`).send({ email: u.email.toUpperCase(), password: 'wrong-password-0' }), 401);
    expectProblem(
      await t
        .http()
        .post(`${API}/auth/login`)
        .send({ email: ` ${u.email} `, password: 'wrong-password-0' }),
      401,
    );
    const res = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password });
    expectProblem(res, 429, 'rate-limited');
  });

  it('limits per e-mail: another account logs in while one is locked', async () => {
    const locked = await t.staff('researcher');
    for (let i = 0; i < 2; i++) {
      expectProblem(await t.http().post(`${API}/auth/login`).send({ email: locked.email, password: 'wrong-password-0' }), 401);
    }
    expectProblem(await t.http().post(`${API}/auth/login`).send({ email: locked.email, password: locked.password }), 429);
    const other = await t.staff('researcher');
    const res = await t.http().post(`${API}/auth/login`).send({ email: other.email, password: other.password });
    expect(res.status).toBe(200);
  });

  it('does not limit other routes of a locked account', async () => {
    const u = await t.staff('researcher');
    for (let i = 0; i < 3; i++) await t.http().post(`${API}/auth/login`).send({ email: u.email, password: 'wrong-password-0' });
    expectProblem(await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password }), 429);
    const me = await t
      .http()
      .get(`${API}/auth/me`)
      .set(...bearer(u.token));
    expect(me.status).toBe(200);
    const refreshed = await t.http().post(`${API}/auth/refresh`).send({ refreshToken: u.refreshToken });
    expect(refreshed.status).toBe(200);
  });
});
