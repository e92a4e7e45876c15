import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FeedbackItemEntity } from './feedback-item.entity';

/** A researcher's note on an item. Notes are a history: added, never edited. */
@Entity('feedback_notes')
@Index('IDX_feedback_notes_feedback', ['feedbackId', 'createdAt'])
export class FeedbackNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'feedback_id', type: 'uuid' })
  feedbackId: string;

  @ManyToOne(() => FeedbackItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'feedback_id' })
  feedback?: FeedbackItemEntity;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'varchar', length: 5_000 })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
