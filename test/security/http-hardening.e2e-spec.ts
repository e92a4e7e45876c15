import type { Response } from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const ALLOWED = 'https://app.leadpanel.test';
const ALSO_ALLOWED = 'https://admin.leadpanel.test';
const OTHER = 'https://evil.example';

/** The directives of a Content-Security-Policy header, by name. */
function csp(res: Response): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );
}

/**
 * Outside /api/v1 an unknown path gets Express's own 404 page (HTML, escaped, under the same
 * headers), not a problem: what matters is that neither the UI nor the document is there.
 */
function expectNoDocs(res: Response): void {
  expect(res.status).toBe(404);
  expect(res.text).not.toMatch(/"openapi"|"paths"|SwaggerUIBundle|id="swagger-ui"/);
  expect(res.headers['x-powered-by']).toBeUndefined();
}

/**
 * Security headers (helmet), the CORS allow-list from CORS_ORIGINS, and the OpenAPI UI and
 * document switched off by configuration. Each describe has an app of its own (the embedded
 * database belongs to one app at a time: they open one after the other).
 */
describe('Security: HTTP hardening', () => {
  describe(`with CORS_ORIGINS=${ALLOWED},${ALSO_ALLOWED} (development defaults otherwise)`, () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ CORS_ORIGINS: `${ALLOWED}, ${ALSO_ALLOWED}` });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('sends the security headers on JSON, problem and health responses, and no X-Powered-By', async () => {
      const user = await t.staff('researcher');
      const responses = [
        await t.http().get('/health'),
        await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${user.token}`),
        await t.http().get('/api/v1/auth/me'), // 401 problem
        await t.http().get('/api/v1/nowhere'), // 404 problem
        await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":'), // 400 from the body parser
      ];
      expect(responses.map((r) => r.status)).toEqual([200, 200, 401, 404, 400]);
      for (const res of responses) {
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(res.headers['strict-transport-security']).toMatch(/^max-age=(\d+); includeSubDomains$/);
        expect(Number(/max-age=(\d+)/.exec(res.headers['strict-transport-security'] as string)![1])).toBeGreaterThanOrEqual(15_552_000);
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
        const policy = csp(res);
        expect(policy.get('default-src')).toEqual(["'self'"]);
        expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
        expect(policy.get('object-src')).toEqual(["'none'"]);
        expect(policy.get('base-uri')).toEqual(["'self'"]);
      }
    });

    it('lets no inline script run outside the OpenAPI UI: script-src is self only; the UI alone allows inline scripts', async () => {
      const api = csp(await t.http().get('/api/v1/auth/me'));
      expect(api.get('script-src')).toEqual(["'self'"]);
      expect(api.get('script-src-attr')).toEqual(["'none'"]);
      const shared = csp(await t.http().get('/api/v1/shared/reports/not-a-token'));
      expect(shared.get('script-src')).toEqual(["'self'"]);
      const docs = await t.http().get('/api/docs/');
      expect(docs.status).toBe(200);
      expect(docs.headers['content-type']).toMatch(/^text\/html/);
      expect(csp(docs).get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(docs.headers['x-powered-by']).toBeUndefined();
    });

    it('answers an allowed origin with Access-Control-Allow-Origin (that origin, never *, no credentials), and another origin with none', async () => {
      for (const origin of [ALLOWED, ALSO_ALLOWED]) {
        const res = await t.http().get('/health').set('Origin', origin);
        expect(res.status).toBe(200);
        expect(res.headers['access-control-allow-origin']).toBe(origin);
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
        expect(res.headers['access-control-expose-headers']).toMatch(/X-Request-Id/i);
        expect(String(res.headers.vary)).toMatch(/Origin/);
      }
      for (const origin of [OTHER, 'null', `${ALLOWED}.evil.example`, ALLOWED.replace('https:', 'http:'), `${ALLOWED}:8443`]) {
        const res = await t.http().get('/health').set('Origin', origin);
        expect(res.status).toBe(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('answers a preflight from an allowed origin (204 with the method and headers), and gives another origin nothing to go on', async () => {
      const preflight = (origin: string) =>
        t
          .http()
          .options('/api/v1/studies')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'authorization,content-type');
      const ok = await preflight(ALLOWED);
      expect(ok.status).toBe(204);
      expect(ok.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(String(ok.headers['access-control-allow-methods'])).toContain('POST');
      expect(String(ok.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
      expect(ok.headers['access-control-allow-credentials']).toBeUndefined();

      // without Access-Control-Allow-Origin the browser refuses to send the request
      const refused = await preflight(OTHER);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('serves the OpenAPI UI and document in development (the control for the cases below)', async () => {
      const ui = await t.http().get('/api/docs/');
      expect(ui.status).toBe(200);
      expect(ui.text).toMatch(/id="swagger-ui"/);
      const doc = await t.http().get('/api/docs-json');
      expect(doc.status).toBe(200);
      expect(doc.text).toMatch(/"openapi"/);
      expect(doc.body.paths).toHaveProperty(['/api/v1/auth/login']);
    });
  });

  describe('with API_DOCS_ENABLED=false', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ API_DOCS_ENABLED: 'false' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers /api/docs and /api/docs-json with 404, serving neither the UI nor the document', async () => {
      for (const path of ['/api/docs', '/api/docs/', '/api/docs-json', '/api/docs/swagger-ui-init.js']) {
        expectNoDocs(await t.http().get(path));
      }
    });
  });

  describe('with NODE_ENV=production and API_DOCS_ENABLED unset', () => {
    let t: TestApp;

    beforeAll(async () => {
      const env: Record<string, string> = { NODE_ENV: 'production', LOG_LEVEL: 'error' };
      // the tests' JWT_SECRET (services mode) or one of ours: production with a database needs one
      if (!process.env.JWT_SECRET) env.JWT_SECRET = 'a-test-secret-of-more-than-32-characters';
      t = await createTestApp(env);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('defaults the OpenAPI UI and document off: 404', async () => {
      expect(t.config.env).toBe('production');
      expect(t.config.http.docsEnabled).toBe(false);
      expectNoDocs(await t.http().get('/api/docs/'));
      expectNoDocs(await t.http().get('/api/docs-json'));
    });

    it('sends no CORS headers when CORS_ORIGINS is unset, whatever the origin', async () => {
      const res = await t.http().get('/health').set('Origin', ALLOWED);
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.http().options('/api/v1/studies').set('Origin', ALLOWED).set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
