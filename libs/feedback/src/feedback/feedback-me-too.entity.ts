import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FeedbackItemEntity } from './feedback-item.entity';

/** One "me too" of a participant on an item: the primary key makes it one per participant. */
@Entity('feedback_me_too')
@Index('IDX_feedback_me_too_panellist', ['panellistId'])
export class FeedbackMeTooEntity {
  @PrimaryColumn({ name: 'feedback_id', type: 'uuid' })
  feedbackId: string;

  @ManyToOne(() => FeedbackItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'feedback_id' })
  feedback?: FeedbackItemEntity;

  @PrimaryColumn({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
