import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import { formatDate } from '../../../i18n/format';
import { useSession } from '../../../session/session';
import { adminKeys, sdkAdminApi, usersQueryOf, USER_ROLES, USER_STATUSES, type AdminApi, type AdminUser, type UserFilters } from '../api';
import styles from '../Admin.module.css';
import ws from '../../../components/Workspace.module.css';
import { MoreBrands, useBrands, type BrandList } from '../useBrands';
import { CreateUserDialog } from './CreateUserDialog';

const SEARCH_DEBOUNCE_MS = 300;

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
  const brandNames = useMemo(() => new Map(brands.items.map((b) => [b.id, b.name])), [brands.items]);
  const [notice, setNotice] = useState<string | null>(null);

  const users = useInfiniteQuery({
    queryKey: adminKeys.users(filters),
    queryFn: ({ pageParam }) => api.listUsers(usersQueryOf(filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<AdminUser>[] = [
    { key: 'email', header: t('admin.users.col.email'), cell: (u) => <span className={styles.email}>{u.email}</span> },
    { key: 'role', header: t('admin.users.col.role'), cell: (u) => t(`admin.role.${u.role}`) },
    {
      key: 'brand',
      header: t('admin.users.col.brand'),
      cell: (u) => (u.brandId ? (brandNames.get(u.brandId) ?? t('admin.users.brandNotListed')) : '—'),
    },
    { key: 'status', header: t('admin.users.col.status'), cell: (u) => t(`admin.status.${u.status}`) },
    { key: 'mustChange', header: t('admin.users.col.mustChange'), cell: (u) => (u.mustChangePassword ? t('admin.yes') : t('admin.no')) },
    {
      key: 'lastLogin',
      header: t('admin.users.col.lastLogin'),
      cell: (u) => (
        <span className={styles.date}>
          {u.lastLoginAt ? formatDate(u.lastLoginAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : t('admin.users.never')}
        </span>
      ),
    },
    {
      key: 'actions',
      header: t('admin.users.col.actions'),
      cell: (u) => <RowActions user={u} isSelf={u.id === me?.id} api={api} onNotice={setNotice} />,
    },
  ];

  return (
    <section className={ws.panel} aria-labelledby="admin-users-title">
      <div className={ws.head}>
        <h1 id="admin-users-title" className={ws.title}>
          {t('admin.users.title')}
        </h1>
        <CreateUserDialog api={api} brands={brands} onCreated={(u) => setNotice(t('admin.users.created', { email: u.email }))} />
      </div>
      <Filters filters={filters} onChange={onFiltersChange} brands={brands} />
      {notice ? <Note>{notice}</Note> : null}
      {users.isPending ? (
        <p role="status">{t('admin.loading')}</p>
      ) : users.isError ? (
        <FormAlert message={problemMessage(problemOf(users.error), t)} />
      ) : (
        <DataTable
          caption={t('admin.users.caption')}
          columns={columns}
          rows={rows}
          rowKey={(u) => u.id}
          empty={t('admin.users.empty')}
          hasMore={users.hasNextPage}
          loadingMore={users.isFetchingNextPage}
          onMore={() => void users.fetchNextPage()}
          moreLabel={users.isFetchingNextPage ? t('admin.loading') : t('admin.users.more')}
        />
      )}
    </section>
  );
}

function Filters({ filters, onChange, brands }: { filters: UserFilters; onChange: (next: UserFilters) => void; brands: BrandList }) {
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
    <form className={ws.filters} role="search" aria-label={t('admin.users.filters')} onSubmit={(e) => e.preventDefault()}>
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
          className={ws.select}
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
          className={ws.select}
          value={filters.brandId ?? ''}
          onChange={(e) => onChange({ ...filters, brandId: e.target.value || undefined })}
        >
          <option value="">{t('admin.users.filter.any')}</option>
          {/* a brand from the URL beyond the pages read so far: still the selected value, said so */}
          {filters.brandId && !brands.items.some((b) => b.id === filters.brandId) ? (
            <option value={filters.brandId}>{t('admin.users.brandNotListed')}</option>
          ) : null}
          {brands.items.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <MoreBrands brands={brands} selectId={`${id}-brand`} />
      </div>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-status`}>
          {t('admin.users.filter.status')}
        </label>
        <select
          id={`${id}-status`}
          className={ws.select}
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
    <div className={ws.rowActions}>
      {user.status === 'disabled' ? (
        <Button
          className={`${formStyles.button} ${ws.secondary}`}
          onPress={() => setStatus.mutate('active')}
          isDisabled={setStatus.isPending}
          aria-label={t('admin.users.enableFor', { email: user.email })}
        >
          {t('admin.users.enable')}
        </Button>
      ) : isSelf ? null : (
        <ConfirmDialog
          trigger={t('admin.users.disable')}
          triggerLabel={t('admin.users.disableFor', { email: user.email })}
          isDisabled={setStatus.isPending}
          title={t('admin.users.confirmDisable.title', { email: user.email })}
          confirm={t('admin.users.confirmDisable.yes')}
          cancel={t('admin.cancel')}
          onConfirm={() => setStatus.mutate('disabled')}
        >
          <p>{t('admin.users.confirmDisable.body')}</p>
        </ConfirmDialog>
      )}
      <Button
        className={`${formStyles.button} ${ws.secondary}`}
        onPress={() => reset.mutate()}
        isDisabled={reset.isPending}
        aria-label={t('admin.users.resetFor', { email: user.email })}
      >
        {t('admin.users.reset')}
      </Button>
    </div>
  );
}
