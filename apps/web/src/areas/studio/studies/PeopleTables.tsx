import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { DataTable, type Column } from '../../../components/DataTable';
import { formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { formatDate } from '../../../i18n/format';
import { INVITATION_STATUSES, studiesKeys, type InvitationStatus, type StudiesApi } from './api';
import styles from './Studies.module.css';

/** The participants of the study, a page at a time: who, their status, their quota cells, when they joined. */
export function ParticipantsTable({ studyId, api }: { studyId: string; api: StudiesApi }) {
  const { t, i18n } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: studiesKeys.participants(studyId),
    queryFn: ({ pageParam }) => api.participants(studyId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <PeopleSection
      title={t('studio.studies.table.participantsTitle')}
      statuses="participantStatus"
      list={list}
      empty={t('studio.studies.table.noParticipants')}
      more={[
        {
          key: 'joined',
          header: t('studio.studies.table.joined'),
          cell: (r) => formatDate(r.joinedAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
        },
      ]}
    />
  );
}

/** The invitations of the study, filtered by status, a page at a time: who, status, quota cells, sent, expires. */
export function InvitationsTable({ studyId, api }: { studyId: string; api: StudiesApi }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<InvitationStatus | undefined>(undefined);
  const list = useInfiniteQuery({
    queryKey: studiesKeys.invitations(studyId, status),
    queryFn: ({ pageParam }) => api.invitations(studyId, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <PeopleSection
      title={t('studio.studies.table.invitationsTitle')}
      statuses="invitationStatus"
      list={list}
      empty={t('studio.studies.table.noInvitations')}
      more={[
        {
          key: 'sent',
          header: t('studio.studies.table.sent'),
          cell: (r) => formatDate(r.createdAt, i18n.language, { dateStyle: 'medium' }),
        },
        {
          key: 'expires',
          header: t('studio.studies.table.expires'),
          cell: (r) => formatDate(r.expiresAt, i18n.language, { dateStyle: 'medium' }),
        },
      ]}
    >
      <div className={`${ws.filters} ${styles.oneFilter}`}>
        <div className={formStyles.field}>
          <label className={formStyles.label} htmlFor={`${id}-status`}>
            {t('studio.studies.filter.status')}
          </label>
          <select
            id={`${id}-status`}
            className={ws.select}
            value={status ?? ''}
            onChange={(e) => setStatus((e.target.value || undefined) as InvitationStatus | undefined)}
          >
            <option value="">{t('studio.studies.filter.any')}</option>
            {INVITATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`studio.studies.invitationStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </PeopleSection>
  );
}

interface Person {
  id: string;
  panellistId: string;
  status: string;
  cells: string[];
}

/** The pages of a list as useInfiniteQuery gives them. */
interface PagedList<Row> {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  data?: { pages: { items: Row[] }[] };
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * A panel of the study's people, titled, with what `children` puts above the table (a filter):
 * the panellist (a link), their status (in the `statuses` namespace), their quota cells, then
 * the `more` columns; a page at a time.
 */
function PeopleSection<Row extends Person>({
  title,
  statuses,
  list,
  more,
  empty,
  children,
}: {
  title: string;
  statuses: 'participantStatus' | 'invitationStatus';
  list: PagedList<Row>;
  more: Column<Row>[];
  empty: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<Row>[] = [
    {
      key: 'panellist',
      header: t('studio.studies.table.panellist'),
      rowHeader: true,
      cell: (r) => <PanellistLink id={r.panellistId} />,
    },
    {
      key: 'status',
      header: t('studio.studies.table.status'),
      cell: (r) => <span className={ws.badge}>{t(`studio.studies.${statuses}.${r.status}`)}</span>,
    },
    { key: 'cells', header: t('studio.studies.table.cells'), cell: (r) => r.cells.join(', ') || t('studio.none') },
    ...more,
  ];
  return (
    <section className={ws.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={ws.title}>
        {title}
      </h2>
      {children}
      {list.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : list.isError ? (
        <FormAlert message={problemMessage(problemOf(list.error), t)} />
      ) : (
        <DataTable
          caption={title}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          empty={empty}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
          moreLabel={list.isFetchingNextPage ? t('studio.loading') : t('studio.more')}
        />
      )}
    </section>
  );
}

/** A participant's short id, a link to their page in the panel (profile, score, history). */
function PanellistLink({ id }: { id: string }) {
  return (
    <Link to="/studio/panel/$panellistId" params={{ panellistId: id }} className={ws.mono}>
      {id.slice(0, 8)}
    </Link>
  );
}
