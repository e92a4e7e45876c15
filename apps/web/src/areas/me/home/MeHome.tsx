import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { roundsControllerList } from '../../../api/generated';
import { Note, Page } from '../../../components/Page';
import { formatDate, formatNumber } from '../../../i18n/format';
import { meKeys, useMyAssignments, useMyInvitations, useMyPoints, useMyShipments, useMyStudies } from '../shared/api';
import styles from './MeHome.module.css';
import { nextThings, type NextThing } from './next-things';

/** At most this many studies are asked for their rounds (the home stays a few cheap queries). */
const ROUND_STUDIES = 5;

/** `/me`: the next thing to do, each a card linking to its page, and the points balance. */
export function MeHome() {
  const { t, i18n } = useTranslation();
  const invitations = useMyInvitations();
  const assignments = useMyAssignments();
  const shipments = useMyShipments();
  const studies = useMyStudies();
  const points = useMyPoints();
  const active = (studies.data ?? []).filter((s) => s.participation === 'enrolled' && s.studyStatus === 'in_field').slice(0, ROUND_STUDIES);
  const rounds = useQueries({
    queries: active.map((s) => ({
      queryKey: meKeys.rounds(s.studyId),
      queryFn: async () => (await roundsControllerList({ throwOnError: true, path: { id: s.studyId }, query: { limit: 100 } })).data.items,
    })),
  });
  const loading = [invitations, assignments, shipments, studies].some((q) => q.isPending);
  const failed = [invitations, assignments, shipments, studies].some((q) => q.isError);
  const things = nextThings({
    invitations: invitations.data,
    assignments: assignments.data,
    shipments: shipments.data,
    rounds: rounds.flatMap((r) => r.data ?? []),
  });
  const lang = i18n.language;
  const balance = points.data?.balance;

  return (
    <Page title={t('home.title')} intro={t('home.intro')}>
      <p className={styles.points}>
        <Link to="/me/points" className={styles.pointsLink}>
          {balance === undefined ? t('home.pointsLoading') : t('home.points', { count: balance, formatted: formatNumber(balance, lang) })}
        </Link>
      </p>
      <h2 className={styles.heading}>{t('home.nextTitle')}</h2>
      {loading ? (
        <p role="status">{t('home.loading')}</p>
      ) : things.length === 0 ? (
        failed ? (
          <Note>{t('home.error')}</Note>
        ) : (
          <Note>{t('home.empty')}</Note>
        )
      ) : (
        <ul className={styles.cards}>
          {things.map((thing) => (
            <li key={`${thing.kind}:${thing.id}`}>
              <Card thing={thing} lang={lang} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function Card({ thing, lang }: { thing: NextThing; lang: string }) {
  const { t } = useTranslation();
  const date = thing.due ? formatDate(thing.due, lang, { day: 'numeric', month: 'long' }) : '';
  const what: Record<NextThing['kind'], { label: string; action: string }> = {
    nda: { label: t('home.kind.nda'), action: t('home.action.nda') },
    invitation: { label: t('home.kind.invitation'), action: t('home.action.invitation', { date }) },
    survey: { label: t('home.kind.survey'), action: t('home.action.survey', { date }) },
    round: { label: t('home.kind.round'), action: t('home.action.round', { date }) },
    received: { label: t('home.kind.received'), action: t('home.action.received') },
  };
  return (
    // a path of a page another engineer builds (the e-mail links are a contract): checked at run time
    <Link to={thing.href as '/me'} className={styles.card} data-kind={thing.kind}>
      <span className={styles.kind}>{what[thing.kind].label}</span>
      <span className={styles.title}>{thing.title}</span>
      <span className={styles.action}>{what[thing.kind].action}</span>
    </Link>
  );
}
