import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DiscussionRole, IdeaStatus, PostKind } from '../domain/discussion-rules';
import { DiscussionRoundEntity } from '../rounds/round.entity';

/**
 * A post in a round: top-level (`parent_id` null) or a reply to a top-level post.
 * The body is plain text, stored exactly as trimmed. `author_user_id` is the user
 * (for a panellist, also the panellist id). `study_id` repeats the round's, so that
 * code counts and data rights need no join. `likes_count` is kept in step with
 * discussion_likes in the same transaction.
 */
@Entity('discussion_posts')
@Index('IDX_discussion_posts_round', ['roundId', 'createdAt'])
@Index('IDX_discussion_posts_parent', ['parentId', 'createdAt'])
@Index('IDX_discussion_posts_round_author', ['roundId', 'authorUserId'])
@Index('IDX_discussion_posts_author', ['authorUserId'])
@Check('CHK_discussion_posts_kind', `"kind" IN ('comment', 'idea')`)
@Check('CHK_discussion_posts_author_role', `"author_role" IN ('panellist', 'researcher')`)
@Check('CHK_discussion_posts_idea_status', `("kind" = 'idea') = ("idea_status" IS NOT NULL)`)
@Check('CHK_discussion_posts_likes', `"likes_count" >= 0`)
export class DiscussionPostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @ManyToOne(() => DiscussionRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: DiscussionRoundEntity;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => DiscussionPostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: DiscussionPostEntity | null;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ name: 'author_role', type: 'varchar', length: 20 })
  authorRole: DiscussionRole;

  @Column({ type: 'varchar', length: 20 })
  kind: PostKind;

  @Column({ type: 'varchar', length: 10_000 })
  body: string;

  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ name: 'idea_status', type: 'varchar', length: 20, nullable: true })
  ideaStatus: IdeaStatus | null;

  @Column({ name: 'likes_count', type: 'int', default: 0 })
  likesCount: number;

  @Column({ name: 'edited_at', type: 'timestamptz', precision: 3, nullable: true })
  editedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
