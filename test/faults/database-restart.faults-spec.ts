import { eventually } from '@leadpanel/platform/testing';
import { randomBytes } from 'node:crypto';
import { SmtpListener } from '../support/smtp';
import { ThrowawayPostgres } from '../support/throwaway-postgres';
import { API, createUser, login, loginAdmin, newEmail } from './support/actions';
import {
  ADMIN,
  removeQueueKeys,
  services,
  sleep,
  startStack,
  stopAll,
  RESTARTING,
  type LeadpanelProcess,
  type Stack,
} from './support/servers';

/**
 * PostgreSQL is restarted under the built API and worker processes. What
 * test/platform/database-outage.int-spec.ts shows for the API composed in the test process
 * (503 problems, a request in flight, readiness) is not repeated here; this test shows that
 * neither process dies, and that both pick up again by themselves: the API serves, and the
 * worker's dispatcher and jobs reach the database again, so e-mail goes out.
 */
describe('PostgreSQL restarted under the running processes', () => {
  const processes: LeadpanelProcess[] = [];
  const prefix = `lp-faults-${randomBytes(3).toString('hex')}`;
  let pg: ThrowawayPostgres | undefined;
  let smtp: SmtpListener | undefined;
  let stack: Stack;
  let worker: LeadpanelProcess;

  beforeAll(async () => {
    const { redisUrl } = services();
    pg = await ThrowawayPostgres.create();
    const url = await pg.createDatabase(`leadpanel_test_faults_pg_${randomBytes(3).toString('hex')}`);
    smtp = await SmtpListener.start();
    stack = await startStack(processes, { DATABASE_URL: url, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, SMTP_URL: smtp.url });
    worker = await stack.startWorker('worker');
    await smtp.waitFor(ADMIN.email); // the admin's account e-mail, created at the API's first start
  }, 120_000);

  afterAll(async () => {
    await stopAll(processes);
    await smtp?.close();
    await pg?.destroy();
    await removeQueueKeys(services().redisUrl, prefix).catch(() => undefined);
  }, 60_000);

  it('keeps both processes alive through the outage; they answer 503 problems, then recover without a restart', async () => {
    const s = smtp!;
    const admin = await loginAdmin(stack);
    const first = newEmail('before');
    expect((await createUser(stack, admin, first)).status).toBe(201);
    await s.waitFor(first);
    const pids = [stack.api.pid, worker.pid];

    await pg!.stop('immediate');
    // a few seconds of outage: the dispatchers of both processes poll the database and fail
    await sleep(3_000);

    await stack.http().get('/health').expect(200, { status: 'ok' });
    const ready = await stack.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', checks: { database: 'down', redis: 'up' } });
    for (const res of [
      await stack.http().post(`${API}/auth/login`).send(ADMIN),
      await createUser(stack, admin, newEmail('during')),
      await stack.http().get(`${API}/brands`).set('Authorization', `Bearer ${admin}`),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 503, type: 'urn:leadpanel:problem:database-unavailable' });
    }
    expect(stack.api.alive).toBe(true);
    expect(worker.alive).toBe(true);

    await pg!.start();
    await eventually(
      '/health/ready is 200 again',
      async () => ((await stack.http().get('/health/ready')).status === 200 ? true : undefined),
      RESTARTING,
    );
    expect(await login(stack, ADMIN.email, ADMIN.password)).toEqual(expect.any(String));
    const after = newEmail('after');
    expect((await createUser(stack, admin, after)).status).toBe(201);
    await s.waitFor(after, 1, 30_000);
    await sleep(1_000);
    expect(s.to(after)).toHaveLength(1);
    expect(s.to(first)).toHaveLength(1);

    expect([stack.api.pid, worker.pid]).toEqual(pids);
    expect(stack.api.alive).toBe(true);
    expect(worker.alive).toBe(true);
    // what they said about it: warnings, no crash
    expect(stack.api.output + worker.output).not.toMatch(/uncaught|unhandled/i);
  });
});
