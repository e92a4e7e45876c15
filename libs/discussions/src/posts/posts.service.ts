import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, Clock, IdempotencyService, invalid, toPage, type AuthUser, type Page, type PageQueryDto } from '@leadpanel/platform';
import { PanellistsService, PersonalDataRegistry, PointsService } from '@leadpanel/panel';
import { StudyDirectory } from '@leadpanel/studies';
import { DiscussionAccess, type Access } from '../access/discussion-access';
import { CodeRepository, type CodeRef } from '../codes/code.repository';
import {
  codeIdsCheck,
  DISCUSSION_LIMITS,
  editWindowOpen,
  mayWrite,
  moderationChanges,
  moderationProblems,
  moderationRefusal,
  normalizeText,
  readGate,
  replyParentProblem,
  roundState,
  visibleTo,
  type IdeaStatus,
  type ModerationInput,
  type PostKind,
  type PostOrder,
} from '../domain/discussion-rules';
import { DiscussionError } from '../discussions.errors';
import type { DiscussionRoundEntity } from '../rounds/round.entity';
import { RoundRepository } from '../rounds/round.repository';
import type { DiscussionPostEntity } from './post.entity';
import { PostRepository } from './post.repository';

export const DISCUSSION_POST_REASON = 'discussion_post';

/**
 * Who wrote a post, as the reader may know it. Panellists see other panellists by their
 * study pseudonym only (`P-07`), never an id or a name; researchers also get the
 * panellist id. Researchers' posts show as `{role: "researcher"}` (with the user id for
 * researchers).
 */
export interface PostAuthorView {
  role: 'panellist' | 'researcher';
  pseudonym?: string;
  panellistId?: string;
  userId?: string;
}

export interface PostView {
  id: string;
  roundId: string;
  parentId: string | null;
  kind: PostKind;
  /** plain text, exactly as stored (trimmed): never HTML */
  body: string;
  author: PostAuthorView;
  /** whether the reader wrote it */
  mine: boolean;
  likes: number;
  likedByMe: boolean;
  /** replies the reader can see */
  replyCount: number;
  pinned: boolean;
  /** researchers only */
  hidden?: boolean;
  /** ideas only */
  ideaStatus?: IdeaStatus;
  /** researchers only */
  codes?: CodeRef[];
  createdAt: Date;
  editedAt: Date | null;
}

export interface NewPostInput {
  body: string;
  parentId?: string;
  kind?: PostKind;
}

export interface PostListFilters {
  pinned?: boolean;
  kind?: PostKind;
  /** researchers: hidden posts only (true) or visible ones only (false); panellists see no hidden post */
  hidden?: boolean;
  order?: PostOrder;
}

interface Readable {
  post: DiscussionPostEntity;
  round: DiscussionRoundEntity;
  access: Access;
}

/**
 * Posts, replies, likes, moderation and the codes of a post. Every path checks access
 * first (the study's researchers and enrolled participants), then the post-first gate
 * (on every read path: list, single post, replies; and on replies and likes), then
 * visibility (hidden posts and the replies under them vanish for panellists). Reads
 * through other services happen before a transaction opens (one connection when embedded).
 */
@Injectable()
export class PostsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly posts: PostRepository,
    private readonly rounds: RoundRepository,
    private readonly codes: CodeRepository,
    private readonly access: DiscussionAccess,
    private readonly directory: StudyDirectory,
    private readonly points: PointsService,
    private readonly panellists: PanellistsService,
    private readonly personalData: PersonalDataRegistry,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.personalData.registerExport('discussions', async (panellistId) => ({
      posts: (await this.posts.writtenBy(panellistId)).map((p) => ({
        id: p.id,
        studyId: p.studyId,
        roundId: p.roundId,
        parentId: p.parentId,
        kind: p.kind,
        body: p.body,
        createdAt: p.createdAt,
        editedAt: p.editedAt,
      })),
      likes: (await this.posts.likesBy(panellistId)).map((l) => ({ postId: l.postId, at: l.createdAt })),
    }));
    this.personalData.registerErasure('discussions', (em, panellistId) => this.posts.eraseAuthor(em, panellistId));
  }

  /**
   * A top-level post or a reply. A participant's first top-level post in the round credits
   * the study's post points, once; a retry with the same Idempotency-Key gets the first
   * post back, not a second one.
   */
  create(actor: AuthUser, roundId: string, input: NewPostInput, idempotencyKey?: string): Promise<PostView> {
    return this.idempotency.run(actor.id, idempotencyKey, `discussion-post:${roundId.toLowerCase()}`, () =>
      this.createOnce(actor, roundId, input),
    );
  }

  private async createOnce(actor: AuthUser, roundId: string, input: NewPostInput): Promise<PostView> {
    const round = await this.round(roundId);
    const access = await this.access.forWriting(actor, round.studyId, 'ROUND_NOT_FOUND');
    const body = normalizeText(input.body, 'body', DISCUSSION_LIMITS.body);
    if (!body.ok) invalid([body.problem]);
    this.assertWritable(access, round);
    let parentId: string | null = null;
    if (input.parentId !== undefined) {
      await this.assertGate(access, round, actor);
      const wanted = input.parentId.toLowerCase(); // PostgreSQL answers lower case, clients may send upper case
      const parent = await this.posts.findById(wanted);
      const problem = replyParentProblem(access.role, round.id, wanted, parent);
      if (problem) throw new DiscussionError('INVALID_PARENT', problem);
      parentId = wanted;
    }
    const post = await this.dataSource.transaction(async (em) => {
      const firstTopLevel = access.role === 'panellist' && parentId === null && !(await this.posts.hasTopLevelPost(round.id, actor.id, em));
      const p = await this.posts.insert(em, {
        roundId: round.id,
        studyId: round.studyId,
        parentId,
        authorUserId: actor.id,
        authorRole: access.role,
        kind: input.kind ?? 'comment',
        body: body.value,
      });
      if (firstTopLevel && access.study.postPoints > 0) {
        await this.points.credit(em, {
          panellistId: actor.id,
          delta: access.study.postPoints,
          reason: DISCUSSION_POST_REASON,
          key: `discussion-post:${round.id}:${actor.id}`,
          note: round.title,
        });
      }
      if (access.role === 'panellist') await this.panellists.touch(actor.id, em);
      return p;
    });
    return this.viewOne(access, actor, post);
  }

  /** A round's top-level posts in discussion order, or newest first (pinned ones flagged; `pinned=true` lists only them; researchers may list the hidden ones only). */
  async list(actor: AuthUser, roundId: string, query: PageQueryDto & PostListFilters): Promise<Page<PostView>> {
    const round = await this.round(roundId);
    const access = await this.access.forStudy(actor, round.studyId, 'ROUND_NOT_FOUND');
    await this.assertGate(access, round, actor);
    const rows = await this.posts.listTopLevel(
      round.id,
      { includeHidden: access.role === 'researcher', pinned: query.pinned, kind: query.kind, hidden: query.hidden, order: query.order },
      query,
    );
    return this.page(access, actor, rows, query);
  }

  async get(actor: AuthUser, postId: string): Promise<PostView> {
    const { post, access } = await this.readable(actor, postId);
    return this.viewOne(access, actor, post);
  }

  /** The replies to a post, oldest first (a reply has none: threads are one level deep). */
  async replies(actor: AuthUser, postId: string, query: PageQueryDto): Promise<Page<PostView>> {
    const { post, access } = await this.readable(actor, postId);
    return this.page(access, actor, await this.posts.listReplies(post.id, access.role === 'researcher', query), query);
  }

  /**
   * The author edits the body within 15 minutes of writing it (409 EDIT_WINDOW_CLOSED after),
   * while they may still write in the round. Nobody else may (403 NOT_AUTHOR); a hidden post
   * is not editable (a panellist no longer sees it: 404; a researcher author: 409 POST_HIDDEN).
   */
  async edit(actor: AuthUser, postId: string, rawBody: string): Promise<PostView> {
    const { post, round, access } = await this.readable(actor, postId, true);
    if (post.authorUserId !== actor.id) throw new DiscussionError('NOT_AUTHOR', 'Only the author may edit a post');
    if (post.hidden) throw new DiscussionError('POST_HIDDEN', 'A hidden post cannot be edited');
    const body = normalizeText(rawBody, 'body', DISCUSSION_LIMITS.body);
    if (!body.ok) invalid([body.problem]);
    this.assertWritable(access, round);
    const now = this.clock.now();
    if (!editWindowOpen(post.createdAt, now)) {
      throw new DiscussionError('EDIT_WINDOW_CLOSED', 'A post can be edited for 15 minutes after it was written');
    }
    const edited = await this.dataSource.transaction(async (em) => {
      const locked = await this.posts.lock(em, post.id);
      if (!locked) throw new DiscussionError('POST_NOT_FOUND', 'Post was not found');
      if (locked.hidden) {
        // hidden while the author was typing
        if (access.role === 'panellist') throw new DiscussionError('POST_NOT_FOUND', 'Post was not found');
        throw new DiscussionError('POST_HIDDEN', 'A hidden post cannot be edited');
      }
      await this.posts.updateBody(em, post.id, body.value, now);
      return (await this.posts.findById(post.id, em))!;
    });
    return this.viewOne(access, actor, edited);
  }

  /**
   * Like (`on`) or unlike: one like per user and post, so a repeat changes nothing and
   * answers the same count. Post-first gate and hidden posts as for reading; participants
   * only while the round is open; nobody likes their own post (422 OWN_POST).
   */
  async like(actor: AuthUser, postId: string, on: boolean): Promise<{ likes: number }> {
    const { post, round, access } = await this.readable(actor, postId, true);
    if (on && post.authorUserId === actor.id) throw new DiscussionError('OWN_POST', 'You wrote this post; likes are for the others');
    this.assertWritable(access, round);
    const likes = await this.dataSource.transaction((em) =>
      on ? this.posts.addLike(em, post.id, actor.id) : this.posts.removeLike(em, post.id, actor.id),
    );
    return { likes };
  }

  /**
   * Moderation by a researcher: hide or show, pin or unpin, set an idea's status. At least
   * one field (400); an idea status only on an idea, a pin only on a top-level post (422).
   * Every action is audited with what it changed, in the same transaction.
   */
  async moderate(actor: AuthUser, postId: string, input: ModerationInput): Promise<PostView> {
    const problems = moderationProblems(input);
    if (problems.length) invalid(problems);
    const { post, access } = await this.researcherPost(actor, postId);
    const refusal = moderationRefusal(input, post);
    if (refusal) throw new DiscussionError(refusal.code, refusal.message);
    const moderated = await this.dataSource.transaction(async (em) => {
      const locked = await this.posts.lock(em, post.id);
      if (!locked) throw new DiscussionError('POST_NOT_FOUND', 'Post was not found');
      const changes = moderationChanges(input, locked);
      await this.posts.applyModeration(em, locked.id, {
        ...(input.hidden !== undefined ? { hidden: input.hidden } : {}),
        ...(input.pinned !== undefined ? { pinned: input.pinned } : {}),
        ...(input.ideaStatus !== undefined ? { ideaStatus: input.ideaStatus } : {}),
      });
      await this.audit.record(
        {
          action: 'discussion.post_moderated',
          targetType: 'post',
          targetId: locked.id,
          data: { studyId: locked.studyId, roundId: locked.roundId, ...changes },
        },
        em,
      );
      return (await this.posts.findById(locked.id, em))!;
    });
    return this.viewOne(access, actor, moderated);
  }

  /** Replaces the codes of a post with codes of its study's code book (400 naming each other one). */
  async setCodes(actor: AuthUser, postId: string, codeIds: string[]): Promise<PostView> {
    const { post, access } = await this.researcherPost(actor, postId);
    const { ids, problems } = codeIdsCheck(codeIds, await this.codes.idsOfStudy(post.studyId));
    if (problems.length) invalid(problems);
    await this.dataSource.transaction(async (em) => {
      // serialises concurrent replacements of the same post's codes
      if (!(await this.posts.lock(em, post.id))) throw new DiscussionError('POST_NOT_FOUND', 'Post was not found');
      await this.codes.setPostCodes(em, post.id, ids);
      await this.audit.record(
        { action: 'discussion.post_coded', targetType: 'post', targetId: post.id, data: { studyId: post.studyId, codeIds: ids } },
        em,
      );
    });
    return this.viewOne(access, actor, post);
  }

  private async round(roundId: string): Promise<DiscussionRoundEntity> {
    const round = await this.rounds.findById(roundId);
    if (!round) throw new DiscussionError('ROUND_NOT_FOUND', 'Round was not found');
    return round;
  }

  /**
   * A post the caller may read (or, `writing`, change: edit, like): access (404 for a
   * panellist of another study), then the post-first gate, then visibility (404 for a
   * panellist when it or its parent is hidden).
   */
  private async readable(actor: AuthUser, postId: string, writing = false): Promise<Readable> {
    const post = await this.posts.findById(postId);
    if (!post) throw new DiscussionError('POST_NOT_FOUND', 'Post was not found');
    const round = await this.round(post.roundId);
    const access = writing
      ? await this.access.forWriting(actor, round.studyId, 'POST_NOT_FOUND')
      : await this.access.forStudy(actor, round.studyId, 'POST_NOT_FOUND');
    await this.assertGate(access, round, actor);
    const parent = access.role === 'panellist' && post.parentId ? await this.posts.findById(post.parentId) : null;
    if (!visibleTo(access.role, post, parent)) throw new DiscussionError('POST_NOT_FOUND', 'Post was not found');
    return { post, round, access };
  }

  private async researcherPost(actor: AuthUser, postId: string): Promise<{ post: DiscussionPostEntity; access: Access }> {
    const post = await this.posts.findById(postId);
    if (!post) throw new DiscussionError('POST_NOT_FOUND', 'Post was not found');
    const access = await this.access.forStudy(actor, post.studyId, 'POST_NOT_FOUND');
    if (access.role !== 'researcher') throw new DiscussionError('NOT_A_PARTICIPANT', 'Only researchers moderate and code posts');
    return { post, access };
  }

  private async assertGate(access: Access, round: DiscussionRoundEntity, actor: AuthUser): Promise<void> {
    if (access.role === 'researcher' || round.mode === 'open') return;
    const hasOwnTopLevelPost = await this.posts.hasTopLevelPost(round.id, actor.id);
    if (readGate({ role: access.role, mode: round.mode, hasOwnTopLevelPost }) === 'post_first') {
      throw new DiscussionError('POST_FIRST', 'This is a post-first round: write your own top-level post before reading the others');
    }
  }

  private assertWritable(access: Access, round: DiscussionRoundEntity): void {
    if (access.study.status === 'closed')
      throw new DiscussionError('STUDY_CLOSED', 'The study is closed: its discussions take no more posts');
    const state = roundState(round, this.clock.now());
    if (!mayWrite(access.role, state)) {
      throw new DiscussionError(
        'ROUND_NOT_OPEN',
        state === 'scheduled' ? `The round opens at ${round.opensAt.toISOString()}` : `The round closed at ${round.closesAt.toISOString()}`,
      );
    }
  }

  private async page(access: Access, actor: AuthUser, rows: DiscussionPostEntity[], query: PageQueryDto): Promise<Page<PostView>> {
    const page = toPage(
      rows,
      query,
      (r) => r,
      (r) => r.createdAt,
    );
    return { items: await this.views(access, actor, page.items), nextCursor: page.nextCursor };
  }

  private async viewOne(access: Access, actor: AuthUser, post: DiscussionPostEntity): Promise<PostView> {
    return (await this.views(access, actor, [post]))[0];
  }

  /** Posts as this reader may see them (outside any transaction: pseudonyms may be assigned on the way). */
  private async views(access: Access, actor: AuthUser, posts: DiscussionPostEntity[]): Promise<PostView[]> {
    const researcher = access.role === 'researcher';
    const ids = posts.map((p) => p.id);
    const [liked, replies, codes, pseudonyms] = [
      await this.posts.likedBy(actor.id, ids),
      await this.posts.replyCounts(ids, researcher),
      researcher ? await this.codes.ofPosts(ids) : null,
      await this.directory.pseudonyms(
        access.study.id,
        posts.filter((p) => p.authorRole === 'panellist').map((p) => p.authorUserId),
      ),
    ];
    return posts.map((p) => ({
      id: p.id,
      roundId: p.roundId,
      parentId: p.parentId,
      kind: p.kind,
      body: p.body,
      author:
        p.authorRole === 'researcher'
          ? { role: 'researcher', ...(researcher ? { userId: p.authorUserId } : {}) }
          : {
              role: 'panellist',
              pseudonym: pseudonyms.get(p.authorUserId) ?? 'P-??',
              ...(researcher ? { panellistId: p.authorUserId } : {}),
            },
      mine: p.authorUserId === actor.id,
      likes: p.likesCount,
      likedByMe: liked.has(p.id),
      replyCount: replies.get(p.id) ?? 0,
      pinned: p.pinned,
      ...(researcher ? { hidden: p.hidden } : {}),
      ...(p.kind === 'idea' && p.ideaStatus ? { ideaStatus: p.ideaStatus } : {}),
      ...(codes ? { codes: codes.get(p.id) ?? [] } : {}),
      createdAt: p.createdAt,
      editedAt: p.editedAt,
    }));
  }
}
