import { setTimeout as sleep } from 'node:timers/promises';
import { JobRegistry } from '../queue/job-registry';
import { createPlatformTestModule, eventually, type PlatformTestContext, uniqueKey } from '../testing';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxService } from './outbox.service';

const TOPIC = 'test.outbox.concurrent';
const MESSAGES = 200;

/**
 * Two processes' dispatchers claim from the same outbox at the same moment on real
 * PostgreSQL (PGlite is one session and cannot show it): FOR UPDATE SKIP LOCKED and
 * the lease must hand each row to exactly one of them.
 */
describe('outbox dispatchers side by side (PostgreSQL)', () => {
  let a: PlatformTestContext;
  let b: PlatformTestContext;
  /** key → how often its job ran, in either app */
  const runs = new Map<string, number>();

  beforeAll(async () => {
    // no background passes: the two drains below are the only dispatchers
    a = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' } });
    b = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' }, shareStoreWith: a });
    for (const app of [a, b]) {
      app.get(JobRegistry).register<{ key: string }>(TOPIC, async (payload) => {
        runs.set(payload.key, (runs.get(payload.key) ?? 0) + 1);
        await sleep(1); // let the other dispatcher get a word in
      });
    }
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it.each([1, 2, 3])(`runs ${MESSAGES} messages ${MESSAGES} times, never claiming a row twice (round %i)`, async () => {
    expect(a.config.database.url).toBe(b.config.database.url);
    const keys = Array.from({ length: MESSAGES }, () => uniqueKey('concurrent'));
    const ids = await a.dataSource.transaction((em) =>
      a.get(OutboxService).add(em, ...keys.map((key) => ({ topic: TOPIC, payload: { key } }))),
    );
    expect(ids).toHaveLength(MESSAGES);

    const [byA, byB] = await Promise.all([a.get(OutboxDispatcher).drain(), b.get(OutboxDispatcher).drain()]);
    expect(byA + byB).toBe(MESSAGES);

    const ran = (): number => keys.reduce((n, k) => n + (runs.get(k) ?? 0), 0);
    await eventually(`${MESSAGES} jobs run`, () => ran() >= MESSAGES, 30_000);
    await sleep(500);
    expect(ran()).toBe(MESSAGES);
    expect(keys.filter((k) => runs.get(k) !== 1)).toEqual([]);

    const rows = (await a.dataSource.query(
      `SELECT status, dispatch_attempts AS attempts, count(*)::int AS n FROM outbox_messages WHERE id = ANY($1::uuid[]) GROUP BY 1, 2`,
      [ids],
    )) as Array<{ status: string; attempts: number; n: number }>;
    expect(rows).toEqual([{ status: 'dispatched', attempts: 1, n: MESSAGES }]);
  });
});
