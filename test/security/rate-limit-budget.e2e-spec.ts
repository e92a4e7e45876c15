import type { Response } from 'supertest';
import { API, bearer, createIdentityTestApp, expectProblem, type TestApp } from '../identity/identity-helpers';

/**
 * The per-caller budget every route has (RATE_LIMIT_PER_MINUTE): per user when the request
 * carries a valid access token, else per client address; RateLimit-* headers on every answer,
 * 429 problem+json with Retry-After past it; /health* outside it.
 *
 * TRUST_PROXY=true: each test speaks from addresses of its own (X-Forwarded-For). The limiter
 * reads the time from Date.now: the file moves that clock forward a minute and a second before
 * each test (as rate-limits.e2e-spec.ts does), so every test starts on fresh windows.
 */
describe('Security: the per-caller budget on every route (RATE_LIMIT_PER_MINUTE=5)', () => {
  const LIMIT = 5;
  const WINDOW_MS = 60_000;
  let t: TestApp;
  let offset = 0;
  const realNow = Date.now.bind(Date);

  beforeAll(async () => {
    t = await createIdentityTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'true' });
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });
  beforeEach(() => {
    offset += WINDOW_MS + 1_000;
  });

  let addresses = 0;
  /** An address no other request of the file used (documentation range, RFC 5737). */
  const address = (): string => `203.0.113.${++addresses}`;
  const me = (from: string, token?: string) => {
    const req = t.http().get(`${API}/auth/me`).set('X-Forwarded-For', from);
    return token ? req.set(...bearer(token)) : req;
  };
  const budget = (res: Response) => ({
    limit: Number(res.headers['ratelimit-limit']),
    remaining: Number(res.headers['ratelimit-remaining']),
    reset: Number(res.headers['ratelimit-reset']),
  });
  function expectLimited(res: Response): void {
    expectProblem(res, 429, 'rate-limited');
    expect(budget(res)).toMatchObject({ limit: LIMIT, remaining: 0 });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  }

  it('every answer carries RateLimit-Limit, -Remaining and -Reset, errors too (401, 404, 400, 413), each one counted', async () => {
    const from = address();
    const answers = [
      await me(from),
      await t.http().get(`${API}/no-such-route`).set('X-Forwarded-For', from),
      await t.http().post(`${API}/auth/login`).set('X-Forwarded-For', from).set('Content-Type', 'application/json').send('{"email":'),
      await t
        .http()
        .post(`${API}/auth/login`)
        .set('X-Forwarded-For', from)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(1_100_000) })),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 404, 400, 413]);
    expect(answers.map(budget).map((b) => [b.limit, b.remaining])).toEqual([
      [LIMIT, 4],
      [LIMIT, 3],
      [LIMIT, 2],
      [LIMIT, 1],
    ]);
    for (const b of answers.map(budget)) {
      expect(b.reset).toBeGreaterThan(0);
      expect(b.reset).toBeLessThanOrEqual(60);
    }
  });

  it('refuses the request past the budget with 429 problem+json and Retry-After on any route, per client address; allowed again after the window', async () => {
    const from = address();
    for (let i = 0; i < LIMIT; i++) expect((await me(from)).status).toBe(401);
    expectLimited(await me(from));
    // a public route and a wrong password alike: the budget answers before anything else
    const login = await t
      .http()
      .post(`${API}/auth/login`)
      .set('X-Forwarded-For', from)
      .send({ email: 'x@y.test', password: 'wrong-password' });
    expectLimited(login);
    expect(login.body).not.toHaveProperty('accessToken');
    // another address is not affected
    expect((await me(address())).status).toBe(401);

    offset += 30_000; // still within the minute
    expectLimited(await me(from));
    offset += 31_000; // the window has passed
    const later = await me(from);
    expect(later.status).toBe(401);
    expect(budget(later)).toMatchObject({ limit: LIMIT, remaining: LIMIT - 1 });
  });

  it('counts a signed-in user per user, from whatever address; another user and anonymous callers at the same address keep their own budgets', async () => {
    const u = await t.staff('researcher');
    const v = await t.staff('researcher');
    const shared = address();
    for (let i = 0; i < LIMIT; i++) expect((await me(address(), u.token)).status).toBe(200);
    expectLimited(await me(shared, u.token));
    expect((await me(shared, v.token)).status).toBe(200);
    expect((await me(shared)).status).toBe(401);
    // an invalid token is counted by address, not by the user it names
    const forged = `${u.token.slice(0, -4)}AAAA`;
    const res = await me(shared, forged);
    expectProblem(res, 401);
    expect(budget(res).remaining).toBe(LIMIT - 2);
  });

  it('leaves /health and /health/ready outside the budget', async () => {
    const from = address();
    for (let i = 0; i < LIMIT; i++) await me(from);
    expectLimited(await me(from));
    for (let i = 0; i < 3; i++) {
      const live = await t.http().get('/health').set('X-Forwarded-For', from);
      expect(live.status).toBe(200);
      expect(live.headers['ratelimit-limit']).toBeUndefined();
      expect((await t.http().get('/health/ready').set('X-Forwarded-For', from)).status).toBe(200);
    }
  });
});
