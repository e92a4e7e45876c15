import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The first response to a submit-type request, by (user, Idempotency-Key): a retry gets it back. */
@Entity('idempotency_keys')
@Unique('UQ_idempotency_user_key', ['userId', 'key'])
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 200 })
  key: string;

  /** what the key was used for (method and path): the same key on another request is refused */
  @Column({ type: 'varchar', length: 300 })
  scope: string;

  @Column({ type: 'varchar', length: 20, default: 'in_progress' })
  status: 'in_progress' | 'completed';

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
