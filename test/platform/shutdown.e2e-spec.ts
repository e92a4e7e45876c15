import { connect } from 'node:net';
import { OutboxDispatcher } from '@leadpanel/platform';
import { BrandsService } from '@leadpanel/identity';
import { Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/test-app';

/** Types of the resources that keep the event loop alive, counted. */
function liveResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

/** What `now` holds beyond `before`, e.g. ['Timeout', 'TCPSocketWrap']. */
function extraResources(before: Map<string, number>, now: Map<string, number>): string[] {
  return [...now].filter(([type, n]) => n > (before.get(type) ?? 0)).map(([type, n]) => `${type} x${n - (before.get(type) ?? 0)}`);
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('graceful shutdown', () => {
  let t: TestApp | undefined;
  let release: () => void = () => undefined;

  afterAll(async () => {
    // only when the test failed half-way: let the held request go, and never wait for ever
    release();
    if (t) await Promise.race([t.app.close(), new Promise((r) => setTimeout(r, 10_000).unref())]).catch(() => undefined);
    await t?.smtp.close().catch(() => undefined);
    jest.restoreAllMocks();
  });

  it('finishes the request in flight, stops taking new ones, then stops the jobs and closes the pools, leaving nothing running', async () => {
    const before = liveResources();
    t = await createTestApp();
    const s = t;
    await s.app.listen(0, '127.0.0.1');
    const port = (s.app.getHttpServer().address() as { port: number }).port;

    // background work runs: a new account's e-mail goes outbox → queue → job → SMTP
    const researcher = await s.staff('researcher');
    await s.smtp.waitFor(researcher.email);

    // a slow request: it is held inside the handler, before its database query, until released
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => (entered = r));
    const released = new Promise<void>((r) => (release = r));
    const brands = s.app.get(BrandsService);
    const list = brands.list.bind(brands);
    const order: string[] = [];
    jest.spyOn(brands, 'list').mockImplementation(async (query) => {
      entered();
      await released;
      const page = await list(query);
      order.push('request handled');
      return page;
    });
    const inFlight = s
      .http()
      .get('/api/v1/brands')
      .set('Authorization', `Bearer ${researcher.token}`)
      .then((r) => r);
    await inHandler;

    const ds = s.app.get(DataSource);
    const dispatcher = s.app.get(OutboxDispatcher);
    const destroy = ds.destroy.bind(ds);
    jest.spyOn(ds, 'destroy').mockImplementation(async () => {
      order.push('database pool closed');
      await destroy();
    });
    const stopDispatcher = dispatcher.beforeApplicationShutdown.bind(dispatcher);
    jest.spyOn(dispatcher, 'beforeApplicationShutdown').mockImplementation(async () => {
      await stopDispatcher();
      order.push('outbox dispatcher stopped');
    });
    const closeWorker = Worker.prototype.close; // BullMQ workers (services mode only)
    jest.spyOn(Worker.prototype, 'close').mockImplementation(async function (this: Worker, force?: boolean) {
      const first = !this.closing;
      await closeWorker.call(this, force);
      if (first) order.push('job workers closed');
    });
    const stopsFirst = s.config.queue.redisUrl ? ['job workers closed', 'outbox dispatcher stopped'] : ['outbox dispatcher stopped'];

    let closed = false;
    const started = Date.now();
    const closing = s.app.close().then(() => {
      closed = true;
      order.push('app closed');
    });

    // draining: no new connections, the one in flight is awaited
    await new Promise((r) => setTimeout(r, 300));
    expect(await refusesConnections(port)).toBe(true);
    expect(closed).toBe(false);
    // the background work has stopped already, while the pool is still open for the request
    expect([...order].sort()).toEqual(stopsFirst);
    expect(ds.isInitialized).toBe(true);

    release();
    const res = await inFlight;
    expect(res.status).toBe(200); // its database query ran during the shutdown: the pool was still open
    expect(Array.isArray(res.body.items)).toBe(true);

    await closing;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(order.slice(stopsFirst.length)).toEqual(['request handled', 'database pool closed', 'app closed']);
    expect(ds.isInitialized).toBe(false);

    // the dispatcher no longer polls (it would every 100 ms in tests)
    const query = jest.spyOn(ds, 'query');
    await new Promise((r) => setTimeout(r, 400));
    expect(query).not.toHaveBeenCalled();

    await s.smtp.close();
    t = undefined;

    // nothing of the app keeps the process alive: no timers, sockets or servers beyond what was there before
    const deadline = Date.now() + 3_000;
    let extra = extraResources(before, liveResources());
    while (extra.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      extra = extraResources(before, liveResources());
    }
    expect(extra).toEqual([]);
  });
});
