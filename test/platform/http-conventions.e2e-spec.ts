import { createTestApp, type TestApp } from '../support/test-app';

describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness outside /api/v1', async () => {
    await t.http().get('/health').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.checks.database).toBe('up');
    if (t.config.queue.redisUrl) expect(ready.body.checks.redis).toBe('up');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.http().get('/api/v1/nowhere').set('Authorization', 'Bearer x');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found' });
    expect(res.body.requestId).toEqual(res.headers['x-request-id']);
  });

  it('refuses malformed JSON with 400 and changes nothing', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(/^urn:leadpanel:problem:/);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ status: 413, type: 'urn:leadpanel:problem:payload-too-large' });
  });

  it('lists each invalid and unknown field of a body', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ email: 42, evil: true });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'evil']));
  });

  it('echoes a sane incoming request id and replaces an unsafe one', async () => {
    const ok = await t.http().get('/health').set('X-Request-Id', 'lb-1234');
    expect(ok.headers['x-request-id']).toBe('lb-1234');
    const bad = await t.http().get('/health').set('X-Request-Id', 'a b<script>');
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and no x-powered-by', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves the OpenAPI document with the identity routes', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/brands', '/api/v1/users']));
  });

  it('exposes Prometheus metrics with HTTP latency and queue depth', async () => {
    await t.http().get('/health');
    const res = await t.http().get('/metrics').expect(200);
    expect(res.text).toContain('leadpanel_http_request_duration_seconds_bucket');
    expect(res.text).toContain('leadpanel_queue_jobs');
    expect(res.text).toContain('leadpanel_outbox_pending');
  });
});
