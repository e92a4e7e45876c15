import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { Repository } from 'typeorm';
import { ConflictError, ValidationError } from '../errors/domain-error';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;
const WAIT_FOR_FIRST_MS = 10_000;
const STALE_AFTER_SECONDS = 300;

/**
 * `Idempotency-Key` for submit-type requests: the first request with a key runs;
 * a retry with the same key gets the first result and has no second effect. A
 * retry that arrives while the first still runs waits for it. A failed first
 * request frees the key (nothing happened, so a retry may run).
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectRepository(IdempotencyKeyEntity) private readonly keys: Repository<IdempotencyKeyEntity>) {}

  async run<T>(userId: string, key: string | undefined, scope: string, fn: () => Promise<T>): Promise<T> {
    if (key === undefined) return fn();
    if (!KEY.test(key)) {
      throw new ValidationError('Idempotency-Key must be 1–200 letters, digits or . _ : -', [
        { field: 'Idempotency-Key', message: 'invalid key' },
      ]);
    }
    // a first request that died mid-way (crash, kill) leaves its key in progress: free it after a while
    await this.keys
      .createQueryBuilder()
      .delete()
      .where("user_id = :userId AND key = :key AND status = 'in_progress' AND created_at < now() - make_interval(secs => :secs)", {
        userId,
        key,
        secs: STALE_AFTER_SECONDS,
      })
      .execute();
    const inserted = await this.keys
      .createQueryBuilder()
      .insert()
      .values({ userId, key, scope, status: 'in_progress' })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return this.replay<T>(userId, key, scope);
    try {
      const result = await fn();
      await this.keys.update({ userId, key }, { status: 'completed', response: result as never });
      return result;
    } catch (err) {
      await this.keys.delete({ userId, key, status: 'in_progress' });
      throw err;
    }
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
