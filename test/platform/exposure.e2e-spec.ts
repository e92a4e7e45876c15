import { createTestApp, type TestApp } from '../support/test-app';

const TOKEN = 'metrics-token-for-the-exposure-test';

describe('Exposure: /metrics and Cache-Control', () => {
  describe('with METRICS_TOKEN set', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ METRICS_TOKEN: TOKEN });
    });
    afterAll(async () => {
      await t.close();
    });

    it.each<[string, string | undefined]>([
      ['no Authorization header', undefined],
      ['a wrong token', 'Bearer not-the-metrics-token-at-all'],
      ['the token cut short', `Bearer ${TOKEN.slice(0, -1)}`],
      ['the token but not as a Bearer', TOKEN],
    ])('refuses %s with a 401 problem', async (_what, authorization) => {
      const req = t.http().get('/metrics');
      const res = authorization ? await req.set('Authorization', authorization) : await req;
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, type: 'urn:leadpanel:problem:metrics-token-required' });
      expect(res.text).not.toContain('leadpanel_http_request_duration_seconds');
    });

    it('serves the metrics to the bearer of the token, not to be cached', async () => {
      const res = await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('leadpanel_http_request_duration_seconds');
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });

  describe('in production without METRICS_TOKEN', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ NODE_ENV: 'production', METRICS_TOKEN: '', JWT_SECRET: 'j'.repeat(48) });
    });
    afterAll(async () => {
      await t.close();
    });

    it('has no /metrics at all (404), and health stays up', async () => {
      const res = await t.http().get('/metrics');
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('leadpanel_');
      expect((await t.http().get('/health')).status).toBe(200);
    });
  });

  describe('Cache-Control', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ METRICS_TOKEN: '' });
    });
    afterAll(async () => {
      await t.close();
    });

    it('keeps /metrics open outside production when no token is set', async () => {
      expect((await t.http().get('/metrics')).status).toBe(200);
    });

    it('marks every /api/v1 response no-store: signed in, public, shared, errors alike', async () => {
      const admin = await t.staff('admin');
      const responses = [
        await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${admin.token}`),
        await t.http().get('/api/v1/brands').set('Authorization', `Bearer ${admin.token}`),
        await t.http().post('/api/v1/auth/login').send({ email: admin.email, password: admin.password }),
        await t.http().get('/api/v1/public/recruitment/no-such-campaign'),
        await t.http().get('/api/v1/shared/reports/not-a-token'),
        await t.http().get('/api/v1/auth/me'),
      ];
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 404, 404, 401]);
      for (const res of responses) expect(res.headers['cache-control']).toMatch(/(^|, )no-store$/);
    });

    it('leaves /health cacheable', async () => {
      const res = await t.http().get('/health');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBeUndefined();
    });
  });
});
