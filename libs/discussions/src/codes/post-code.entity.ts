import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DiscussionPostEntity } from '../posts/post.entity';
import { DiscussionCodeEntity } from './code.entity';

/** A code set on a post by a researcher: the primary key makes it once per post. */
@Entity('discussion_post_codes')
@Index('IDX_discussion_post_codes_code', ['codeId'])
export class DiscussionPostCodeEntity {
  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId: string;

  @ManyToOne(() => DiscussionPostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: DiscussionPostEntity;

  @PrimaryColumn({ name: 'code_id', type: 'uuid' })
  codeId: string;

  @ManyToOne(() => DiscussionCodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'code_id' })
  code?: DiscussionCodeEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
