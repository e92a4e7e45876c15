import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, formStyles } from '../../components/Form';
import styles from '../../components/Workspace.module.css';
import { adminKeys, type AdminApi, type Brand } from './api';

/** The brands read so far (GET /brands, 100 a page, with its cursor) and how to read the next page. */
export interface BrandList {
  items: Brand[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<unknown>;
}

/**
 * The brands for the users page (the filter, the names in the table, the create dialog): the
 * first page at once, the next ones on demand, so that the 101st brand is always reachable.
 * Shares its cache with the brands page.
 */
export function useBrands(api: AdminApi): BrandList {
  const brands = useInfiniteQuery({
    queryKey: [...adminKeys.brands, 'pages'],
    queryFn: ({ pageParam }) => api.listBrands(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => brands.data?.pages.flatMap((p) => p.items) ?? [], [brands.data]);
  return {
    items,
    hasMore: brands.hasNextPage,
    loadingMore: brands.isFetchingNextPage,
    loadMore: () => brands.fetchNextPage(),
  };
}

/**
 * "More brands" beside a brand select while the API has more: reads the next page, then gives
 * the focus back to the select (`selectId`), whose list now holds the new brands.
 */
export function MoreBrands({ brands, selectId }: { brands: BrandList; selectId: string }) {
  const { t } = useTranslation();
  if (!brands.hasMore) return null;
  return (
    <Button
      className={`${formStyles.button} ${styles.secondary}`}
      isDisabled={brands.loadingMore}
      onPress={() => {
        void brands.loadMore().then(() => document.getElementById(selectId)?.focus());
      }}
    >
      {brands.loadingMore ? t('admin.loading') : t('admin.users.moreBrands', { count: brands.items.length })}
    </Button>
  );
}
