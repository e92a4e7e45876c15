import { eventually } from '@leadpanel/platform/testing';
import { randomBytes } from 'node:crypto';
import { apply, campaign, createUser, login, loginAdmin, metric, newEmail, API } from './support/actions';
import { ADMIN, sleep, RESTARTING } from './support/servers';
import { faultsStack } from './support/faults-stack';

/**
 * Redis stops while the API takes requests, and comes back empty (no persistence). The API
 * keeps serving what needs no queue, the e-mails of the meantime wait in the outbox, and
 * when Redis is back every e-mail, including the jobs Redis held when it died, arrives
 * exactly once, with the same API and worker processes (nobody restarts them).
 */
describe('Redis outage', () => {
  // one job at a time: what the worker has not taken yet waits in Redis
  const f = faultsStack({ label: 'redis', redis: 'own', worker: { WORKER_CONCURRENCY: '1' } });

  const pendingMail = async (): Promise<number> =>
    Number(
      (
        await f.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE topic = 'mail.send' AND status = 'pending'`)
      )[0].n,
    );

  it('keeps serving while Redis is down, and delivers every e-mail exactly once when it is back, also the jobs Redis lost', async () => {
    const s = f.smtp;
    const admin = await loginAdmin(f.stack);
    const researcherEmail = newEmail('researcher');
    expect((await createUser(f.stack, admin, researcherEmail)).status).toBe(201);
    await s.waitFor(researcherEmail);
    const researcher = await login(f.stack, researcherEmail, 'researcher-password');
    const { slug } = await campaign(f.stack, s, researcher);

    // three applications while the relay is slow: the worker holds the first at the SMTP
    // server, the two others wait in Redis, as the API's metrics tell
    s.hold(true);
    const beforeOutage = [newEmail('held'), newEmail('waiting-1'), newEmail('waiting-2')];
    for (const email of beforeOutage) expect((await apply(f.stack, slug, email)).status).toBe(201);
    await s.waitForHeld(1);
    await eventually(
      'two jobs wait in Redis',
      async () => ((await metric(f.stack, 'leadpanel_queue_jobs{state="waiting"}')) === 2 ? true : undefined),
      RESTARTING,
    );

    await f.redis.stop();
    expect(await f.redis.ping()).toBe(false);
    // the relay answers the held message now: that job finishes without Redis; the two jobs
    // that waited in Redis are gone with it
    s.hold(false);
    const held = await eventually('the held message is accepted', () => beforeOutage.find((e) => s.to(e).length === 1), RESTARTING);
    const lost = beforeOutage.filter((e) => e !== held);

    // what needs no queue keeps working
    await f.stack.http().get('/health').expect(200, { status: 'ok' });
    const ready = await f.stack.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', checks: { database: 'up', redis: 'down' } });
    expect(await login(f.stack, researcherEmail, 'researcher-password')).toEqual(expect.any(String));
    const brands = await f.stack.http().get(`${API}/brands`).set('Authorization', `Bearer ${researcher}`);
    expect(brands.status).toBe(200);
    // the rate limits fail open: counted by the process alone meanwhile, and it says so
    expect(brands.headers['ratelimit-limit']).toBeDefined();
    expect(f.stack.api.output).toMatch(/rate limits are counted by this process alone/);
    const brand = await f.stack
      .http()
      .post(`${API}/brands`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Outage brand', slug: `outage-${randomBytes(3).toString('hex')}` });
    expect(brand.status).toBe(201);
    await f.stack.http().get('/metrics').expect(200);

    // and so do the actions that send e-mail: their messages wait in the outbox
    const duringOutage = [newEmail('applicant-during'), newEmail('applicant-during')];
    for (const email of duringOutage) expect((await apply(f.stack, slug, email)).status).toBe(201);
    const colleague = newEmail('colleague');
    expect((await createUser(f.stack, admin, colleague)).status).toBe(201);
    // the two jobs Redis lost and the three new e-mails
    expect(await pendingMail()).toBe(5);
    await sleep(2_000); // the dispatchers try, and fail, a few times
    expect(await pendingMail()).toBe(5);
    const queued = await f.db.query<{ recipient: string }>(
      `SELECT recipient FROM email_messages WHERE status = 'queued' ORDER BY recipient`,
    );
    expect(queued.map((r) => r.recipient)).toEqual([...lost, ...duringOutage, colleague].sort());
    // the admin's account (created at the API's first start), the researcher's, the held application
    expect(s.messages).toHaveLength(3);
    expect(f.stack.api.alive && f.worker.alive).toBe(true);

    // Redis is back, empty, on the same port: no process is restarted
    await f.redis.start();
    const expected = [ADMIN.email, researcherEmail, ...beforeOutage, ...duringOutage, colleague];
    for (const email of expected) await s.waitFor(email, 1, 30_000);
    await eventually(
      '/health/ready is 200 again',
      async () => ((await f.stack.http().get('/health/ready')).status === 200 ? true : undefined),
      RESTARTING,
    );
    await sleep(3_000); // a duplicate would come now
    for (const email of expected) expect(s.to(email)).toHaveLength(1);
    expect(s.messages).toHaveLength(expected.length);

    const rows = await f.db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM email_messages GROUP BY status`);
    expect(rows).toEqual([{ status: 'sent', n: expected.length }]);
    expect(await pendingMail()).toBe(0);
    expect(f.stack.api.alive && f.worker.alive).toBe(true);
    await eventually(
      'the rate limits are shared again',
      async () => {
        await f.stack.http().get(`${API}/brands`).set('Authorization', `Bearer ${researcher}`);
        return /rate limits are shared by every API process again/.test(f.stack.api.output) ? true : undefined;
      },
      RESTARTING,
    );
    // the dispatchers noticed that Redis came back empty (no waiting for the leases to run out)
    expect(f.stack.api.output + f.worker.output).toMatch(/the queue lost its jobs/);
  });
});
