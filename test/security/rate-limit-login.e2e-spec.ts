import type { Response } from 'supertest';
import { API, bearer, createIdentityTestApp, expectProblem, type TestApp } from '../identity/identity-helpers';
import { uniqueEmail } from '../support/test-app';

/**
 * Login throttling per client address whatever the e-mails (password spraying) and per account
 * whatever the addresses (one account attacked from many), on top of the per-caller budget.
 *
 * TRUST_PROXY=true: the tests speak from addresses of their own (X-Forwarded-For). The limiter
 * reads the time from Date.now, moved forward a minute and a second before each test.
 */
describe('Security: login limits (LOGIN_RATE_LIMIT_PER_MINUTE=3 per account, LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE=4 per address)', () => {
  const WINDOW_MS = 60_000;
  let t: TestApp;
  let offset = 0;
  let addresses = 0;
  const realNow = Date.now.bind(Date);

  beforeAll(async () => {
    t = await createIdentityTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '4', TRUST_PROXY: 'true' });
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });
  beforeEach(() => {
    offset += WINDOW_MS + 1_000;
  });

  /** An address no other request of the file used (documentation range, RFC 5737). */
  const address = (): string => `198.51.100.${++addresses}`;
  const login = (from: string, email: string, password: string) =>
    t.http().post(`${API}/auth/login`).set('X-Forwarded-For', from).send({ email, password });
  function expectLimited(res: Response): void {
    expectProblem(res, 429, 'rate-limited');
    expect(res.body).not.toHaveProperty('accessToken');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  }

  it('refuses an address that tries many accounts past its limit, whatever the e-mails, even with a right password; the account logs in from elsewhere', async () => {
    const u = await t.staff('researcher');
    const sprayer = address();
    for (let i = 0; i < 4; i++) expectProblem(await login(sprayer, uniqueEmail('victim'), 'Winter2026!'), 401);
    expectLimited(await login(sprayer, u.email, u.password));
    expectLimited(await login(sprayer, uniqueEmail('victim'), 'Winter2026!'));
    // the address's other requests are not login attempts
    expect(
      (
        await t
          .http()
          .get(`${API}/auth/me`)
          .set('X-Forwarded-For', sprayer)
          .set(...bearer(u.token))
      ).status,
    ).toBe(200);
    expect((await login(address(), u.email, u.password)).status).toBe(200);

    offset += WINDOW_MS + 1_000;
    expect((await login(sprayer, u.email, u.password)).status).toBe(200);
  });

  it('refuses an account attacked from many addresses past its limit, even from a new address with the right password; other accounts log in from those addresses', async () => {
    const u = await t.staff('researcher'); // attempt 1 on the account
    const other = await t.staff('researcher');
    expectProblem(await login(address(), u.email, 'wrong-password-1'), 401);
    expectProblem(await login(address(), u.email.toUpperCase(), 'wrong-password-2'), 401);
    const fresh = address();
    expectLimited(await login(fresh, u.email, u.password));
    expect((await login(fresh, other.email, other.password)).status).toBe(200);

    offset += 30_000; // still within the minute
    expectLimited(await login(address(), u.email, u.password));
    offset += 31_000; // the block has passed
    expect((await login(address(), u.email, u.password)).status).toBe(200);
  });
});
