import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { API, bearer, createIdentityTestApp, errorFields, expectProblem, uniqueSlug, type TestApp } from './identity-helpers';

interface Pair {
  accessToken: string;
  refreshToken: string;
}

interface Claims {
  sub: string;
  sid: string;
  role: string;
  iat: number;
  exp: number;
}

const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('auth tokens: refresh, logout, me, JWT checks', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createIdentityTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (token: string) =>
    t
      .http()
      .get(`${API}/auth/me`)
      .set(...bearer(token));
  const refresh = (refreshToken: string) => t.http().post(`${API}/auth/refresh`).send({ refreshToken });
  const logout = (p: Pair) =>
    t
      .http()
      .post(`${API}/auth/logout`)
      .set(...bearer(p.accessToken))
      .send({ refreshToken: p.refreshToken });

  describe('POST /auth/refresh', () => {
    it('rotates: 200 with a new pair of the login shape; the new tokens work', async () => {
      const u = await t.staff('researcher');
      const res = await refresh(u.refreshToken);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
      expect(res.body.user).toEqual({ id: u.id, email: u.email, role: 'researcher' });
      expect(res.body.refreshToken).not.toBe(u.refreshToken);
      expect((await me(res.body.accessToken)).status).toBe(200);
      const again = await refresh(res.body.refreshToken);
      expect(again.status).toBe(200);
      expect(again.body.refreshToken).not.toBe(res.body.refreshToken);
      expect((await me(again.body.accessToken)).status).toBe(200);
    });

    it('keeps the login: the access token of the same login still works after a rotation', async () => {
      const u = await t.staff('researcher');
      expect((await refresh(u.refreshToken)).status).toBe(200);
      expect((await me(u.token)).status).toBe(200);
    });

    it('takes a reused token as theft: 401, and the whole family is revoked', async () => {
      const u = await t.staff('researcher');
      const other = await t.login(u.email, u.password); // another login of the same user
      const r1 = await refresh(u.refreshToken);
      expect(r1.status).toBe(200);
      const r2 = await refresh(r1.body.refreshToken);
      expect(r2.status).toBe(200);

      const reused = await refresh(u.refreshToken);
      expectProblem(reused, 401);
      expect(reused.body).not.toHaveProperty('accessToken');

      // every access token of that login
      expectProblem(await me(u.token), 401);
      expectProblem(await me(r1.body.accessToken), 401);
      expectProblem(await me(r2.body.accessToken), 401);
      // and the newest refresh token of the family
      expectProblem(await refresh(r2.body.refreshToken), 401);

      // the other login is untouched
      expect((await me(other.accessToken)).status).toBe(200);
      const otherRefreshed = await refresh(other.refreshToken);
      expect(otherRefreshed.status).toBe(200);
      expect((await me(otherRefreshed.body.accessToken)).status).toBe(200);
    });

    it('lets a rotated token work only once: its second use revokes the family', async () => {
      const u = await t.staff('admin');
      const r1 = await refresh(u.refreshToken);
      expect(r1.status).toBe(200);
      expect((await refresh(r1.body.refreshToken)).status).toBe(200);
      expectProblem(await refresh(r1.body.refreshToken), 401);
      expectProblem(await me(r1.body.accessToken), 401);
    });

    it('lets only one of two concurrent uses of a token succeed', async () => {
      const u = await t.staff('researcher');
      const results = await Promise.all([refresh(u.refreshToken), refresh(u.refreshToken)]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 401]);
    });

    it('answers 401 problem+json to a garbage token', async () => {
      expectProblem(await refresh('not-a-refresh-token'), 401);
      expectProblem(await refresh('x'.repeat(200)), 401);
      expectProblem(await refresh("' OR 1=1 --"), 401);
    });

    it('answers 401 to an access token presented as a refresh token', async () => {
      const u = await t.staff('researcher');
      expect(u.token.length).toBeGreaterThan(200);
      const res = await refresh(u.token.slice(0, 200));
      expectProblem(res, 401);
    });

    it('answers 400 listing the field when refreshToken is missing or not a string', async () => {
      const missing = await t.http().post(`${API}/auth/refresh`).send({});
      expectProblem(missing, 400);
      expect(errorFields(missing)).toEqual(['refreshToken']);
      const wrongType = await t.http().post(`${API}/auth/refresh`).send({ refreshToken: 42 });
      expectProblem(wrongType, 400);
      expect(errorFields(wrongType)).toEqual(['refreshToken']);
      const extra = await t.http().post(`${API}/auth/refresh`).send({ refreshToken: 'abc', userId: randomUUID() });
      expectProblem(extra, 400);
      expect(errorFields(extra)).toEqual(['userId']);
    });

    it('is public: needs no access token, and ignores a bad one', async () => {
      const u = await t.staff('researcher');
      const res = await t
        .http()
        .post(`${API}/auth/refresh`)
        .set(...bearer('garbage'))
        .send({ refreshToken: u.refreshToken });
      expect(res.status).toBe(200);
    });
  });

  describe('POST /auth/logout', () => {
    it('answers 204; afterwards the access token and the refresh token get 401', async () => {
      const u = await t.staff('researcher');
      const res = await logout({ accessToken: u.token, refreshToken: u.refreshToken });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectProblem(await me(u.token), 401);
      expectProblem(await refresh(u.refreshToken), 401);
    });

    it('ends the whole login: tokens rotated from it stop working too', async () => {
      const u = await t.staff('researcher');
      const r1 = await refresh(u.refreshToken);
      expect(r1.status).toBe(200);
      expect((await logout({ accessToken: r1.body.accessToken, refreshToken: r1.body.refreshToken })).status).toBe(204);
      expectProblem(await me(u.token), 401);
      expectProblem(await me(r1.body.accessToken), 401);
      expectProblem(await refresh(r1.body.refreshToken), 401);
    });

    it('leaves another login of the same user alone', async () => {
      const u = await t.staff('researcher');
      const other = await t.login(u.email, u.password);
      expect((await logout({ accessToken: u.token, refreshToken: u.refreshToken })).status).toBe(204);
      expect((await me(other.accessToken)).status).toBe(200);
      expect((await refresh(other.refreshToken)).status).toBe(200);
    });

    it("does not end another user's login whose refresh token it is given", async () => {
      const a = await t.staff('researcher');
      const b = await t.staff('researcher');
      expect((await logout({ accessToken: a.token, refreshToken: b.refreshToken })).status).toBe(204);
      expectProblem(await me(a.token), 401);
      expect((await me(b.token)).status).toBe(200);
      expect((await refresh(b.refreshToken)).status).toBe(200);
    });

    it('answers 401 problem+json without a token, and changes nothing', async () => {
      const u = await t.staff('researcher');
      const res = await t.http().post(`${API}/auth/logout`).send({ refreshToken: u.refreshToken });
      expectProblem(res, 401);
      expect((await me(u.token)).status).toBe(200);
      expect((await refresh(u.refreshToken)).status).toBe(200);
    });

    it('answers 401 to a second logout with the same access token', async () => {
      const u = await t.staff('admin');
      expect((await logout({ accessToken: u.token, refreshToken: u.refreshToken })).status).toBe(204);
      expectProblem(await logout({ accessToken: u.token, refreshToken: u.refreshToken }), 401);
    });

    it('answers 400 listing refreshToken when the body lacks it', async () => {
      const u = await t.staff('researcher');
      const res = await t
        .http()
        .post(`${API}/auth/logout`)
        .set(...bearer(u.token))
        .send({});
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['refreshToken']);
    });
  });

  describe('GET /auth/me', () => {
    it('answers the user: id, e-mail, role; no brandId or panellistId for staff', async () => {
      for (const role of ['admin', 'researcher'] as const) {
        const u = await t.staff(role);
        const res = await me(u.token);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ id: u.id, email: u.email, role, mustChangePassword: false });
      }
    });

    it("answers a brand user's brandId", async () => {
      const admin = await t.staff('admin');
      const brand = await t
        .http()
        .post(`${API}/brands`)
        .set(...bearer(admin.token))
        .send({ name: 'Me Brand', slug: uniqueSlug('me') });
      expect(brand.status).toBe(201);
      const u = await t.staff('brand', brand.body.id);
      const res = await me(u.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: u.id, email: u.email, role: 'brand', brandId: brand.body.id, mustChangePassword: false });
    });

    it('answers 401 problem+json without a token or with a malformed Authorization header', async () => {
      expectProblem(await t.http().get(`${API}/auth/me`), 401);
      for (const header of ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Token abc', 'Bearer a b', 'Bearer <script>', 'bearer garbage']) {
        expectProblem(await t.http().get(`${API}/auth/me`).set('Authorization', header), 401);
      }
    });
  });

  describe('JWT checks', () => {
    let user: { id: string; token: string };
    let claims: Claims;

    beforeAll(async () => {
      const u = await t.staff('researcher');
      user = { id: u.id, token: u.token };
      claims = jwt.decode(u.token) as Claims;
    });

    const now = (): number => Math.floor(Date.now() / 1000);

    it('accepts a token signed with the right secret (the control for the cases below)', async () => {
      expect(claims).toMatchObject({ sub: user.id, sid: expect.any(String), role: 'researcher' });
      const token = jwt.sign({ sub: claims.sub, sid: claims.sid, role: claims.role, exp: now() + 60 }, t.config.auth.jwtSecret, {
        algorithm: 'HS256',
      });
      expect((await me(token)).status).toBe(200);
    });

    it('refuses an expired token', async () => {
      const token = jwt.sign(
        { sub: claims.sub, sid: claims.sid, role: claims.role, iat: now() - 120, exp: now() - 60 },
        t.config.auth.jwtSecret,
        { algorithm: 'HS256' },
      );
      expectProblem(await me(token), 401);
    });

    it('refuses a token whose payload was changed', async () => {
      const [header, , signature] = user.token.split('.');
      const tampered = `${header}.${b64url({ ...claims, role: 'admin' })}.${signature}`;
      expectProblem(await me(tampered), 401);
      // on an admin-only route too: 401, never 403 or 201
      const res = await t
        .http()
        .post(`${API}/brands`)
        .set(...bearer(tampered))
        .send({ name: 'Forged', slug: uniqueSlug('forged') });
      expectProblem(res, 401);
    });

    it('refuses a token with alg "none"', async () => {
      const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, exp: now() + 600 })}.`;
      expectProblem(await me(unsigned), 401);
      const noneSigned = jwt.sign({ sub: claims.sub, sid: claims.sid, role: claims.role }, '', { algorithm: 'none' });
      expectProblem(await me(noneSigned), 401);
    });

    it('refuses a token signed with another secret', async () => {
      const token = jwt.sign({ sub: claims.sub, sid: claims.sid, role: claims.role }, `${t.config.auth.jwtSecret}-not`, {
        algorithm: 'HS256',
        expiresIn: 600,
      });
      expectProblem(await me(token), 401);
    });

    it('refuses another algorithm than HS256, even with the right secret', async () => {
      const token = jwt.sign({ sub: claims.sub, sid: claims.sid, role: claims.role }, t.config.auth.jwtSecret, {
        algorithm: 'HS512',
        expiresIn: 600,
      });
      expectProblem(await me(token), 401);
    });

    it('refuses a well-signed token for a session that does not exist or is not the subject’s', async () => {
      const sign = (c: Record<string, unknown>) => jwt.sign(c, t.config.auth.jwtSecret, { algorithm: 'HS256', expiresIn: 600 });
      expectProblem(await me(sign({ sub: claims.sub, sid: randomUUID(), role: claims.role })), 401);
      const other = await t.staff('admin');
      expectProblem(await me(sign({ sub: other.id, sid: claims.sid, role: 'admin' })), 401);
    });

    it('answers 401, never 500, to well-signed tokens with malformed claims', async () => {
      const sign = (c: Record<string, unknown>) => jwt.sign(c, t.config.auth.jwtSecret, { algorithm: 'HS256', expiresIn: 600 });
      for (const c of [
        { sub: claims.sub, sid: 'not-a-uuid', role: claims.role },
        { sub: 'not-a-uuid', sid: claims.sid, role: claims.role },
        { sub: claims.sub, role: claims.role },
        { sub: claims.sub, sid: claims.sid },
        { sub: 42, sid: claims.sid, role: claims.role },
      ]) {
        expectProblem(await me(sign(c)), 401);
      }
    });

    it('refuses garbage that is not a JWT', async () => {
      for (const token of ['abc', 'a.b.c', `${user.token}x`, user.token.split('.').slice(0, 2).join('.')]) {
        expectProblem(await me(token), 401);
      }
    });
  });
});
