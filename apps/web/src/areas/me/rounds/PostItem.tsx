import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button as AriaButton } from 'react-aria-components';
import { formatDate, formatNumber } from '../../../i18n/format';
import type { DiscussionApi, Post } from './api';
import { Composer } from './Composer';
import { useLike, useReplies } from './queries';
import styles from './RoundView.module.css';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function authorOf(post: Post, t: TFunction): string {
  if (post.author.role === 'researcher') return t('rounds.post.researcher');
  return post.author.pseudonym ?? t('rounds.post.someone');
}

function ideaStatus(post: Post, t: TFunction): string {
  switch (post.ideaStatus) {
    case 'under_review':
      return t('rounds.idea.under_review');
    case 'selected':
      return t('rounds.idea.selected');
    case 'declined':
      return t('rounds.idea.declined');
    default:
      return t('rounds.idea.new');
  }
}

/** Likes: a toggle button on the others' posts while the round is open; a count otherwise. */
function Likes({ api, post, canReact }: { api: DiscussionApi; post: Post; canReact: boolean }) {
  const { t, i18n } = useTranslation();
  const like = useLike(api, post.roundId);
  const count = formatNumber(post.likes, i18n.language);
  if (post.mine || !canReact) {
    return <span className={styles.likeCount}>{t('rounds.post.likes', { count: post.likes, formatted: count })}</span>;
  }
  return (
    <>
      <AriaButton
        className={styles.likeButton}
        aria-pressed={post.likedByMe}
        aria-label={t('rounds.post.likeLabel', { count: post.likes, formatted: count })}
        onPress={() => {
          if (!like.isPending) like.mutate({ postId: post.id, on: !post.likedByMe });
        }}
      >
        <span aria-hidden="true">{post.likedByMe ? '♥' : '♡'}</span> {t('rounds.post.like')}{' '}
        <span className={styles.likeNumber}>{count}</span>
      </AriaButton>
      {like.isError ? (
        <span className={styles.inlineError} role="alert">
          {t('rounds.post.likeFailed')}
        </span>
      ) : null}
    </>
  );
}

function PostBody({ post, api, canReact }: { post: Post; api: DiscussionApi; canReact: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <header className={styles.postHeader}>
        <span className={styles.author}>{authorOf(post, t)}</span>
        {post.mine ? <span className={styles.badgeMine}>{t('rounds.post.mine')}</span> : null}
        {post.pinned ? <span className={styles.badgePinned}>{t('rounds.post.pinned')}</span> : null}
        {post.kind === 'idea' ? (
          <span className={styles.badgeIdea}>
            {t('rounds.post.idea')} · {ideaStatus(post, t)}
          </span>
        ) : null}
        <time className={styles.when} dateTime={post.createdAt}>
          {formatDate(post.createdAt, i18n.language, WHEN)}
        </time>
      </header>
      <p className={styles.body}>{post.body}</p>
      <div className={styles.postActions}>
        <Likes api={api} post={post} canReact={canReact} />
      </div>
    </>
  );
}

/** A top-level post, its replies (one level) under it, and a reply composer while the round is open. */
export function PostItem({ api, post, canReact }: { api: DiscussionApi; post: Post; canReact: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const threadId = useId();
  const replies = useReplies(api, post.roundId, post.id, open && post.replyCount > 0);
  const isIdea = post.kind === 'idea';
  return (
    <li className={[styles.post, post.pinned ? styles.pinned : '', isIdea ? styles.idea : ''].join(' ')} data-testid="post">
      <article aria-label={t('rounds.post.by', { author: authorOf(post, t) })}>
        <PostBody post={post} api={api} canReact={canReact} />
        {post.replyCount > 0 || canReact ? (
          <AriaButton
            className={styles.threadToggle}
            aria-expanded={open}
            aria-controls={open ? threadId : undefined}
            onPress={() => setOpen(!open)}
          >
            {post.replyCount > 0 ? t('rounds.post.replies', { count: post.replyCount }) : t('rounds.post.reply')}
          </AriaButton>
        ) : null}
        {open ? (
          <div id={threadId} className={styles.thread}>
            {replies.isPending && post.replyCount > 0 ? <p className={styles.muted}>{t('rounds.loading')}</p> : null}
            {replies.isError ? <p className={styles.inlineError}>{t('rounds.errors.load')}</p> : null}
            {replies.data?.length ? (
              <ul className={styles.replies} aria-label={t('rounds.post.repliesTo', { author: authorOf(post, t) })}>
                {replies.data.map((r) => (
                  <li key={r.id} className={styles.reply}>
                    <article aria-label={t('rounds.post.by', { author: authorOf(r, t) })}>
                      <PostBody post={r} api={api} canReact={canReact} />
                    </article>
                  </li>
                ))}
              </ul>
            ) : null}
            {canReact ? <Composer api={api} roundId={post.roundId} parentId={post.id} /> : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}
