import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RoundMode } from '../domain/discussion-rules';

/**
 * A discussion round of a study: a themed prompt participants answer between
 * `opens_at` and `closes_at`. `study_id` carries no foreign key: studies belong to
 * another context (contexts do not reach into each other's tables).
 */
@Entity('discussion_rounds')
@Index('IDX_discussion_rounds_study', ['studyId', 'opensAt'])
@Check('CHK_discussion_rounds_window', `"closes_at" > "opens_at"`)
@Check('CHK_discussion_rounds_mode', `"mode" IN ('open', 'post_first')`)
export class DiscussionRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 10_000 })
  prompt: string;

  @Column({ type: 'varchar', length: 20 })
  mode: RoundMode;

  /** paged on (opens_at, id): millisecond precision so that the cursor matches exactly */
  @Column({ name: 'opens_at', type: 'timestamptz', precision: 3 })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz', precision: 3 })
  closesAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
