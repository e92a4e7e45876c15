import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { EntityManager, Repository } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert';
import { OutboxMessageEntity } from './outbox-message.entity';

const OUTBOX_COLUMNS = {
  topic: 'varchar',
  payload: 'jsonb',
  available_at: 'timestamptz',
  dedupe_key: 'varchar',
  subject_id: 'uuid',
} as const;

export interface OutboxMessageInput {
  topic: string;
  payload: Record<string, unknown>;
  /** run no earlier than this */
  availableAt?: Date;
  /** a second message with the same key is silently not written */
  dedupeKey?: string;
  subjectId?: string;
}

/** The only way domain code schedules work: inside its own transaction (`em`). */
@Injectable()
export class OutboxService {
  private listeners: Array<() => void> = [];

  constructor(@InjectRepository(OutboxMessageEntity) private readonly repo: Repository<OutboxMessageEntity>) {}

  /** Writes messages with the caller's transaction. Returns the ids written (deduplicated ones are left out). */
  async add(em: EntityManager, ...messages: OutboxMessageInput[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const rows = messages.map((m) => ({
      topic: m.topic,
      payload: m.payload,
      available_at: (m.availableAt ?? new Date()).toISOString(),
      dedupe_key: m.dedupeKey ?? null,
      subject_id: m.subjectId ?? null,
    }));
    // ON CONFLICT DO NOTHING: only the dedupe key can conflict
    const written = await bulkInsert<{ id: string }>(em, 'outbox_messages', OUTBOX_COLUMNS, rows, {
      returning: ['id'],
      ignoreConflicts: true,
    });
    return written.map((r) => r.id);
  }

  /** Tells the dispatcher there is work now (call after commit); it polls anyway. */
  nudge(): void {
    for (const l of this.listeners) l();
  }

  onNudge(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Cancels pending jobs about a person (erasure). */
  async cancelForSubject(em: EntityManager, subjectId: string): Promise<number> {
    const res = await em
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ status: 'cancelled' })
      .where('subject_id = :subjectId AND status = :status', { subjectId, status: 'pending' })
      .execute();
    return res.affected ?? 0;
  }

  /** Cancels pending messages by their dedupe keys (e.g. reminders no longer needed). */
  async cancelByDedupeKeys(em: EntityManager, keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const res = await em
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ status: 'cancelled' })
      .where('dedupe_key IN (:...keys) AND status = :status', { keys, status: 'pending' })
      .execute();
    return res.affected ?? 0;
  }

  /**
   * A worker ran the message's job to its end (done, or failed for good with `error`): it is
   * dispatched. Until then a message handed to BullMQ stays pending under its lease, so that the
   * dispatcher hands it over again should Redis lose it. Not an outbox id (no such row): nothing.
   */
  async markDone(id: string, error: string | null): Promise<void> {
    if (!isUUID(id)) return;
    await this.repo.query(
      `UPDATE outbox_messages SET status = 'dispatched', dispatched_at = now(), lease_until = NULL, last_error = $2 WHERE id = $1 AND status = 'pending'`,
      [id, error === null ? null : error.slice(0, 1000)],
    );
  }

  async pendingCount(): Promise<number> {
    return this.repo.count({ where: { status: 'pending' } });
  }

  async findByDedupeKey(dedupeKey: string): Promise<OutboxMessageEntity | null> {
    return this.repo.findOne({ where: { dedupeKey } });
  }
}
