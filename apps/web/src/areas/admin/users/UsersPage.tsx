import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import { formatDate } from '../../../i18n/format';
import { useSession } from '../../../session/session';
import {
  adminKeys,
  sdkAdminApi,
  usersQueryOf,
  USER_ROLES,
  USER_STATUSES,
  type AdminApi,
  type AdminUser,
  type Brand,
  type UserFilters,
} from '../api';
import styles from '../Admin.module.css';
import { CreateUserDialog } from './CreateUserDialog';

const SEARCH_DEBOUNCE_MS = 300;

/** The brands (first 100: a handful in practice) for the filter, the names in the table and the create dialog. */
export function useBrands(api: AdminApi) {
  return useQuery({ queryKey: adminKeys.brands, queryFn: () => api.listBrands() });
}

/**
 * `/admin`: the users, filtered by role, brand, status and part of the e-mail (kept in the URL),
 * a page at a time; create a user, disable or re-enable, send a password reset.
 */
export function UsersPage({
  filters,
  onFiltersChange,
  api = sdkAdminApi,
}: {
  filters: UserFilters;
  onFiltersChange: (next: UserFilters) => void;
  api?: AdminApi;
}) {
  const { t, i18n } = useTranslation();
  const { user: me } = useSession();
  const brands = useBrands(api);
  const brandNames = useMemo(() => new Map((brands.data?.items ?? []).map((b) => [b.id, b.name])), [brands.data]);
  const [notice, setNotice] = useState<string | null>(null);

  const users = useInfiniteQuery({
    queryKey: adminKeys.users(filters),
    queryFn: ({ pageParam }) => api.listUsers(usersQueryOf(filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className={styles.panel} aria-labelledby="admin-users-title">
      <div className={styles.head}>
        <h1 id="admin-users-title" className={styles.title}>
          {t('admin.users.title')}
        </h1>
        <CreateUserDialog
          api={api}
          brands={brands.data?.items ?? []}
          onCreated={(u) => setNotice(t('admin.users.created', { email: u.email }))}
        />
      </div>
      <Filters filters={filters} onChange={onFiltersChange} brands={brands.data?.items ?? []} />
      {notice ? <Note>{notice}</Note> : null}
      {users.isPending ? (
        <p role="status">{t('admin.loading')}</p>
      ) : users.isError ? (
        <FormAlert message={problemMessage(problemOf(users.error), t)} />
      ) : rows.length === 0 ? (
        <p>{t('admin.users.empty')}</p>
      ) : (
        // a keyboard user can scroll the table sideways when it is wider than the screen
        <div className={styles.tableWrap} role="region" aria-labelledby="admin-users-caption" tabIndex={0}>
          <table className={styles.table}>
            <caption id="admin-users-caption" className={styles.visuallyHidden}>
              {t('admin.users.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.col.email')}</th>
                <th scope="col">{t('admin.users.col.role')}</th>
                <th scope="col">{t('admin.users.col.brand')}</th>
                <th scope="col">{t('admin.users.col.status')}</th>
                <th scope="col">{t('admin.users.col.mustChange')}</th>
                <th scope="col">{t('admin.users.col.lastLogin')}</th>
                <th scope="col">{t('admin.users.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id}>
                  <td className={styles.email}>{u.email}</td>
                  <td>{t(`admin.role.${u.role}`)}</td>
                  <td>{u.brandId ? (brandNames.get(u.brandId) ?? '—') : '—'}</td>
                  <td>{t(`admin.status.${u.status}`)}</td>
                  <td>{u.mustChangePassword ? t('admin.yes') : t('admin.no')}</td>
                  <td className={styles.date}>
                    {u.lastLoginAt
                      ? formatDate(u.lastLoginAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
                      : t('admin.users.never')}
                  </td>
                  <td>
                    <RowActions user={u} isSelf={u.id === me?.id} api={api} onNotice={setNotice} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.hasNextPage ? (
        <div className={styles.more}>
          <Button onPress={() => void users.fetchNextPage()} isDisabled={users.isFetchingNextPage}>
            {users.isFetchingNextPage ? t('admin.loading') : t('admin.users.more')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function Filters({ filters, onChange, brands }: { filters: UserFilters; onChange: (next: UserFilters) => void; brands: Brand[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState(filters.q ?? '');
  // the URL changed elsewhere (back button): the search box follows
  const [urlQ, setUrlQ] = useState(filters.q);
  if (urlQ !== filters.q) {
    setUrlQ(filters.q);
    setQ(filters.q ?? '');
  }
  useEffect(() => {
    const trimmed = q.trim();
    if (trimmed === (filters.q ?? '')) return;
    const timer = setTimeout(() => onChange({ ...filters, q: trimmed || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  return (
    <form className={styles.filters} role="search" aria-label={t('admin.users.filters')} onSubmit={(e) => e.preventDefault()}>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-q`}>
          {t('admin.users.filter.q')}
        </label>
        <input id={`${id}-q`} type="search" className={formStyles.input} value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-role`}>
          {t('admin.users.filter.role')}
        </label>
        <select
          id={`${id}-role`}
          className={styles.select}
          value={filters.role ?? ''}
          onChange={(e) => onChange({ ...filters, role: (e.target.value || undefined) as UserFilters['role'] })}
        >
          <option value="">{t('admin.users.filter.any')}</option>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-brand`}>
          {t('admin.users.filter.brand')}
        </label>
        <select
          id={`${id}-brand`}
          className={styles.select}
          value={filters.brandId ?? ''}
          onChange={(e) => onChange({ ...filters, brandId: e.target.value || undefined })}
        >
          <option value="">{t('admin.users.filter.any')}</option>
          {brands.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-status`}>
          {t('admin.users.filter.status')}
        </label>
        <select
          id={`${id}-status`}
          className={styles.select}
          value={filters.status ?? ''}
          onChange={(e) => onChange({ ...filters, status: (e.target.value || undefined) as UserFilters['status'] })}
        >
          <option value="">{t('admin.users.filter.any')}</option>
          {USER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`admin.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function RowActions({
  user,
  isSelf,
  api,
  onNotice,
}: {
  user: AdminUser;
  isSelf: boolean;
  api: AdminApi;
  onNotice: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setStatus = useMutation({
    mutationFn: (status: 'active' | 'disabled') => api.setStatus(user.id, status),
    onSuccess: (_, status) => {
      onNotice(t(status === 'disabled' ? 'admin.users.disabled' : 'admin.users.enabled', { email: user.email }));
      void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
    onError: (error) => onNotice(problemMessage(problemOf(error), t)),
  });
  const reset = useMutation({
    mutationFn: () => api.sendReset(user.email),
    onSuccess: () => onNotice(t('admin.users.resetSent', { email: user.email })),
    onError: (error) => onNotice(problemMessage(problemOf(error), t)),
  });
  if (user.status === 'erased') return null;
  return (
    <div className={styles.rowActions}>
      {user.status === 'disabled' ? (
        <Button
          className={`${formStyles.button} ${styles.secondary}`}
          onPress={() => setStatus.mutate('active')}
          isDisabled={setStatus.isPending}
          aria-label={t('admin.users.enableFor', { email: user.email })}
        >
          {t('admin.users.enable')}
        </Button>
      ) : isSelf ? null : (
        <DialogTrigger>
          <Button
            className={`${formStyles.button} ${styles.secondary}`}
            isDisabled={setStatus.isPending}
            aria-label={t('admin.users.disableFor', { email: user.email })}
          >
            {t('admin.users.disable')}
          </Button>
          <ModalOverlay className={styles.overlay} isDismissable>
            <Modal className={styles.modal}>
              <Dialog role="alertdialog" className={styles.dialog}>
                {({ close }) => (
                  <>
                    <Heading slot="title" className={styles.dialogTitle}>
                      {t('admin.users.confirmDisable.title', { email: user.email })}
                    </Heading>
                    <p>{t('admin.users.confirmDisable.body')}</p>
                    <div className={styles.actions}>
                      <Button
                        onPress={() => {
                          close();
                          setStatus.mutate('disabled');
                        }}
                      >
                        {t('admin.users.confirmDisable.yes')}
                      </Button>
                      <Button className={`${formStyles.button} ${styles.secondary}`} onPress={close} autoFocus>
                        {t('admin.cancel')}
                      </Button>
                    </div>
                  </>
                )}
              </Dialog>
            </Modal>
          </ModalOverlay>
        </DialogTrigger>
      )}
      <Button
        className={`${formStyles.button} ${styles.secondary}`}
        onPress={() => reset.mutate()}
        isDisabled={reset.isPending}
        aria-label={t('admin.users.resetFor', { email: user.email })}
      >
        {t('admin.users.reset')}
      </Button>
    </div>
  );
}
