import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import {
  API,
  bearer,
  createCampaign,
  confirmationMail,
  createPanelTestApp,
  expectProblem,
  joinPanel,
  type Campaign,
  type TestApp,
} from '../panel/panel-helpers';
import { erase } from '../support/data-rights';

/**
 * Token lifetimes as issued by the server, and erasure ending every login. Signature, `alg`,
 * tampering, logout and refresh-token reuse are proven in test/identity/auth-tokens.e2e-spec.ts.
 *
 * Token expiry is read from Date.now (jsonwebtoken, the refresh-token check): tests that
 * let time pass move that clock forward and put it back afterwards.
 */
describe('Security: token lifetimes and erasure', () => {
  let t: TestApp;
  let campaign: Campaign;

  beforeAll(async () => {
    t = await createPanelTestApp();
    const researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const me = (token: string) =>
    t
      .http()
      .get(`${API}/auth/me`)
      .set(...bearer(token));
  const refresh = (refreshToken: string) => t.http().post(`${API}/auth/refresh`).send({ refreshToken });
  function later(ms: number): void {
    const realNow = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + ms);
  }

  it('issues access tokens that carry ids and the role only (no e-mail or name), lasting ACCESS_TOKEN_TTL_SECONDS', async () => {
    const u = await t.staff('researcher');
    const claims = jwt.decode(u.token, { complete: true }) as unknown as {
      header: Record<string, unknown>;
      payload: Record<string, unknown>;
    };
    expect(claims.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(Object.keys(claims.payload).sort()).toEqual(['exp', 'iat', 'role', 'sid', 'sub']);
    expect(Number(claims.payload.exp) - Number(claims.payload.iat)).toBe(t.config.auth.accessTokenTtlSeconds);
    expect(JSON.stringify(claims.payload)).not.toContain(u.email);
  });

  it('refuses an access token the server issued once its lifetime has passed; the refresh token still renews the login', async () => {
    const u = await t.staff('researcher');
    const ttlMs = t.config.auth.accessTokenTtlSeconds * 1000;
    later(ttlMs - 5_000);
    expect((await me(u.token)).status).toBe(200);
    jest.restoreAllMocks();

    later(ttlMs + 1_000);
    expectProblem(await me(u.token), 401);
    const renewed = await refresh(u.refreshToken);
    expect(renewed.status).toBe(200);
    expect((await me(renewed.body.accessToken)).status).toBe(200);
  });

  it('refuses a refresh token older than REFRESH_TOKEN_TTL_DAYS, with 401 problem+json', async () => {
    const days = t.config.auth.refreshTokenTtlDays;
    const fresh = await t.staff('researcher');
    const stale = await t.staff('researcher');
    later((days - 1) * 86_400_000);
    expect((await refresh(fresh.refreshToken)).status).toBe(200);
    jest.restoreAllMocks();

    later(days * 86_400_000 + 60_000);
    const res = await refresh(stale.refreshToken);
    expectProblem(res, 401);
    expect(res.body).not.toHaveProperty('accessToken');
  });

  it('keeps no secret a database dump could replay: passwords as argon2id, refresh and confirmation tokens as SHA-256 only', async () => {
    const p = await joinPanel(t, campaign.slug);
    const ds = t.app.get(DataSource);
    const [user] = (await ds.query(`SELECT password_hash FROM users WHERE id = $1`, [p.id])) as Array<{ password_hash: string }>;
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.password_hash).not.toContain(p.password);

    const sha256 = createHash('sha256').update(p.refreshToken).digest('hex');
    const tokens = (await ds.query(
      `SELECT r.token_hash FROM refresh_tokens r JOIN auth_sessions s ON s.id = r.session_id WHERE s.user_id = $1`,
      [p.id],
    )) as Array<{ token_hash: string }>;
    expect(tokens.map((r) => r.token_hash)).toContain(sha256);
    const dump = JSON.stringify(await ds.query(`SELECT * FROM refresh_tokens`));
    expect(dump).not.toContain(p.refreshToken);

    const { token: confirmToken } = await confirmationMail(t, p.email);
    const confirmations = JSON.stringify(await ds.query(`SELECT * FROM email_confirmations`));
    expect(confirmations).not.toContain(confirmToken);
    expect(confirmations).toContain(createHash('sha256').update(confirmToken).digest('hex'));
  });

  it('erasure (DELETE /me) ends every login of the panellist, not only the one that asked: access and refresh tokens get 401', async () => {
    const p = await joinPanel(t, campaign.slug);
    const phone = await t.login(p.email, p.password); // a second login, e.g. on another device
    const laptopRefreshed = await refresh(p.refreshToken);
    expect(laptopRefreshed.status).toBe(200);

    expect((await erase(t, laptopRefreshed.body.accessToken)).status).toBe(204);

    expectProblem(await me(phone.accessToken), 401);
    expectProblem(await me(p.token), 401);
    expectProblem(await me(laptopRefreshed.body.accessToken), 401);
    expectProblem(await refresh(phone.refreshToken), 401);
    expectProblem(await refresh(laptopRefreshed.body.refreshToken), 401);
    // a token signed with the real secret for the erased user and a live-looking session is refused too
    const claims = jwt.decode(phone.accessToken) as { sub: string; sid: string; role: string };
    const forged = jwt.sign({ sub: claims.sub, sid: claims.sid, role: claims.role }, t.config.auth.jwtSecret, {
      algorithm: 'HS256',
      expiresIn: 600,
    });
    expectProblem(await me(forged), 401);
    expectProblem(
      await t
        .http()
        .get(`${API}/me/export`)
        .set(...bearer(phone.accessToken)),
      401,
    );
  });
});
