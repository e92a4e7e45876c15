import { eventually } from '@leadpanel/platform/testing';
import { API, createUser, login, loginAdmin, newEmail } from './support/actions';
import { ADMIN, sleep, RESTARTING } from './support/servers';
import { faultsStack } from './support/faults-stack';

/**
 * PostgreSQL is restarted under the built API and worker processes. What
 * test/platform/database-outage.int-spec.ts shows for the API composed in the test process
 * (503 problems, a request in flight, readiness) is not repeated here; this test shows that
 * neither process dies, and that both pick up again by themselves: the API serves, and the
 * worker's dispatcher and jobs reach the database again, so e-mail goes out.
 */
describe('PostgreSQL restarted under the running processes', () => {
  const f = faultsStack({ label: 'pg', postgres: 'own', worker: {}, adminMail: true });

  it('keeps both processes alive through the outage; they answer 503 problems, then recover without a restart', async () => {
    const s = f.smtp;
    const admin = await loginAdmin(f.stack);
    const first = newEmail('before');
    expect((await createUser(f.stack, admin, first)).status).toBe(201);
    await s.waitFor(first);
    const pids = [f.stack.api.pid, f.worker.pid];

    await f.pg.stop('immediate');
    // a few seconds of outage: the dispatchers of both processes poll the database and fail
    await sleep(3_000);

    await f.stack.http().get('/health').expect(200, { status: 'ok' });
    const ready = await f.stack.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', checks: { database: 'down', redis: 'up' } });
    for (const res of [
      await f.stack.http().post(`${API}/auth/login`).send(ADMIN),
      await createUser(f.stack, admin, newEmail('during')),
      await f.stack.http().get(`${API}/brands`).set('Authorization', `Bearer ${admin}`),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 503, type: 'urn:leadpanel:problem:database-unavailable' });
    }
    expect(f.stack.api.alive).toBe(true);
    expect(f.worker.alive).toBe(true);

    await f.pg.start();
    await eventually(
      '/health/ready is 200 again',
      async () => ((await f.stack.http().get('/health/ready')).status === 200 ? true : undefined),
      RESTARTING,
    );
    expect(await login(f.stack, ADMIN.email, ADMIN.password)).toEqual(expect.any(String));
    const after = newEmail('after');
    expect((await createUser(f.stack, admin, after)).status).toBe(201);
    await s.waitFor(after, 1, 30_000);
    await sleep(1_000);
    expect(s.to(after)).toHaveLength(1);
    expect(s.to(first)).toHaveLength(1);

    expect([f.stack.api.pid, f.worker.pid]).toEqual(pids);
    expect(f.stack.api.alive).toBe(true);
    expect(f.worker.alive).toBe(true);
    // what they said about it: warnings, no crash
    expect(f.stack.api.output + f.worker.output).not.toMatch(/uncaught|unhandled/i);
  });
});
