import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ModeratePostDto, PostPageDto } from '../../../api/generated';
import { applyProblemToForm, problemMessage, problemOf } from '../../../api/problem';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { formatDate } from '../../../i18n/format';
import studioStyles from '../Studio.module.css';
import {
  IDEA_STATUSES,
  POST_ORDERS,
  POST_VIEWS,
  postsQueryOf,
  roundsKeys,
  sdkRoundsApi,
  type Code,
  type IdeaStatus,
  type Post,
  type PostOrder,
  type PostView,
  type RoundsApi,
} from './api';
import { CodeBook, useCodes } from './CodeBook';
import { TextArea } from '../../../components/TextArea';
import styles from './Rounds.module.css';

interface Ctx {
  studyId: string;
  roundId: string;
  api: RoundsApi;
  codes: Code[];
}

/** The post as the API answered it, in every list of the round that holds it (posts of each view, replies). */
function replacePost(client: QueryClient, studyId: string, roundId: string, post: Post) {
  client.setQueriesData<InfiniteData<PostPageDto>>({ queryKey: roundsKeys.round(studyId, roundId) }, (data) => {
    if (!data || !Array.isArray((data as Partial<InfiniteData<PostPageDto>>).pages)) return data;
    return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === post.id ? post : i)) })) };
  });
}

/**
 * `/studio/studies/$studyId/rounds/$roundId`: a round's moderation queue. The top-level posts
 * (all, pinned, ideas) with their replies; pin, hide, an idea's status; the codes of each post
 * from the study's code book (its counts beside); the moderator writes too.
 */
export function RoundPage({ studyId, roundId, api = sdkRoundsApi }: { studyId: string; roundId: string; api?: RoundsApi }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<PostView>('all');
  const [order, setOrder] = useState<PostOrder>('newest');
  const viewId = useId();
  const orderId = useId();
  const round = useQuery({ queryKey: roundsKeys.round(studyId, roundId), queryFn: () => api.getRound(roundId) });
  const codes = useCodes(studyId, api);
  const posts = useInfiniteQuery({
    queryKey: roundsKeys.posts(studyId, roundId, view, order),
    queryFn: ({ pageParam }) => api.listPosts(roundId, postsQueryOf(view, order, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = posts.data?.pages.flatMap((p) => p.items) ?? [];
  const ctx: Ctx = { studyId, roundId, api, codes: codes.data?.items ?? [] };
  const when = (iso: string) => formatDate(iso, i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (round.isPending) return <p role="status">{t('studio.loading')}</p>;
  if (round.isError) {
    const problem = problemOf(round.error);
    return (
      <section className={ws.panel}>
        <FormAlert message={problem?.status === 404 ? t('studio.rounds.round.notFound') : problemMessage(problem, t)} />
        <Link to="/studio/studies/$studyId/rounds" params={{ studyId }} className={studioStyles.back}>
          {t('studio.rounds.round.back')}
        </Link>
      </section>
    );
  }
  const r = round.data;
  return (
    <div className={styles.layout}>
      <div>
        <section className={ws.panel} aria-labelledby="studio-round-title">
          <Link to="/studio/studies/$studyId/rounds" params={{ studyId }} className={studioStyles.back}>
            {t('studio.rounds.round.back')}
          </Link>
          <h1 id="studio-round-title" className={ws.title}>
            {r.title}
          </h1>
          <p className={styles.prompt}>{r.prompt}</p>
          <p className={styles.meta}>
            <span className={ws.badge}>{t(`studio.rounds.state.${r.state}`)}</span>
            <span className={ws.badge}>{t(`studio.rounds.mode.${r.mode}`)}</span>
            <span className={ws.muted}>{t('studio.rounds.round.dates', { opens: when(r.opensAt), closes: when(r.closesAt) })}</span>
          </p>
          <NewPostForm ctx={ctx} />
        </section>
        <section className={ws.panel} aria-labelledby="studio-round-queue">
          <div className={ws.head}>
            <h2 id="studio-round-queue" className={ws.title}>
              {t('studio.rounds.queue.title')}
            </h2>
            <div className={styles.inline}>
              <div className={formStyles.field}>
                <label className={formStyles.label} htmlFor={viewId}>
                  {t('studio.rounds.queue.view')}
                </label>
                <select
                  id={viewId}
                  className={`${ws.select} ${styles.ideaSelect}`}
                  value={view}
                  onChange={(e) => setView(e.target.value as PostView)}
                >
                  {POST_VIEWS.map((v) => (
                    <option key={v} value={v}>
                      {t(`studio.rounds.queue.views.${v}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className={formStyles.field}>
                <label className={formStyles.label} htmlFor={orderId}>
                  {t('studio.rounds.queue.order')}
                </label>
                <select
                  id={orderId}
                  className={`${ws.select} ${styles.ideaSelect}`}
                  value={order}
                  onChange={(e) => setOrder(e.target.value as PostOrder)}
                >
                  {POST_ORDERS.map((o) => (
                    <option key={o} value={o}>
                      {t(`studio.rounds.queue.orders.${o}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </div>
          {posts.isPending ? (
            <p role="status">{t('studio.loading')}</p>
          ) : posts.isError ? (
            <FormAlert message={problemMessage(problemOf(posts.error), t)} />
          ) : rows.length === 0 ? (
            <p>{t(`studio.rounds.queue.empty.${view}`)}</p>
          ) : (
            <ul className={styles.posts} aria-labelledby="studio-round-queue">
              {rows.map((p) => (
                <li key={p.id}>
                  <PostItem post={p} ctx={ctx} />
                </li>
              ))}
            </ul>
          )}
          {posts.hasNextPage ? (
            <div className={ws.more}>
              <Button onPress={() => void posts.fetchNextPage()} isDisabled={posts.isFetchingNextPage}>
                {posts.isFetchingNextPage ? t('studio.loading') : t('studio.more')}
              </Button>
            </div>
          ) : null}
        </section>
      </div>
      <CodeBook studyId={studyId} api={api} />
    </div>
  );
}

/** Who wrote a post, as the API gives it: a panellist's pseudonym in the study, or "moderator". */
function authorOf(post: Post, t: (key: string, vars?: Record<string, unknown>) => string): string {
  if (post.author.role === 'researcher') return post.mine ? t('studio.rounds.post.you') : t('studio.rounds.post.moderator');
  return post.author.pseudonym ?? t('studio.rounds.post.participant');
}

function PostItem({ post, ctx }: { post: Post; ctx: Ctx }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const headId = useId();
  const [error, setError] = useState<string | null>(null);
  const [tagging, setTagging] = useState(false);
  const [showReplies, setShowReplies] = useState(false);
  const [asked, setAsked] = useState<string[] | null>(null);
  const isReply = post.parentId !== null;
  const author = authorOf(post, t);

  const moderate = useMutation({
    mutationFn: (body: ModeratePostDto) => ctx.api.moderate(post.id, body),
    onMutate: () => setError(null),
    onSuccess: (updated, body) => {
      replacePost(queryClient, ctx.studyId, ctx.roundId, updated);
      // the pinned view and the code counts (hidden posts) depend on it
      void queryClient.invalidateQueries({ queryKey: [...roundsKeys.round(ctx.studyId, ctx.roundId), 'posts'] });
      if (body.hidden !== undefined) void queryClient.invalidateQueries({ queryKey: roundsKeys.codes(ctx.studyId) });
    },
    onError: (e) => setError(problemMessage(problemOf(e), t)),
  });
  const setCodes = useMutation({
    mutationFn: (codeIds: string[]) => ctx.api.setCodes(post.id, codeIds),
    onMutate: () => setError(null),
    onSuccess: (updated) => {
      replacePost(queryClient, ctx.studyId, ctx.roundId, updated);
      void queryClient.invalidateQueries({ queryKey: roundsKeys.codes(ctx.studyId) });
    },
    onError: (e) => setError(problemMessage(problemOf(e), t)),
    onSettled: () => setAsked(null),
  });
  const busy = moderate.isPending || setCodes.isPending;
  const postCodes = post.codes ?? [];
  // while the PUT is on its way, the boxes show what was asked (a ticked box stays ticked). Set
  // in the change handler itself: the mutation's own pending state reaches React a tick later,
  // and in between the controlled box would spring back.
  const codeIds = new Set(asked ?? postCodes.map((c) => c.id));

  return (
    <article
      className={styles.post}
      aria-labelledby={headId}
      data-hidden={post.hidden ? 'true' : 'false'}
      data-pinned={post.pinned ? 'true' : 'false'}
    >
      <h3 id={headId} className={styles.postHead}>
        <span className={styles.author}>{author}</span>
        <span className={ws.muted}>{formatDate(post.createdAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</span>
        {post.kind === 'idea' ? <span className={ws.badge}>{t('studio.rounds.post.idea')}</span> : null}
        {post.pinned ? <span className={ws.badge}>{t('studio.rounds.post.pinned')}</span> : null}
        {post.hidden ? <span className={ws.badge}>{t('studio.rounds.post.hidden')}</span> : null}
      </h3>
      <p className={styles.body}>{post.body}</p>
      <p className={styles.meta}>
        <span className={ws.muted}>{t('studio.rounds.post.likes', { count: post.likes })}</span>
        {post.ideaStatus ? (
          <span className={ws.muted}>
            {t('studio.rounds.post.ideaStatusIs', { status: t(`studio.rounds.ideaStatus.${post.ideaStatus}`) })}
          </span>
        ) : null}
      </p>
      {postCodes.length > 0 ? (
        <ul className={styles.tags} aria-label={t('studio.rounds.tags.of', { author })}>
          {postCodes.map((c) => (
            <li key={c.id} className={styles.tag}>
              {c.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div className={ws.rowActions}>
        {isReply ? null : (
          <Button
            className={`${formStyles.button} ${ws.secondary}`}
            onPress={() => moderate.mutate({ pinned: !post.pinned })}
            isDisabled={busy}
            aria-label={t(post.pinned ? 'studio.rounds.action.unpinOf' : 'studio.rounds.action.pinOf', { author })}
          >
            {t(post.pinned ? 'studio.rounds.action.unpin' : 'studio.rounds.action.pin')}
          </Button>
        )}
        <Button
          className={`${formStyles.button} ${ws.secondary}`}
          onPress={() => moderate.mutate({ hidden: !post.hidden })}
          isDisabled={busy}
          aria-label={t(post.hidden ? 'studio.rounds.action.unhideOf' : 'studio.rounds.action.hideOf', { author })}
        >
          {t(post.hidden ? 'studio.rounds.action.unhide' : 'studio.rounds.action.hide')}
        </Button>
        <Button
          className={`${formStyles.button} ${ws.secondary}`}
          onPress={() => setTagging((v) => !v)}
          aria-expanded={tagging}
          aria-label={t('studio.rounds.action.tagOf', { author, count: postCodes.length })}
        >
          {t('studio.rounds.action.tag', { count: postCodes.length })}
        </Button>
        {isReply ? null : (
          <Button
            className={`${formStyles.button} ${ws.secondary}`}
            onPress={() => setShowReplies((v) => !v)}
            aria-expanded={showReplies}
            aria-label={t('studio.rounds.action.repliesOf', { author, count: post.replyCount })}
          >
            {t('studio.rounds.action.replies', { count: post.replyCount })}
          </Button>
        )}
        {post.kind === 'idea' ? (
          <IdeaStatusSelect post={post} author={author} busy={busy} onChange={(s) => moderate.mutate({ ideaStatus: s })} />
        ) : null}
      </div>
      <FormAlert message={error ?? undefined} />
      {tagging ? (
        <fieldset className={styles.picker}>
          <legend>{t('studio.rounds.tags.legend', { author })}</legend>
          {ctx.codes.length === 0 ? (
            <p className={ws.muted}>{t('studio.rounds.tags.noCodes')}</p>
          ) : (
            ctx.codes.map((c) => (
              <label key={c.id} className={styles.check}>
                <input
                  type="checkbox"
                  checked={codeIds.has(c.id)}
                  disabled={setCodes.isPending}
                  onChange={(e) => {
                    const next = new Set(codeIds);
                    if (e.target.checked) next.add(c.id);
                    else next.delete(c.id);
                    setAsked([...next]);
                    setCodes.mutate([...next]);
                  }}
                />
                {c.name}
              </label>
            ))
          )}
        </fieldset>
      ) : null}
      {showReplies && !isReply ? <Replies post={post} ctx={ctx} /> : null}
    </article>
  );
}

function IdeaStatusSelect({
  post,
  author,
  busy,
  onChange,
}: {
  post: Post;
  author: string;
  busy: boolean;
  onChange: (s: IdeaStatus) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className={styles.inline}>
      <label htmlFor={id} className={ws.visuallyHidden}>
        {t('studio.rounds.action.ideaStatusOf', { author })}
      </label>
      <select
        id={id}
        className={`${ws.select} ${styles.ideaSelect}`}
        value={post.ideaStatus ?? 'new'}
        disabled={busy}
        onChange={(e) => onChange(e.target.value as IdeaStatus)}
      >
        {IDEA_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`studio.rounds.ideaStatus.${s}`)}
          </option>
        ))}
      </select>
    </span>
  );
}

function Replies({ post, ctx }: { post: Post; ctx: Ctx }) {
  const { t } = useTranslation();
  const replies = useInfiniteQuery({
    queryKey: roundsKeys.replies(ctx.studyId, ctx.roundId, post.id),
    queryFn: ({ pageParam }) => ctx.api.listReplies(post.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = replies.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      {replies.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : replies.isError ? (
        <FormAlert message={problemMessage(problemOf(replies.error), t)} />
      ) : rows.length === 0 ? (
        <p className={ws.muted}>{t('studio.rounds.replies.empty')}</p>
      ) : (
        <ul className={styles.replies} aria-label={t('studio.rounds.replies.of', { author: authorOf(post, t) })}>
          {rows.map((r) => (
            <li key={r.id}>
              <PostItem post={r} ctx={ctx} />
            </li>
          ))}
        </ul>
      )}
      {replies.hasNextPage ? (
        <div className={ws.more}>
          <Button onPress={() => void replies.fetchNextPage()} isDisabled={replies.isFetchingNextPage}>
            {t('studio.more')}
          </Button>
        </div>
      ) : null}
      <NewPostForm ctx={ctx} parent={post} />
    </div>
  );
}

interface PostForm {
  body: string;
}

/** The moderator writes: a top-level post of the round, or (with `parent`) a reply under a post. */
function NewPostForm({ ctx, parent }: { ctx: Ctx; parent?: Post }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PostForm>({ defaultValues: { body: '' } });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await ctx.api.createPost(ctx.roundId, { body: values.body.trim(), ...(parent ? { parentId: parent.id } : {}) });
      reset();
      // the new post or reply, and the parent's reply count
      await queryClient.invalidateQueries({
        queryKey: roundsKeys.round(ctx.studyId, ctx.roundId),
        predicate: (q) => q.queryKey.length > 5,
      });
    } catch (error) {
      applyProblemToForm(problemOf(error), setError, t, { fields: ['body'] });
    }
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormAlert message={errors.root?.server?.message} />
      <TextArea
        label={parent ? t('studio.rounds.write.reply', { author: authorOf(parent, t) }) : t('studio.rounds.write.post')}
        rows={3}
        error={errors.body?.message}
        {...register('body', {
          validate: (v) => v.trim() !== '' || t('form.required'),
          maxLength: { value: 10_000, message: t('problem.field.tooLong', { count: 10_000 }) },
        })}
      />
      <div className={ws.actions}>
        <Button type="submit" isDisabled={isSubmitting}>
          {isSubmitting ? t('studio.saving') : parent ? t('studio.rounds.write.sendReply') : t('studio.rounds.write.send')}
        </Button>
      </div>
    </form>
  );
}
