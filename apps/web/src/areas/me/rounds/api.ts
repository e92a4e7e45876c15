import {
  postsControllerCreate,
  postsControllerLike,
  postsControllerList,
  postsControllerReplies,
  postsControllerUnlike,
  roundsControllerGet,
  roundsControllerList,
  type PostPageDto,
  type PostResponseDto,
  type RoundPageDto,
  type RoundResponseDto,
} from '../../../api/generated';

export type Round = RoundResponseDto;
export type Post = PostResponseDto;
export type PostPage = PostPageDto;
export type RoundPage = RoundPageDto;
export type PostKind = 'comment' | 'idea';

/**
 * What the round pages need from the API. The default goes through the generated client;
 * tests pass a fake. Every call throws the problem+json body on an error answer.
 */
export interface DiscussionApi {
  rounds(studyId: string): Promise<RoundPage>;
  round(roundId: string): Promise<Round>;
  posts(roundId: string, query: { pinned: boolean; cursor?: string; limit: number }): Promise<PostPage>;
  replies(postId: string): Promise<PostPage>;
  write(roundId: string, input: { body: string; kind?: PostKind; parentId?: string }): Promise<Post>;
  like(postId: string, on: boolean): Promise<{ likes: number }>;
}

export const sdkDiscussionApi: DiscussionApi = {
  rounds: async (studyId) => (await roundsControllerList({ path: { id: studyId }, query: { limit: 100 }, throwOnError: true })).data,
  round: async (roundId) => (await roundsControllerGet({ path: { id: roundId }, throwOnError: true })).data,
  posts: async (roundId, query) => (await postsControllerList({ path: { id: roundId }, query, throwOnError: true })).data,
  replies: async (postId) => (await postsControllerReplies({ path: { id: postId }, query: { limit: 100 }, throwOnError: true })).data,
  write: async (roundId, body) => (await postsControllerCreate({ path: { id: roundId }, body, throwOnError: true })).data,
  like: async (postId, on) =>
    on
      ? (await postsControllerLike({ path: { id: postId }, throwOnError: true })).data
      : (await postsControllerUnlike({ path: { id: postId }, throwOnError: true })).data,
};
