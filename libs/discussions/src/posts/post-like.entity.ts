import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DiscussionPostEntity } from './post.entity';

/** One like of a user on a post: the primary key makes it one per user. */
@Entity('discussion_likes')
@Index('IDX_discussion_likes_user', ['userId'])
export class DiscussionLikeEntity {
  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId: string;

  @ManyToOne(() => DiscussionPostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: DiscussionPostEntity;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
