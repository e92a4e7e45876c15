import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Note, Page } from '../../../components/Page';
import { Button } from '../../../components/Form';
import { formatDate } from '../../../i18n/format';
import { problemOf } from '../../../api/problem';
import { sdkDiscussionApi, type DiscussionApi, type Round } from './api';
import { Composer } from './Composer';
import { PostItem } from './PostItem';
import { isPostFirst, roundKeys, usePosts, useRound } from './queries';
import styles from './RoundView.module.css';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

/** "opens on …", "closes on …" or "closed on …", in the user's language. */
export function RoundWhen({ round }: { round: Pick<Round, 'state' | 'opensAt' | 'closesAt'> }) {
  const { t, i18n } = useTranslation();
  if (round.state === 'scheduled') return <>{t('rounds.state.scheduled', { date: formatDate(round.opensAt, i18n.language, WHEN) })}</>;
  if (round.state === 'open') return <>{t('rounds.state.open', { date: formatDate(round.closesAt, i18n.language, WHEN) })}</>;
  return <>{t('rounds.state.closed', { date: formatDate(round.closesAt, i18n.language, WHEN) })}</>;
}

function Discussion({ api, round }: { api: DiscussionApi; round: Round }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = usePosts(api, round.id, true);
  const canReact = round.state === 'open';
  const gate = isPostFirst(list.error);
  useEffect(() => {
    // the API says this reader has not posted yet (the round's flag was stale): show the gate
    if (gate) client.setQueryData<Round>(roundKeys.round(round.id), (r) => (r ? { ...r, hasPosted: false } : r));
  }, [gate, client, round.id]);
  if (gate) return null;
  return (
    <section className={styles.section} aria-labelledby="discussion-title">
      <h2 id="discussion-title" className={styles.h2}>
        {t('rounds.discussion')}
      </h2>
      {list.isPending ? (
        <p className={styles.muted} role="status">
          {t('rounds.loading')}
        </p>
      ) : list.error ? (
        <p className={styles.inlineError} role="alert">
          {t('rounds.errors.load')}
        </p>
      ) : list.posts.length === 0 ? (
        <Note>{canReact ? t('rounds.empty') : t('rounds.emptyClosed')}</Note>
      ) : (
        <ul className={styles.posts}>
          {list.posts.map((p) => (
            <PostItem key={p.id} api={api} post={p} canReact={canReact} />
          ))}
        </ul>
      )}
      {list.hasMore ? (
        // not isPending: the button is gone once the last page is in, and React Aria's end-of-request
        // announcement would then point at it
        <Button onPress={() => void list.loadMore()} isDisabled={list.loadingMore}>
          {list.loadingMore ? t('rounds.loading') : t('rounds.more')}
        </Button>
      ) : null}
    </section>
  );
}

/**
 * A discussion round as a panellist sees it. In a post-first round, before their own top-level
 * post, the posts are not even requested.
 */
export function RoundView({ roundId, studyId, api = sdkDiscussionApi }: { roundId: string; studyId: string; api?: DiscussionApi }) {
  const { t } = useTranslation();
  const round = useRound(api, roundId);

  if (round.isPending) {
    return (
      <Page title={t('rounds.title')}>
        <p className={styles.muted} role="status">
          {t('rounds.loading')}
        </p>
      </Page>
    );
  }
  if (round.isError) {
    const status = problemOf(round.error)?.status;
    return (
      <Page title={t('rounds.title')}>
        <Note>{status === 404 || status === 403 ? t('rounds.errors.notFound') : t('rounds.errors.load')}</Note>
        <BackLink studyId={studyId} />
      </Page>
    );
  }

  const r = round.data;
  const gated = r.mode === 'post_first' && r.hasPosted !== true;
  const open = r.state === 'open';
  return (
    <Page title={r.title}>
      <BackLink studyId={studyId} />
      <p className={open ? styles.stateOpen : styles.state}>
        <RoundWhen round={r} />
      </p>
      <section className={styles.prompt} aria-labelledby="prompt-title">
        <h2 id="prompt-title" className={styles.h2}>
          {t('rounds.prompt')}
        </h2>
        <p className={styles.body}>{r.prompt}</p>
      </section>
      {r.state === 'scheduled' ? <Note>{t('rounds.scheduledNote')}</Note> : null}
      {gated ? <Gate api={api} round={r} /> : <Open api={api} round={r} />}
    </Page>
  );
}

function Gate({ api, round }: { api: DiscussionApi; round: Round }) {
  const { t } = useTranslation();
  if (round.state === 'closed') return <Note>{t('rounds.gate.closed')}</Note>;
  return (
    <section className={styles.section} aria-labelledby="gate-title">
      <h2 id="gate-title" className={styles.h2}>
        {t('rounds.gate.title')}
      </h2>
      <p className={styles.gate}>{t('rounds.gate.body')}</p>
      {round.state === 'open' ? <Composer api={api} roundId={round.id} /> : null}
    </section>
  );
}

function Open({ api, round }: { api: DiscussionApi; round: Round }) {
  const { t } = useTranslation();
  if (round.state === 'scheduled') return null;
  return (
    <>
      {round.state === 'open' ? (
        <section className={styles.section} aria-labelledby="write-title">
          <h2 id="write-title" className={styles.h2}>
            {t('rounds.composer.title')}
          </h2>
          <Composer api={api} roundId={round.id} />
        </section>
      ) : null}
      <Discussion api={api} round={round} />
    </>
  );
}

function BackLink({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  return (
    <p className={styles.back}>
      <Link to="/me/studies/$studyId" params={{ studyId }}>
        {t('rounds.back')}
      </Link>
    </p>
  );
}
