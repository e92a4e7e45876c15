import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'dispatched' | 'cancelled';

/**
 * A job to hand to the queue, written in the same transaction as the change that
 * causes it. `availableAt` in the future makes it a delayed job (reminders,
 * usage surveys): the delay lives in PostgreSQL, so no queue outage loses it.
 */
@Entity('outbox_messages')
@Index('IDX_outbox_due', ['availableAt'], { where: `"status" = 'pending'` })
@Index('IDX_outbox_subject', ['subjectId'], { where: `"status" = 'pending'` })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  topic: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: OutboxStatus;

  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  /** Set while a dispatcher holds the message; an expired lease means it may be taken again. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'dispatch_attempts', type: 'int', default: 0 })
  dispatchAttempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** Makes "enqueue once" checks a constraint: e.g. `reminder:<assignment>:1`. */
  @Index('UQ_outbox_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  /** The person the job is about (a user id), so that erasure can cancel their pending jobs. */
  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
