import { randomUUID } from 'node:crypto';
import { createPlatformTestModule, type PlatformTestContext } from '../testing';
import { IdempotencyService } from './idempotency.service';

describe('Idempotency-Key (integration)', () => {
  let t: PlatformTestContext;
  let idem: IdempotencyService;

  beforeAll(async () => {
    t = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' } });
    idem = t.get(IdempotencyService);
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs the first request and answers a retry with its result, running nothing again', async () => {
    const user = randomUUID();
    let runs = 0;
    const work = () => Promise.resolve({ n: ++runs });
    expect(await idem.run(user, 'k-1', 'submit:a', work)).toEqual({ n: 1 });
    expect(await idem.run(user, 'k-1', 'submit:a', work)).toEqual({ n: 1 });
    expect(runs).toBe(1);
  });

  it('refuses the same key on another request (409) and frees a key whose first request failed', async () => {
    const user = randomUUID();
    await idem.run(user, 'k-2', 'submit:a', () => Promise.resolve('first'));
    await expect(idem.run(user, 'k-2', 'submit:b', () => Promise.resolve('other'))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    await expect(idem.run(user, 'k-3', 'submit:a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await idem.run(user, 'k-3', 'submit:a', () => Promise.resolve('second try'))).toBe('second try');
  });

  it("a result recorded in the caller's transaction commits with it, and is forgotten when it rolls back", async () => {
    const user = randomUUID();
    let runs = 0;
    const inTx = (fail: boolean) => (record: (em: import('typeorm').EntityManager, r: { n: number }) => Promise<void>) =>
      t.dataSource.transaction(async (em) => {
        const result = { n: ++runs };
        await record(em, result);
        if (fail) throw new Error('rolled back');
        return result;
      });
    await expect(idem.run(user, 'k-tx', 'submit:a', inTx(true))).rejects.toThrow('rolled back');
    expect(await idem.run(user, 'k-tx', 'submit:a', inTx(false))).toEqual({ n: 2 });
    expect(await idem.run(user, 'k-tx', 'submit:a', inTx(false))).toEqual({ n: 2 });
    expect(runs).toBe(2);
    const [row] = (await t.dataSource.query(`SELECT status, response FROM idempotency_keys WHERE user_id = $1 AND key = 'k-tx'`, [
      user,
    ])) as Array<{
      status: string;
      response: unknown;
    }>;
    expect(row).toEqual({ status: 'completed', response: { n: 2 } });
  });

  it('frees a key left in progress by a request that died more than five minutes ago', async () => {
    const user = randomUUID();
    await t.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, scope, status, created_at) VALUES ($1, 'k-4', 'submit:a', 'in_progress', now() - interval '6 minutes')`,
      [user],
    );
    expect(await idem.run(user, 'k-4', 'submit:a', () => Promise.resolve('ran'))).toBe('ran');
  });

  it('keys belong to one user: the same key of another user runs on its own', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await idem.run(a, 'shared', 'submit:x', () => Promise.resolve('a'))).toBe('a');
    expect(await idem.run(b, 'shared', 'submit:x', () => Promise.resolve('b'))).toBe('b');
  });
});
