import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { PageQueryDto } from '@leadpanel/platform';
import type { IdeaStatus, PostKind, PostOrder } from '../domain/discussion-rules';
import { applyAscendingKeyset, applyDescendingKeyset } from '../paging';
import { DiscussionLikeEntity } from './post-like.entity';
import { DiscussionPostEntity } from './post.entity';

export type NewPost = Pick<DiscussionPostEntity, 'roundId' | 'studyId' | 'parentId' | 'authorUserId' | 'authorRole' | 'kind' | 'body'>;

export interface PostFilters {
  /** researchers see hidden posts; panellists never do */
  includeHidden: boolean;
  pinned?: boolean;
  kind?: PostKind;
  /** true: hidden posts only, false: visible ones only (with includeHidden; without it, hidden: true matches nothing) */
  hidden?: boolean;
  order?: PostOrder;
}

export const ERASED_POST_TEXT = '[erased]';

/** The only place that speaks TypeORM for discussion posts and likes. */
@Injectable()
export class PostRepository {
  constructor(
    @InjectRepository(DiscussionPostEntity) private readonly posts: Repository<DiscussionPostEntity>,
    @InjectRepository(DiscussionLikeEntity) private readonly likes: Repository<DiscussionLikeEntity>,
  ) {}

  private repo(em?: EntityManager): Repository<DiscussionPostEntity> {
    return em ? em.getRepository(DiscussionPostEntity) : this.posts;
  }

  /** Inserts a post and answers the row as stored. An idea starts with the status `new`. */
  async insert(em: EntityManager, post: NewPost): Promise<DiscussionPostEntity> {
    const repo = em.getRepository(DiscussionPostEntity);
    const saved = await repo.save(repo.create({ ...post, ideaStatus: post.kind === 'idea' ? 'new' : null, likesCount: 0 }));
    return repo.findOneOrFail({ where: { id: saved.id } });
  }

  findById(id: string, em?: EntityManager): Promise<DiscussionPostEntity | null> {
    return this.repo(em).findOne({ where: { id } });
  }

  /** Locks the post row for a change (moderation, edit). */
  lock(em: EntityManager, id: string): Promise<DiscussionPostEntity | null> {
    return em.getRepository(DiscussionPostEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  /** Whether the user has a top-level post in the round (hidden or not): the post-first gate. */
  async hasTopLevelPost(roundId: string, userId: string, em?: EntityManager): Promise<boolean> {
    return (
      (await this.repo(em)
        .createQueryBuilder('p')
        .where('p.round_id = :roundId AND p.author_user_id = :userId AND p.parent_id IS NULL', { roundId, userId })
        .getCount()) > 0
    );
  }

  /** Of these rounds, those where the user has a top-level post. */
  async roundsWithTopLevelPostBy(roundIds: string[], userId: string): Promise<Set<string>> {
    if (roundIds.length === 0) return new Set();
    const rows = (await this.posts.query(
      `SELECT DISTINCT round_id AS id FROM discussion_posts WHERE round_id = ANY($1::uuid[]) AND author_user_id = $2 AND parent_id IS NULL`,
      [roundIds, userId],
    )) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  /** Everyone with a top-level post in the round. */
  async topLevelAuthors(roundId: string): Promise<Set<string>> {
    const rows = (await this.posts.query(
      `SELECT DISTINCT author_user_id AS id FROM discussion_posts WHERE round_id = $1 AND parent_id IS NULL`,
      [roundId],
    )) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  /** One page of a round's top-level posts, in discussion order (oldest first). */
  listTopLevel(roundId: string, filters: PostFilters, query: PageQueryDto): Promise<DiscussionPostEntity[]> {
    const qb = this.posts.createQueryBuilder('p').where('p.round_id = :roundId AND p.parent_id IS NULL', { roundId });
    if (!filters.includeHidden) qb.andWhere('p.hidden = false');
    if (filters.pinned !== undefined) qb.andWhere('p.pinned = :pinned', { pinned: filters.pinned });
    if (filters.kind) qb.andWhere('p.kind = :kind', { kind: filters.kind });
    if (filters.hidden !== undefined) qb.andWhere('p.hidden = :hidden', { hidden: filters.hidden });
    return (filters.order === 'newest' ? applyDescendingKeyset(qb, 'p', query) : applyAscendingKeyset(qb, 'p', query)).getMany();
  }

  /** One page of the replies to a post, oldest first. */
  listReplies(parentId: string, includeHidden: boolean, query: PageQueryDto): Promise<DiscussionPostEntity[]> {
    const qb = this.posts.createQueryBuilder('p').where('p.parent_id = :parentId', { parentId });
    if (!includeHidden) qb.andWhere('p.hidden = false');
    return applyAscendingKeyset(qb, 'p', query).getMany();
  }

  /** Of these posts, those the user likes. */
  async likedBy(userId: string, postIds: string[]): Promise<Set<string>> {
    if (postIds.length === 0) return new Set();
    const rows = (await this.likes.query(`SELECT post_id AS id FROM discussion_likes WHERE user_id = $1 AND post_id = ANY($2::uuid[])`, [
      userId,
      postIds,
    ])) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  /** The number of replies of each post (hidden ones only when asked for). */
  async replyCounts(postIds: string[], includeHidden: boolean): Promise<Map<string, number>> {
    if (postIds.length === 0) return new Map();
    const rows = (await this.posts.query(
      `SELECT parent_id AS id, count(*)::int AS n FROM discussion_posts
        WHERE parent_id = ANY($1::uuid[]) AND ($2::boolean OR NOT hidden) GROUP BY parent_id`,
      [postIds, includeHidden],
    )) as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  async updateBody(em: EntityManager, id: string, body: string, editedAt: Date): Promise<void> {
    await em.getRepository(DiscussionPostEntity).update({ id }, { body, editedAt });
  }

  async applyModeration(
    em: EntityManager,
    id: string,
    change: { hidden?: boolean; pinned?: boolean; ideaStatus?: IdeaStatus },
  ): Promise<void> {
    await em.getRepository(DiscussionPostEntity).update({ id }, change);
  }

  /**
   * Records a like and returns the post's count. A second like by the same user inserts
   * nothing (ON CONFLICT DO NOTHING on the primary key) and leaves the count alone; a
   * concurrent duplicate waits for the first and then does nothing. The count moves
   * without touching updated_at: a like is not an edit of the post.
   */
  async addLike(em: EntityManager, postId: string, userId: string): Promise<number> {
    const res = await em
      .createQueryBuilder()
      .insert()
      .into(DiscussionLikeEntity)
      .values({ postId, userId })
      .orIgnore()
      .returning(['postId'])
      .execute();
    if ((res.raw as unknown[]).length > 0) return this.moveLikes(em, postId, +1);
    return this.likesOf(em, postId);
  }

  /** Removes a like if there is one and returns the post's count. */
  async removeLike(em: EntityManager, postId: string, userId: string): Promise<number> {
    const [rows] = (await em.query(`DELETE FROM discussion_likes WHERE post_id = $1 AND user_id = $2 RETURNING post_id`, [
      postId,
      userId,
    ])) as [unknown[], number];
    if (rows.length > 0) return this.moveLikes(em, postId, -1);
    return this.likesOf(em, postId);
  }

  private async moveLikes(em: EntityManager, postId: string, delta: 1 | -1): Promise<number> {
    // UPDATE through query(): TypeORM answers [rows, affected] for an UPDATE
    const [rows] = (await em.query(`UPDATE discussion_posts SET likes_count = likes_count + $2 WHERE id = $1 RETURNING likes_count`, [
      postId,
      delta,
    ])) as [Array<{ likes_count: number }>, number];
    return rows[0].likes_count;
  }

  private async likesOf(em: EntityManager, postId: string): Promise<number> {
    return (await em.getRepository(DiscussionPostEntity).findOneOrFail({ where: { id: postId }, select: { id: true, likesCount: true } }))
      .likesCount;
  }

  /** Data rights: what a user wrote, and what they liked. */
  writtenBy(userId: string): Promise<DiscussionPostEntity[]> {
    return this.posts.find({ where: { authorUserId: userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  likesBy(userId: string): Promise<DiscussionLikeEntity[]> {
    return this.likes.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  /**
   * Erasure: the author's post bodies are blanked (the posts stay, so threads, likes,
   * codes and counts remain true) and their likes are taken back, counts included.
   */
  async eraseAuthor(em: EntityManager, userId: string): Promise<void> {
    await em.getRepository(DiscussionPostEntity).update({ authorUserId: userId }, { body: ERASED_POST_TEXT });
    await em.query(
      `WITH gone AS (DELETE FROM discussion_likes WHERE user_id = $1 RETURNING post_id)
       UPDATE discussion_posts p SET likes_count = p.likes_count - g.n
         FROM (SELECT post_id, count(*)::int AS n FROM gone GROUP BY post_id) g
        WHERE p.id = g.post_id`,
      [userId],
    );
  }
}
