import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager, Repository } from 'typeorm';
import { ConflictError, ValidationError } from '../errors/domain-error';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;
const WAIT_FOR_FIRST_MS = 10_000;
const STALE_AFTER_SECONDS = 300;

/**
 * Records the result of the first request with a key inside the caller's own transaction
 * (the one that makes its effect), so that effect and "completed" commit together. Optional:
 * a result not recorded this way is recorded after `fn` returns.
 */
export type RecordResult<T> = (em: EntityManager, result: T) => Promise<void>;

/**
 * `Idempotency-Key` for submit-type requests: the first request with a key runs;
 * a retry with the same key gets the first result and has no second effect. A
 * retry that arrives while the first still runs waits for it. A failed first
 * request frees the key (nothing happened, so a retry may run).
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectRepository(IdempotencyKeyEntity) private readonly keys: Repository<IdempotencyKeyEntity>) {}

  async run<T>(userId: string, key: string | undefined, scope: string, fn: (record: RecordResult<T>) => Promise<T>): Promise<T> {
    if (key === undefined) return fn(() => Promise.resolve());
    if (!KEY.test(key)) {
      throw new ValidationError('Idempotency-Key must be 1–200 letters, digits or . _ : -', [
        { field: 'Idempotency-Key', message: 'invalid key' },
      ]);
    }
    if (!(await this.claim(userId, key, scope))) {
      // a first request that died mid-way (crash, kill) leaves its key in progress: free it after a while
      const stale = await this.keys
        .createQueryBuilder()
        .delete()
        .where("user_id = :userId AND key = :key AND status = 'in_progress' AND created_at < now() - make_interval(secs => :secs)", {
          userId,
          key,
          secs: STALE_AFTER_SECONDS,
        })
        .execute();
      if (!stale.affected || !(await this.claim(userId, key, scope))) return this.replay<T>(userId, key, scope);
    }
    let recorded = false;
    const record: RecordResult<T> = async (em, result) => {
      await em.getRepository(IdempotencyKeyEntity).update({ userId, key }, { status: 'completed', response: result as never });
      recorded = true;
    };
    try {
      const result = await fn(record);
      if (!recorded) await this.keys.update({ userId, key }, { status: 'completed', response: result as never });
      return result;
    } catch (err) {
      // a result recorded in a transaction that rolled back left the key in progress: freed here too
      await this.keys.delete({ userId, key, status: 'in_progress' });
      throw err;
    }
  }

  /** Inserts the key in progress; false when it exists (a retry, or a stale first request). */
  private async claim(userId: string, key: string, scope: string): Promise<boolean> {
    const inserted = await this.keys
      .createQueryBuilder()
      .insert()
      .values({ userId, key, scope, status: 'in_progress' })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length === 1;
  }

  private async replay<T>(userId: string, key: string, scope: string): Promise<T> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const row = await this.keys.findOne({ where: { userId, key } });
      if (!row) throw new ConflictError('IDEMPOTENCY_KEY_RETRY', 'The first request with this Idempotency-Key failed; retry it');
      if (row.scope !== scope) throw new ConflictError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request');
      if (row.status === 'completed') return row.response as T;
      if (Date.now() > deadline)
        throw new ConflictError('IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still running');
      await sleep(100);
    }
  }
}
