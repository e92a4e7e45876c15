import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { JobRegistry } from '../queue/job-registry';
import { createPlatformTestModule, eventually, type PlatformTestContext, uniqueKey } from '../testing';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxMessageEntity } from './outbox-message.entity';
import { type OutboxMessageInput, OutboxService } from './outbox.service';

const TOPIC = 'test.outbox.count';
const FAILING = 'test.outbox.failing';

/** Long enough for a wrongly dispatched message to have been run (queue, worker, retries). */
const SETTLE_MS = 600;

describe('outbox (integration)', () => {
  let t: PlatformTestContext;
  let ds: DataSource;
  let outbox: OutboxService;
  let dispatcher: OutboxDispatcher;
  /** key → the times (ms) its job ran */
  const runs = new Map<string, number[]>();

  const runsOf = (key: string): number[] => runs.get(key) ?? [];
  const message = (key: string, extra: Partial<OutboxMessageInput> = {}): OutboxMessageInput => ({
    topic: TOPIC,
    payload: { key },
    ...extra,
  });
  const commit = async (...messages: OutboxMessageInput[]): Promise<string[]> => {
    const ids = await ds.transaction((em) => outbox.add(em, ...messages));
    outbox.nudge();
    return ids;
  };
  const row = async (id: string): Promise<OutboxMessageEntity> => ds.getRepository(OutboxMessageEntity).findOneByOrFail({ id });
  const rowsWithKey = async (key: string): Promise<number> =>
    Number(
      ((await ds.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE payload->>'key' = $1`, [key])) as Array<{ n: number }>)[0].n,
    );
  /** runs the dispatcher once more and gives the queue time to run whatever it got */
  const settle = async (): Promise<void> => {
    await dispatcher.drain();
    await sleep(SETTLE_MS);
  };

  beforeAll(async () => {
    t = await createPlatformTestModule();
    ds = t.dataSource;
    outbox = t.get(OutboxService);
    dispatcher = t.get(OutboxDispatcher);
    t.get(JobRegistry).register<{ key: string }>(TOPIC, (payload) => {
      runs.set(payload.key, [...runsOf(payload.key), Date.now()]);
      return Promise.resolve();
    });
    t.get(JobRegistry).register<{ key: string }>(FAILING, (payload) => {
      runs.set(payload.key, [...runsOf(payload.key), Date.now()]);
      return Promise.reject(new Error(`failing on purpose (${payload.key})`));
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('never writes nor runs a message added in a transaction that rolled back', async () => {
    const key = uniqueKey('rolled-back');
    await expect(
      ds.transaction(async (em) => {
        expect(await outbox.add(em, message(key))).toHaveLength(1);
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    outbox.nudge();

    // a message committed after it is run: the dispatcher went past the rolled-back one
    const marker = uniqueKey('marker');
    await commit(message(marker));
    await eventually('the marker runs', () => runsOf(marker).length > 0);
    await settle();

    expect(await rowsWithKey(key)).toBe(0);
    expect(runsOf(key)).toEqual([]);
  });

  it('runs a committed message exactly once, even when it is dispatched again', async () => {
    const key = uniqueKey('committed');
    const [id] = await commit(message(key));
    await eventually('the job runs', () => runsOf(key).length > 0);
    await settle();
    expect(runsOf(key)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'dispatched', dispatchAttempts: 1, leaseUntil: null, lastError: null });
    expect((await row(id)).dispatchedAt).toBeInstanceOf(Date);

    // a dispatcher that died after the queue took the job but before it marked the row: dispatched again
    await ds.query(`UPDATE outbox_messages SET status = 'pending', dispatched_at = NULL WHERE id = $1`, [id]);
    await eventually('the row is dispatched again', async () => (await row(id)).status === 'dispatched');
    await settle();
    expect((await row(id)).dispatchAttempts).toBe(2);
    expect(runsOf(key)).toHaveLength(1);
  });

  it('marks a message whose job failed for good as dispatched, with the error; one whose outcome got lost is tried once more', async () => {
    const key = uniqueKey('failing');
    const [id] = await commit({ topic: FAILING, payload: { key } });
    await eventually('the job runs out of attempts', async () => (await row(id)).status === 'dispatched', 10_000);
    expect(runsOf(key)).toHaveLength(3);
    const bull = t.config.queue.redisUrl !== null;
    // the worker records the last error (the in-process queue keeps it in the log)
    if (bull) expect((await row(id)).lastError).toMatch(/failing on purpose/);

    // as if the worker could not record that (database down): the row is pending again, its lease run out
    await ds.query(`UPDATE outbox_messages SET status = 'pending', lease_until = NULL WHERE id = $1`, [id]);
    await eventually('the row is settled again', async () => (await row(id)).status === 'dispatched', 10_000);
    await settle();
    // BullMQ holds the failed job: one more attempt, which records its outcome; in-process: done already
    expect(runsOf(key)).toHaveLength(bull ? 4 : 3);
    expect((await row(id)).dispatchAttempts).toBe(2);
  });

  it('does not run a message before its availableAt, and runs it once it is due', async () => {
    const key = uniqueKey('delayed');
    const due = new Date(Date.now() + 1500);
    const [id] = await commit(message(key, { availableAt: due }));

    await dispatcher.drain();
    await sleep(700);
    expect(runsOf(key)).toEqual([]);
    expect(await row(id)).toMatchObject({ status: 'pending', dispatchAttempts: 0 });

    await eventually('the delayed job runs', () => runsOf(key).length > 0, 10_000);
    // the database clock decides; on one machine it agrees with this one to the millisecond
    expect(runsOf(key)[0]).toBeGreaterThanOrEqual(due.getTime() - 50);
    await settle();
    expect(runsOf(key)).toHaveLength(1);
  });

  it('writes one message for a dedupe key, however often and however concurrently it is added', async () => {
    const key = uniqueKey('deduped');
    const dedupeKey = `test:${key}`;
    const first = await commit(message(key, { dedupeKey }));
    const second = await commit(message(key, { dedupeKey }));
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);

    // twice in one call, and in two transactions at once
    const other = `test:${uniqueKey('deduped')}`;
    expect(await commit(message(key, { dedupeKey: other }), message(key, { dedupeKey: other }))).toHaveLength(1);
    const racing = await Promise.all([
      commit(message(key, { dedupeKey: `${other}:race` })),
      commit(message(key, { dedupeKey: `${other}:race` })),
    ]);
    expect(racing.map((ids) => ids.length).sort()).toEqual([0, 1]);

    expect(await outbox.findByDedupeKey(dedupeKey)).toMatchObject({ id: first[0], topic: TOPIC });
    expect(await rowsWithKey(key)).toBe(3);
    await eventually('the three messages run', () => runsOf(key).length >= 3);
    await settle();
    expect(runsOf(key)).toHaveLength(3);
  });

  it('cancels the pending messages about a person, and only those', async () => {
    const subject = randomUUID();
    const [done, later1, later2, others] = ['done', 'later-1', 'later-2', 'others'].map((l) => uniqueKey(l));
    const [doneId] = await commit(message(done, { subjectId: subject }));
    await eventually('the first message runs', () => runsOf(done).length > 0);
    await eventually('it is marked dispatched', async () => (await row(doneId)).status === 'dispatched');

    const due = new Date(Date.now() + 1000);
    const [id1, id2, otherId] = await commit(
      message(later1, { subjectId: subject, availableAt: due }),
      message(later2, { subjectId: subject, availableAt: due }),
      message(others, { subjectId: randomUUID(), availableAt: due }),
    );

    expect(await ds.transaction((em) => outbox.cancelForSubject(em, subject))).toBe(2);
    expect((await row(id1)).status).toBe('cancelled');
    expect((await row(id2)).status).toBe('cancelled');
    expect((await row(doneId)).status).toBe('dispatched');
    expect((await row(otherId)).status).toBe('pending');

    await eventually('the other person’s message runs', () => runsOf(others).length > 0, 10_000);
    await settle();
    expect(runsOf(later1)).toEqual([]);
    expect(runsOf(later2)).toEqual([]);
    expect((await row(id1)).status).toBe('cancelled');
  });

  it('counts what is pending', async () => {
    const before = await outbox.pendingCount();
    await commit(message(uniqueKey('pending'), { availableAt: new Date(Date.now() + 3_600_000) }));
    expect(await outbox.pendingCount()).toBe(before + 1);
  });
});
