import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FeedbackKind, FeedbackSeverity } from './feedback-rules';
import type { FeedbackStatus } from './feedback-status';

/**
 * A piece of beta feedback filed by a study participant. `study_id` and
 * `product_id` carry no foreign key: studies and products belong to other contexts
 * (contexts do not reach into each other's tables). `me_too_count` is kept in step
 * with feedback_me_too in the same transaction.
 */
@Entity('feedback_items')
@Index('IDX_feedback_items_study_status', ['studyId', 'status'])
@Index('IDX_feedback_items_study_kind', ['studyId', 'kind'])
@Index('IDX_feedback_items_panellist', ['panellistId'])
@Check('CHK_feedback_items_severity', `("kind" = 'bug') = ("severity" IS NOT NULL)`)
@Check(
  'CHK_feedback_items_duplicate',
  `("status" = 'duplicate') = ("duplicate_of_id" IS NOT NULL) AND "duplicate_of_id" IS DISTINCT FROM "id"`,
)
@Check('CHK_feedback_items_me_too', `"me_too_count" >= 0`)
export class FeedbackItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  /** the author; researchers see it, brands never do (reports use pseudonyms) */
  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: FeedbackKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  severity: FeedbackSeverity | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  area: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 10_000 })
  body: string;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;

  @Column({ type: 'varchar', length: 20, default: 'new' })
  status: FeedbackStatus;

  @Column({ name: 'duplicate_of_id', type: 'uuid', nullable: true })
  duplicateOfId: string | null;

  @ManyToOne(() => FeedbackItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'duplicate_of_id' })
  duplicateOf?: FeedbackItemEntity | null;

  @Column({ name: 'me_too_count', type: 'int', default: 0 })
  meTooCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
