import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { problemOf } from '../../../api/problem';
import { meKeys } from '../shared/api';
import type { DiscussionApi, Post, PostKind, PostPage, Round } from './api';

export const PAGE_SIZE = 20;

export const roundKeys = {
  round: (roundId: string) => ['me', 'round', roundId] as const,
  /** every list of posts of a round: pinned, the others, the replies of each post */
  lists: (roundId: string) => ['me', 'round', roundId, 'posts'] as const,
  pinned: (roundId: string) => ['me', 'round', roundId, 'posts', 'pinned'] as const,
  others: (roundId: string) => ['me', 'round', roundId, 'posts', 'others'] as const,
  replies: (roundId: string, postId: string) => ['me', 'round', roundId, 'posts', 'replies', postId] as const,
};

/** The problem type the API answers while a post-first round is closed to this reader. */
export function isPostFirst(error: unknown): boolean {
  const p = problemOf(error);
  return !!p && p.status === 403 && p.type.endsWith('post-first');
}

export function useRound(api: DiscussionApi, roundId: string) {
  return useQuery({ queryKey: roundKeys.round(roundId), queryFn: () => api.round(roundId) });
}

/**
 * The round's top-level posts: the pinned ones (one page: there are few), then the others
 * in discussion order, page by page. Not requested at all while `enabled` is false (the
 * post-first gate). Hidden posts are never shown, even if an answer held one.
 */
export function usePosts(api: DiscussionApi, roundId: string, enabled: boolean) {
  const pinned = useQuery({
    queryKey: roundKeys.pinned(roundId),
    queryFn: () => api.posts(roundId, { pinned: true, limit: 100 }),
    enabled,
    retry: (n, e) => !isPostFirst(e) && n < 1,
  });
  const others = useInfiniteQuery({
    queryKey: roundKeys.others(roundId),
    queryFn: ({ pageParam }) => api.posts(roundId, { pinned: false, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last: PostPage) => last.nextCursor ?? undefined,
    enabled,
    retry: (n, e) => !isPostFirst(e) && n < 1,
  });
  const shown = (p: Post) => p.hidden !== true;
  const pinnedPosts = (pinned.data?.items ?? []).filter(shown).map((p) => ({ ...p, pinned: true }));
  const pinnedIds = new Set(pinnedPosts.map((p) => p.id));
  const rest = (others.data?.pages ?? []).flatMap((p) => p.items).filter((p) => shown(p) && !pinnedIds.has(p.id));
  return {
    posts: [...pinnedPosts, ...rest],
    isPending: enabled && (pinned.isPending || others.isPending),
    error: pinned.error ?? others.error,
    hasMore: others.hasNextPage,
    loadMore: () => others.fetchNextPage(),
    loadingMore: others.isFetchingNextPage,
  };
}

export function useReplies(api: DiscussionApi, roundId: string, postId: string, enabled: boolean) {
  return useQuery({
    queryKey: roundKeys.replies(roundId, postId),
    queryFn: () => api.replies(postId),
    enabled,
    select: (page) => page.items.filter((p) => p.hidden !== true),
  });
}

export function useWritePost(api: DiscussionApi, roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; kind?: PostKind; parentId?: string }) => api.write(roundId, input),
    onSuccess: async (post) => {
      if (post.parentId === null) {
        // a top-level post of one's own opens a post-first round to its author
        const round = client.setQueryData<Round>(roundKeys.round(roundId), (r) => (r ? { ...r, hasPosted: true } : r));
        // the study's rounds (and the home's next thing to do) carry hasPosted too
        if (round) void client.invalidateQueries({ queryKey: meKeys.rounds(round.studyId) });
        await client.invalidateQueries({ queryKey: roundKeys.lists(roundId) });
      } else {
        await client.invalidateQueries({ queryKey: roundKeys.replies(roundId, post.parentId) });
        await client.invalidateQueries({ queryKey: roundKeys.pinned(roundId) });
        await client.invalidateQueries({ queryKey: roundKeys.others(roundId) });
      }
    },
  });
}

type ListData = PostPage | InfiniteData<PostPage>;

function mapPosts(data: ListData | undefined, change: (p: Post) => Post): ListData | undefined {
  if (!data) return data;
  const page = (p: PostPage): PostPage => ({ ...p, items: p.items.map(change) });
  return 'pages' in data ? { ...data, pages: data.pages.map(page) } : page(data);
}

function setPost(client: QueryClient, roundId: string, postId: string, change: (p: Post) => Post): void {
  client.setQueriesData<ListData>({ queryKey: roundKeys.lists(roundId) }, (data) =>
    mapPosts(data, (p) => (p.id === postId ? change(p) : p)),
  );
}

/**
 * Like or unlike with an optimistic update: the cache changes at once, rolls back when the
 * API refuses, and takes the API's count when it answers.
 */
export function useLike(api: DiscussionApi, roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, on }: { postId: string; on: boolean }) => api.like(postId, on),
    onMutate: async ({ postId, on }) => {
      await client.cancelQueries({ queryKey: roundKeys.lists(roundId) });
      const snapshot: [QueryKey, unknown][] = client.getQueriesData({ queryKey: roundKeys.lists(roundId) });
      setPost(client, roundId, postId, (p) =>
        p.likedByMe === on ? p : { ...p, likedByMe: on, likes: Math.max(0, p.likes + (on ? 1 : -1)) },
      );
      return { snapshot };
    },
    onError: (_error, _vars, context) => {
      for (const [key, data] of context?.snapshot ?? []) client.setQueryData(key, data);
    },
    onSuccess: ({ likes }, { postId, on }) => {
      setPost(client, roundId, postId, (p) => ({ ...p, likes, likedByMe: on }));
    },
  });
}
