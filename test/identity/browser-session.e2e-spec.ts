import jwt from 'jsonwebtoken';
import type { Response } from 'supertest';
import { DataSource as DataSourceToken } from 'typeorm';
import { API, bearer, createIdentityTestApp, expectProblem, type TestApp } from './identity-helpers';

const BASE = 'https://panel.leadpanel.test';
const STUDIO = 'https://studio.leadpanel.test';
const SESSION = `${API}/auth/session`;
const CLIENT: [string, string] = ['X-Leadpanel-Client', 'web'];

interface SetCookie {
  name: string;
  value: string;
  /** attribute names lower-cased; a flag is `true` */
  attrs: Record<string, string | true>;
}

/** The Set-Cookie lines of a response, parsed by hand (RFC 6265 §5.2). */
function setCookies(res: Response): SetCookie[] {
  const raw = res.headers['set-cookie'] as unknown;
  const lines = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return lines.map((line) => {
    const [pair, ...parts] = line.split(';');
    const eq = pair.indexOf('=');
    const attrs: Record<string, string | true> = {};
    for (const part of parts) {
      const i = part.indexOf('=');
      if (i < 0) attrs[part.trim().toLowerCase()] = true;
      else attrs[part.slice(0, i).trim().toLowerCase()] = part.slice(i + 1).trim();
    }
    return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attrs };
  });
}

/** The one session cookie a response sets. */
function sessionCookie(res: Response, name: string): SetCookie {
  const cookies = setCookies(res).filter((c) => c.name === name);
  if (cookies.length !== 1) throw new Error(`expected one ${name} cookie, got ${JSON.stringify(res.headers['set-cookie'])}`);
  return cookies[0];
}

/** A cookie the browser drops at once: empty, Max-Age=0 and an Expires in the past, on the same path. */
function expectCleared(res: Response, name: string): void {
  const c = sessionCookie(res, name);
  expect(c.value).toBe('');
  expect(c.attrs['max-age']).toBe('0');
  expect(new Date(String(c.attrs.expires)).getTime()).toBeLessThan(Date.now());
  expect(c.attrs.path).toBe('/api/v1/auth/session');
  expect(c.attrs.httponly).toBe(true);
}

describe('Browser sessions: the refresh token in an HttpOnly cookie, CSRF-checked', () => {
  let t: TestApp;
  const NAME = '__Secure-lp_session';

  beforeAll(async () => {
    t = await createIdentityTestApp({ PUBLIC_BASE_URL: BASE, CORS_ORIGINS: STUDIO });
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (token: string) =>
    t
      .http()
      .get(`${API}/auth/me`)
      .set(...bearer(token));
  const signIn = (email: string, password: string) =>
    t
      .http()
      .post(SESSION)
      .set(...CLIENT)
      .send({ email, password });
  const refresh = (cookie?: string) => {
    const req = t
      .http()
      .post(`${SESSION}/refresh`)
      .set(...CLIENT);
    return cookie === undefined ? req : req.set('Cookie', `${NAME}=${cookie}`);
  };
  const signOut = (cookie?: string) => {
    const req = t
      .http()
      .delete(SESSION)
      .set(...CLIENT);
    return cookie === undefined ? req : req.set('Cookie', `${NAME}=${cookie}`);
  };
  /** A staff user signed in through the browser route: its access token and cookie value. */
  const browserUser = async () => {
    const u = await t.staff('researcher');
    const res = await signIn(u.email, u.password);
    if (res.status !== 200) throw new Error(`POST /auth/session: ${res.status} ${res.text}`);
    return { ...u, access: res.body.accessToken as string, cookie: sessionCookie(res, NAME).value };
  };

  describe('POST /auth/session', () => {
    it('answers the login body without the refresh token, and sets it as an HttpOnly, SameSite=Strict, Secure cookie scoped to the session routes', async () => {
      const u = await t.staff('researcher');
      const res = await signIn(u.email, u.password);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType', 'user']);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: t.config.auth.accessTokenTtlSeconds });
      expect(res.body.user).toEqual({ id: u.id, email: u.email, role: 'researcher' });
      expect(res.text).not.toMatch(/refresh/i);

      const c = sessionCookie(res, NAME);
      expect(c.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(c.attrs.httponly).toBe(true);
      expect(c.attrs.secure).toBe(true);
      expect(String(c.attrs.samesite).toLowerCase()).toBe('strict');
      expect(c.attrs.path).toBe('/api/v1/auth/session');
      expect(c.attrs['max-age']).toBe(String(t.config.auth.refreshTokenTtlDays * 86_400));
      expect(c.attrs.domain).toBeUndefined();
      expect((await me(res.body.accessToken)).status).toBe(200);
    });

    it('keeps the login rules: a wrong password is 401, an unconfirmed e-mail 403 email-not-confirmed, and neither sets a cookie', async () => {
      const u = await t.staff('researcher');
      const wrong = await signIn(u.email, 'not-the-password');
      expectProblem(wrong, 401, 'invalid-credentials');
      expect(setCookies(wrong)).toEqual([]);

      await t.app.get(DataSourceToken).query(`UPDATE users SET email_confirmed_at = NULL WHERE id = $1`, [u.id]);
      const unconfirmed = await signIn(u.email, u.password);
      expectProblem(unconfirmed, 403, 'email-not-confirmed');
      expect(setCookies(unconfirmed)).toEqual([]);
    });

    it('leaves the bearer login as it was: /auth/login still answers the refresh token in the body and sets no cookie', async () => {
      const u = await t.staff('researcher');
      const res = await t.http().post(`${API}/auth/login`).send({ email: u.email, password: u.password });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer' });
      expect(setCookies(res)).toEqual([]);
    });
  });

  describe('POST /auth/session/refresh', () => {
    it('rotates: 200 with a new access token and a new cookie value; the new value works once more', async () => {
      const u = await browserUser();
      const r1 = await refresh(u.cookie);
      expect(r1.status).toBe(200);
      expect(Object.keys(r1.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType', 'user']);
      expect(r1.body.user).toEqual({ id: u.id, email: u.email, role: 'researcher' });
      const c1 = sessionCookie(r1, NAME);
      expect(c1.value).not.toBe(u.cookie);
      expect(c1.attrs).toMatchObject({ httponly: true, secure: true, path: '/api/v1/auth/session' });
      expect((await me(r1.body.accessToken)).status).toBe(200);

      const r2 = await refresh(c1.value);
      expect(r2.status).toBe(200);
      expect(sessionCookie(r2, NAME).value).not.toBe(c1.value);
    });

    it('takes the old cookie value presented again as theft: 401, cookie cleared, and the newest value and access tokens are dead too', async () => {
      const u = await browserUser();
      const r1 = await refresh(u.cookie);
      expect(r1.status).toBe(200);
      const newest = sessionCookie(r1, NAME).value;

      const reused = await refresh(u.cookie);
      expectProblem(reused, 401, 'refresh-token-reused');
      expectCleared(reused, NAME);
      expect(reused.body).not.toHaveProperty('accessToken');

      expectProblem(await refresh(newest), 401);
      expectProblem(await me(r1.body.accessToken), 401);
      expectProblem(await me(u.access), 401);
    });

    it('answers a missing, unknown or malformed cookie with 401 and clears it', async () => {
      for (const cookie of [undefined, 'A'.repeat(43), 'not a token;', '']) {
        const res = await refresh(cookie);
        expectProblem(res, 401);
        expectCleared(res, NAME);
      }
    });

    it('reads only its own cookie name: a refresh token under another name is not a session', async () => {
      const u = await browserUser();
      const res = await t
        .http()
        .post(`${SESSION}/refresh`)
        .set(...CLIENT)
        .set('Cookie', `lp_session=${u.cookie}; other=1`);
      expectProblem(res, 401);
      // and it was not spent: under its name, among other cookies, it still works
      const ok = await t
        .http()
        .post(`${SESSION}/refresh`)
        .set(...CLIENT)
        .set('Cookie', `theme=dark; ${NAME}=${u.cookie}; lang=fr`);
      expect(ok.status).toBe(200);
    });
  });

  describe('CSRF', () => {
    it('refuses each cookie route without the X-Leadpanel-Client: web header (403 csrf-check-failed), and spends nothing', async () => {
      const u = await browserUser();
      const calls = [
        t.http().post(SESSION).send({ email: u.email, password: u.password }),
        t.http().post(`${SESSION}/refresh`).set('Cookie', `${NAME}=${u.cookie}`),
        t.http().delete(SESSION).set('Cookie', `${NAME}=${u.cookie}`),
        t.http().post(`${SESSION}/refresh`).set('Cookie', `${NAME}=${u.cookie}`).set('X-Leadpanel-Client', 'mobile'),
      ];
      for (const call of calls) {
        const res = await call;
        expectProblem(res, 403, 'csrf-check-failed');
        expect(setCookies(res)).toEqual([]);
      }
      // the session is untouched: the cookie was neither rotated nor revoked
      expect((await me(u.access)).status).toBe(200);
      expect((await refresh(u.cookie)).status).toBe(200);
    });

    it('refuses a foreign or opaque Origin (403 csrf-check-failed) even with the header, and spends nothing', async () => {
      const u = await browserUser();
      for (const origin of ['https://evil.example', 'null', 'https://panel.leadpanel.test.evil.example', 'http://panel.leadpanel.test']) {
        for (const call of [
          t
            .http()
            .post(SESSION)
            .set(...CLIENT)
            .set('Origin', origin)
            .send({ email: u.email, password: u.password }),
          t
            .http()
            .post(`${SESSION}/refresh`)
            .set(...CLIENT)
            .set('Origin', origin)
            .set('Cookie', `${NAME}=${u.cookie}`),
          t
            .http()
            .delete(SESSION)
            .set(...CLIENT)
            .set('Origin', origin)
            .set('Cookie', `${NAME}=${u.cookie}`),
        ]) {
          const res = await call;
          expectProblem(res, 403, 'csrf-check-failed');
          expect(setCookies(res)).toEqual([]);
        }
      }
      expect((await me(u.access)).status).toBe(200);
      expect((await refresh(u.cookie)).status).toBe(200);
    });

    it('accepts the origin of PUBLIC_BASE_URL and of CORS_ORIGINS', async () => {
      const u = await t.staff('researcher');
      const signedIn = await t
        .http()
        .post(SESSION)
        .set(...CLIENT)
        .set('Origin', BASE)
        .send({ email: u.email, password: u.password });
      expect(signedIn.status).toBe(200);
      const r1 = await t
        .http()
        .post(`${SESSION}/refresh`)
        .set(...CLIENT)
        .set('Origin', BASE)
        .set('Cookie', `${NAME}=${sessionCookie(signedIn, NAME).value}`);
      expect(r1.status).toBe(200);
      const r2 = await t
        .http()
        .post(`${SESSION}/refresh`)
        .set(...CLIENT)
        .set('Origin', STUDIO)
        .set('Cookie', `${NAME}=${sessionCookie(r1, NAME).value}`);
      expect(r2.status).toBe(200);
      const out = await t
        .http()
        .delete(SESSION)
        .set(...CLIENT)
        .set('Origin', BASE)
        .set('Cookie', `${NAME}=${sessionCookie(r2, NAME).value}`);
      expect(out.status).toBe(204);
    });

    it('lets no other origin past the CORS preflight for the header, and never allows credentials', async () => {
      const preflight = (origin: string) =>
        t
          .http()
          .options(`${SESSION}/refresh`)
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'x-leadpanel-client');
      const evil = await preflight('https://evil.example');
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
      const studio = await preflight(STUDIO);
      expect(studio.headers['access-control-allow-origin']).toBe(STUDIO);
      expect(studio.headers['access-control-allow-credentials']).toBeUndefined();
    });
  });

  describe('DELETE /auth/session', () => {
    it('signs out by the cookie alone: 204, cookie cleared, the session revoked (its access token 401, the cookie 401)', async () => {
      const u = await browserUser();
      const other = await t.login(u.email, u.password); // another login of the same user lives on
      const res = await signOut(u.cookie);
      expect(res.status).toBe(204);
      expectCleared(res, NAME);
      expectProblem(await me(u.access), 401);
      const again = await refresh(u.cookie);
      expectProblem(again, 401);
      expectCleared(again, NAME);
      expect((await me(other.accessToken)).status).toBe(200);
    });

    it('needs no live access token: an expired one is no obstacle, the cookie ends the session (204)', async () => {
      const u = await browserUser();
      const claims = jwt.decode(u.access) as { sub: string; sid: string; role: string };
      const expired = jwt.sign({ sub: claims.sub, sid: claims.sid, role: claims.role }, t.config.auth.jwtSecret, {
        algorithm: 'HS256',
        expiresIn: -60,
      });
      expectProblem(await me(expired), 401);
      const res = await signOut(u.cookie).set(...bearer(expired));
      expect(res.status).toBe(204);
      expectCleared(res, NAME);
      expectProblem(await refresh(u.cookie), 401);
      expectProblem(await me(u.access), 401);
    });

    it('answers 204 and clears the cookie when there is no session to end (no cookie, an unknown one)', async () => {
      const none = await signOut();
      expect(none.status).toBe(204);
      expectCleared(none, NAME);
      const unknown = await signOut('A'.repeat(43));
      expect(unknown.status).toBe(204);
      expectCleared(unknown, NAME);
    });
  });

  describe('sessions ended elsewhere', () => {
    it('a password change from another login ends the cookie session: refresh 401 and cleared', async () => {
      const u = await browserUser();
      const other = await t.login(u.email, u.password);
      const changed = await t
        .http()
        .post(`${API}/auth/password`)
        .set(...bearer(other.accessToken))
        .send({ currentPassword: u.password, newPassword: 'a-brand-new-passphrase' });
      expect(changed.status).toBe(204);
      const res = await refresh(u.cookie);
      expectProblem(res, 401);
      expectCleared(res, NAME);
      expectProblem(await me(u.access), 401);
    });

    it('a password change through the cookie session keeps that session (as for bearer clients)', async () => {
      const u = await browserUser();
      const changed = await t
        .http()
        .post(`${API}/auth/password`)
        .set(...bearer(u.access))
        .send({ currentPassword: u.password, newPassword: 'a-brand-new-passphrase' });
      expect(changed.status).toBe(204);
      expect((await refresh(u.cookie)).status).toBe(200);
    });

    it('disabling the account ends the cookie session', async () => {
      const u = await browserUser();
      const admin = await t.staff('admin');
      const disabled = await t
        .http()
        .patch(`${API}/users/${u.id}`)
        .set(...bearer(admin.token))
        .send({ status: 'disabled' });
      expect(disabled.status).toBe(200);
      expectProblem(await refresh(u.cookie), 401);
    });
  });
});

describe('Browser sessions over plain http (PUBLIC_BASE_URL http://…)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createIdentityTestApp({ PUBLIC_BASE_URL: 'http://localhost:3000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('names the cookie lp_session, without Secure (no __Secure- prefix without it); refresh reads that name', async () => {
    const u = await t.staff('researcher');
    const res = await t
      .http()
      .post(SESSION)
      .set(...CLIENT)
      .set('Origin', 'http://localhost:3000')
      .send({ email: u.email, password: u.password });
    expect(res.status).toBe(200);
    const c = sessionCookie(res, 'lp_session');
    expect(c.attrs.secure).toBeUndefined();
    expect(c.attrs).toMatchObject({ httponly: true, path: '/api/v1/auth/session' });
    expect(String(c.attrs.samesite).toLowerCase()).toBe('strict');
    expect(setCookies(res).map((x) => x.name)).toEqual(['lp_session']);
    const r = await t
      .http()
      .post(`${SESSION}/refresh`)
      .set(...CLIENT)
      .set('Cookie', `lp_session=${c.value}`);
    expect(r.status).toBe(200);
    expect(sessionCookie(r, 'lp_session').value).not.toBe(c.value);
  });
});
