import {
  codesControllerCreate,
  codesControllerList,
  postsControllerCreate,
  postsControllerList,
  postsControllerModerate,
  postsControllerReplies,
  postsControllerSetCodes,
  roundsControllerCreate,
  roundsControllerGet,
  roundsControllerList,
  type CodePageDto,
  type CodeResponseDto,
  type CreateCodeDto,
  type CreatePostDto,
  type CreateRoundDto,
  type ModeratePostDto,
  type PostPageDto,
  type PostResponseDto,
  type PostsControllerListData,
  type RoundPageDto,
  type RoundResponseDto,
} from '../../../api/generated';
import { studioKeys } from '../api';

export type Round = RoundResponseDto;
export type Post = PostResponseDto;
export type Code = CodeResponseDto;
export type IdeaStatus = NonNullable<Post['ideaStatus']>;
export type PostsQuery = NonNullable<PostsControllerListData['query']>;

export const IDEA_STATUSES = ['new', 'under_review', 'selected', 'declined'] as const satisfies readonly IdeaStatus[];
export const PAGE_SIZE = 20;

/** The moderation queue's views: every top-level post, the pinned ones, the ideas, the hidden ones (filters of GET /rounds/:id/posts). */
export const POST_VIEWS = ['all', 'pinned', 'ideas', 'hidden'] as const;
export type PostView = (typeof POST_VIEWS)[number];
/** newest first (the queue's default: what came in last) or as the discussion happened */
export const POST_ORDERS = ['newest', 'oldest'] as const;
export type PostOrder = (typeof POST_ORDERS)[number];

/** The discussions pages' calls (the SDK in the app, a fake in the tests). */
export interface RoundsApi {
  listRounds(studyId: string, cursor?: string): Promise<RoundPageDto>;
  createRound(studyId: string, body: CreateRoundDto): Promise<Round>;
  getRound(roundId: string): Promise<Round>;
  listPosts(roundId: string, query: PostsQuery): Promise<PostPageDto>;
  listReplies(postId: string, cursor?: string): Promise<PostPageDto>;
  createPost(roundId: string, body: CreatePostDto): Promise<Post>;
  moderate(postId: string, body: ModeratePostDto): Promise<Post>;
  setCodes(postId: string, codeIds: string[]): Promise<Post>;
  listCodes(studyId: string): Promise<CodePageDto>;
  createCode(studyId: string, body: CreateCodeDto): Promise<Code>;
}

export const sdkRoundsApi: RoundsApi = {
  listRounds: async (id, cursor) =>
    (await roundsControllerList({ path: { id }, query: { limit: PAGE_SIZE, cursor }, throwOnError: true })).data,
  createRound: async (id, body) => (await roundsControllerCreate({ path: { id }, body, throwOnError: true })).data as Round,
  getRound: async (id) => (await roundsControllerGet({ path: { id }, throwOnError: true })).data as Round,
  listPosts: async (id, query) => (await postsControllerList({ path: { id }, query, throwOnError: true })).data,
  listReplies: async (id, cursor) =>
    (await postsControllerReplies({ path: { id }, query: { limit: PAGE_SIZE, cursor }, throwOnError: true })).data,
  createPost: async (id, body) => (await postsControllerCreate({ path: { id }, body, throwOnError: true })).data as Post,
  moderate: async (id, body) => (await postsControllerModerate({ path: { id }, body, throwOnError: true })).data as Post,
  setCodes: async (id, codeIds) => (await postsControllerSetCodes({ path: { id }, body: { codeIds }, throwOnError: true })).data as Post,
  // a code book holds tens of codes: its first 100 are the whole book in practice
  listCodes: async (id) => (await codesControllerList({ path: { id }, query: { limit: 100 }, throwOnError: true })).data,
  createCode: async (id, body) => (await codesControllerCreate({ path: { id }, body, throwOnError: true })).data as Code,
};

export const roundsKeys = {
  rounds: (studyId: string) => [...studioKeys.study(studyId), 'rounds'] as const,
  round: (studyId: string, roundId: string) => [...studioKeys.study(studyId), 'rounds', roundId] as const,
  posts: (studyId: string, roundId: string, view: PostView, order: PostOrder) =>
    [...studioKeys.study(studyId), 'rounds', roundId, 'posts', view, order] as const,
  replies: (studyId: string, roundId: string, postId: string) =>
    [...studioKeys.study(studyId), 'rounds', roundId, 'replies', postId] as const,
  codes: (studyId: string) => [...studioKeys.study(studyId), 'codes'] as const,
};

/** The GET /rounds/:id/posts query of a view, an order and a page's cursor. */
export function postsQueryOf(view: PostView, order: PostOrder, cursor?: string): PostsQuery {
  const query: PostsQuery = { limit: PAGE_SIZE, order };
  if (view === 'pinned') query.pinned = true;
  if (view === 'ideas') query.kind = 'idea';
  if (view === 'hidden') query.hidden = true;
  if (cursor) query.cursor = cursor;
  return query;
}

/** A value of <input type="datetime-local"> (local time, minutes) for a date. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The ISO instant of a datetime-local value (read in the browser's time zone); null when it is not a date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
