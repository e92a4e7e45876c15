import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Client, type Pool } from 'pg';
import { DataSource } from 'typeorm';
import { eventually } from '@leadpanel/platform/testing';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app';
import { ThrowawayPostgres } from '../support/throwaway-postgres';

/**
 * The promise: killing the database for a few seconds makes /health/ready
 * answer 503, requests (in flight or new) fail with a 503 problem, the process lives
 * on, and the API recovers by itself once the server is back. The test brings its own
 * PostgreSQL cluster, because it kills it; Redis (if any) is the run's.
 */
describe('database outage', () => {
  let pg: ThrowawayPostgres | undefined;
  let t: TestApp | undefined;
  let researcher: TestUser;
  let pool: Pool;
  let locker: Client | undefined;

  const app = (): TestApp => t!;
  const brands = () => app().http().get('/api/v1/brands').set('Authorization', `Bearer ${researcher.token}`);

  beforeAll(async () => {
    pg = await ThrowawayPostgres.create();
    const url = await pg.createDatabase(`leadpanel_test_outage_${randomBytes(3).toString('hex')}`);
    t = await createTestApp({
      DATABASE_URL: url,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      // the 503s are the point of this test: keep them out of the run's output
      LOG_LEVEL: 'fatal',
    });
    pool = (app().app.get(DataSource).driver as unknown as { master: Pool }).master;
    researcher = await app().staff('researcher');
  });

  afterAll(async () => {
    // a failed run may leave the lock held and a request waiting on it: release it, and never wait for ever
    await locker?.end().catch(() => undefined);
    try {
      if (t) await Promise.race([t.close(), new Promise((r) => setTimeout(r, 20_000).unref())]);
    } finally {
      await pg?.destroy();
    }
  }, 60_000);

  afterEach(() => jest.restoreAllMocks());

  it('answers 503 while the database is down and recovers by itself when it is back', async () => {
    const s = app();
    const ready = await s.http().get('/health/ready').expect(200);
    expect(ready.body.checks.database).toBe('up');
    await brands().expect(200);
    expect(pool.listenerCount('error')).toBeGreaterThan(0);

    // a request in flight: the brand list waits on a lock held by another session
    locker = new Client({ connectionString: s.config.database.url!, application_name: 'outage-test-locker' });
    locker.on('error', () => undefined); // the server is about to vanish under it
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE brands IN ACCESS EXCLUSIVE MODE');
    const inFlight = brands().then((r) => r);
    await eventually(
      'the brand list waits on the lock',
      async () => {
        // pg_locks is read live (pg_stat_activity would be a snapshot for the whole of the locker's transaction)
        const { rows } = await locker!.query(`SELECT 1 FROM pg_locks WHERE relation = 'brands'::regclass AND NOT granted`);
        return rows.length > 0 ? true : undefined;
      },
      { timeoutMs: 10_000, retryErrors: true, intervalMs: 200 },
    );

    // and idle connections: each gets an 'error' event of its own when the server dies
    const ds = s.app.get(DataSource);
    await Promise.all(Array.from({ length: 4 }, () => ds.query('SELECT pg_sleep(0.05)')));
    expect(pool.idleCount).toBeGreaterThanOrEqual(3);
    const warn = jest.spyOn(Logger.prototype, 'warn');

    await pg!.stop('immediate');
    const stoppedAt = Date.now();

    const failed = await inFlight;
    expect(failed.status).toBe(503);
    expect(failed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(failed.body).toMatchObject({ status: 503, type: 'urn:leadpanel:problem:database-unavailable' });
    await locker.end().catch(() => undefined);
    locker = undefined;

    // idle clients saw their server go: the pool's handler took the 'error' (no crash) and dropped them
    await eventually('the pool drops its dead idle clients', () => pool.idleCount === 0, {
      timeoutMs: 5_000,
      retryErrors: true,
      intervalMs: 200,
    });
    expect(warn.mock.calls.some(([m]) => /database connection lost/.test(String(m)))).toBe(true);

    const down = await s.http().get('/health/ready');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', checks: { database: 'down' } });

    const refused = await brands();
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 503, title: 'Service Unavailable', type: 'urn:leadpanel:problem:database-unavailable' });
    expect(refused.body.requestId).toEqual(refused.headers['x-request-id']);

    // the process still serves; the outbox dispatcher keeps polling (and failing) through a few seconds of outage
    await s.http().get('/health').expect(200, { status: 'ok' });
    await new Promise((r) => setTimeout(r, Math.max(0, 2_000 - (Date.now() - stoppedAt))));

    await pg!.start();
    const started = Date.now();
    await eventually('/health/ready is 200 again', async () => ((await s.http().get('/health/ready')).status === 200 ? true : undefined), {
      timeoutMs: 20_000,
      retryErrors: true,
      intervalMs: 200,
    });
    expect(Date.now() - started).toBeLessThan(20_000);

    const again = await brands();
    expect(again.status).toBe(200);
    expect(Array.isArray(again.body.items)).toBe(true);

    // the background side recovered too: a new account's e-mail goes out through the outbox and the queue
    const later = await s.staff('researcher');
    await s.smtp.waitFor(later.email, 1, 15_000);
  });
});
