import {
  API,
  apply,
  applicationBody,
  bearer,
  createCampaign,
  createPanelTestApp,
  dataSource,
  expectProblem,
  joinPanel,
  type Campaign,
  type Panellist,
  type TestApp,
  type TestUser,
} from '../panel/panel-helpers';
import { uniqueEmail } from '../support/test-app';

/**
 * Rate limits on login, panel applications and referrals: 429 problem+json past the limit,
 * allowed again once the window (one minute) has passed.
 *
 * The rate limiter reads the time from Date.now: the file moves that clock forward (never
 * back), a minute and a second before each test, so every test starts on fresh windows.
 * Nothing else the tests rely on reads Date.now except JWT expiry, which the offsets used
 * here stay well inside.
 */
describe('Security: rate limits (LOGIN_RATE_LIMIT_PER_MINUTE=3, PUBLIC_FORM_RATE_LIMIT_PER_MINUTE=3)', () => {
  const WINDOW_MS = 60_000;
  let t: TestApp;
  let researcher: TestUser;
  let campaign: Campaign;
  let offset = 0;
  const realNow = Date.now.bind(Date);

  beforeAll(async () => {
    t = await createPanelTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', PUBLIC_FORM_RATE_LIMIT_PER_MINUTE: '3' });
    researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });
  beforeEach(() => {
    offset += WINDOW_MS + 1_000;
  });

  const login = (email: string, password: string) => t.http().post(`${API}/auth/login`).send({ email, password });
  const refer = (p: Panellist, email = uniqueEmail('nominee')) =>
    t
      .http()
      .post(`${API}/me/referrals`)
      .set(...bearer(p.token))
      .send({ email, name: 'Nina Nominee', reason: 'She rebuilt her own espresso machine' });
  const userCount = async (email: string) =>
    Number(((await dataSource(t).query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email])) as Array<{ n: number }>)[0].n);

  function expectLimited(res: Awaited<ReturnType<typeof login>>): void {
    expectProblem(res, 429, 'rate-limited');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  }

  describe('POST /auth/login', () => {
    it('refuses the attempt after the limit with 429 problem+json and a Retry-After, still within the minute, and lets the right password in after it', async () => {
      const u = await t.staff('researcher'); // attempt 1, a success
      expectProblem(await login(u.email, 'wrong-password-0'), 401);
      expectProblem(await login(u.email, 'wrong-password-1'), 401);
      const over = await login(u.email, u.password);
      expectLimited(over);
      expect(over.body).not.toHaveProperty('accessToken');

      offset += 30_000; // half a minute later: still locked
      expectProblem(await login(u.email, u.password), 429, 'rate-limited');

      offset += 31_000; // the window has passed
      const again = await login(u.email, u.password);
      expect(again.status).toBe(200);
      expect(again.body.accessToken).toEqual(expect.any(String));
    });
  });

  describe('POST /public/recruitment/:slug/applications', () => {
    it('limits applications per client address, whatever e-mail each one names; nothing is created past the limit; allowed again after the window', async () => {
      for (let i = 0; i < 3; i++) expect((await apply(t, campaign.slug, applicationBody())).status).toBe(201);

      const refused = applicationBody();
      const res = await apply(t, campaign.slug, refused);
      expectLimited(res);
      expect(res.body).not.toHaveProperty('panellistId');
      expect(await userCount(String(refused.email))).toBe(0);
      // another campaign on the same server shares the limit: it is the address that is counted
      const other = await createCampaign(t, researcher.token);
      expectProblem(await apply(t, other.slug, applicationBody()), 429, 'rate-limited');

      offset += WINDOW_MS + 1_000;
      const later = await apply(t, campaign.slug, refused);
      expect(later.status).toBe(201);
      expect(await userCount(String(refused.email))).toBe(1);
    });

    it('does not count against the login limit, nor the login against it', async () => {
      for (let i = 0; i < 3; i++) expect((await apply(t, campaign.slug, applicationBody())).status).toBe(201);
      expectProblem(await apply(t, campaign.slug, applicationBody()), 429, 'rate-limited');
      expect((await login(researcher.email, researcher.password)).status).toBe(200);
    });
  });

  describe('POST /me/referrals', () => {
    it('limits each panellist, whatever address each nomination names; another panellist behind the same address still nominates; allowed again after the window', async () => {
      const a = await joinPanel(t, campaign.slug);
      const b = await joinPanel(t, campaign.slug);
      offset += WINDOW_MS + 1_000; // the two applications above are not what is tested here
      const mailsBefore = (await dataSource(t).query(
        `SELECT count(*)::int AS n FROM email_messages WHERE template = 'referral'`,
      )) as Array<{
        n: number;
      }>;

      for (let i = 0; i < 3; i++) expect((await refer(a)).status).toBe(201);
      const nominee = uniqueEmail('nominee');
      expectLimited(await refer(a, nominee));
      const mailsAfter = (await dataSource(t).query(`SELECT count(*)::int AS n FROM email_messages WHERE template = 'referral'`)) as Array<{
        n: number;
      }>;
      expect(mailsAfter[0].n - mailsBefore[0].n).toBe(3);
      expect(await dataSource(t).query(`SELECT 1 FROM referrals WHERE nominee_email = $1`, [nominee])).toEqual([]);

      expect((await refer(b)).status).toBe(201);

      offset += WINDOW_MS + 1_000;
      expect((await refer(a, nominee)).status).toBe(201);
    });
  });
});
