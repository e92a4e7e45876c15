import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { DataTable, type Column } from '../../../components/DataTable';
import { formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { formatDate, formatNumber } from '../../../i18n/format';
import {
  PANELLIST_STATUSES,
  PANELLIST_TIERS,
  panelKeys,
  panellistsQueryOf,
  sdkPanelApi,
  type PanelApi,
  type PanelFilters,
  type PanellistSummary,
  type ProfileAttribute,
} from './api';
import styles from './Panel.module.css';

const TYPING_DEBOUNCE_MS = 300;

/**
 * `/studio/panel`: the panellists, filtered by status, country, tier, minimum score, a profile
 * attribute and a search (all kept in the URL), a page at a time; each name opens the panellist.
 */
export function PanelPage({
  filters,
  onFiltersChange,
  api = sdkPanelApi,
}: {
  filters: PanelFilters;
  onFiltersChange: (next: PanelFilters) => void;
  api?: PanelApi;
}) {
  const { t, i18n } = useTranslation();
  const panellists = useInfiniteQuery({
    queryKey: panelKeys.list(filters),
    queryFn: ({ pageParam }) => api.list(panellistsQueryOf(filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = panellists.data?.pages.flatMap((p) => p.items) ?? [];
  const lang = i18n.language;

  const columns: Column<PanellistSummary>[] = [
    {
      key: 'name',
      header: t('studio.panel.col.name'),
      rowHeader: true,
      cell: (p) => (
        <Link to="/studio/panel/$panellistId" params={{ panellistId: p.id }} className={styles.link}>
          {p.displayName}
        </Link>
      ),
    },
    { key: 'email', header: t('studio.panel.col.email'), cell: (p) => <span className={styles.email}>{p.email}</span> },
    { key: 'country', header: t('studio.panel.col.country'), cell: (p) => p.country },
    { key: 'tier', header: t('studio.panel.col.tier'), cell: (p) => (p.tier ? t(`studio.panel.tier.${p.tier}`) : t('studio.none')) },
    {
      key: 'score',
      header: t('studio.panel.col.score'),
      numeric: true,
      cell: (p) => (p.score === null ? t('studio.none') : formatNumber(p.score, lang)),
    },
    {
      key: 'status',
      header: t('studio.panel.col.status'),
      cell: (p) => (
        <span className={ws.badge} data-status={p.status}>
          {t(`studio.panel.status.${p.status}`)}
        </span>
      ),
    },
    {
      key: 'lastActive',
      header: t('studio.panel.col.lastActive'),
      cell: (p) => <span className={styles.date}>{formatDate(p.lastActiveAt, lang, { dateStyle: 'medium' })}</span>,
    },
  ];

  return (
    <section className={ws.panel} aria-labelledby="studio-panel-title">
      <div className={ws.head}>
        <h1 id="studio-panel-title" className={ws.title}>
          {t('studio.panel.title')}
        </h1>
      </div>
      <Filters filters={filters} onChange={onFiltersChange} api={api} />
      {panellists.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : panellists.isError ? (
        <FormAlert message={problemMessage(problemOf(panellists.error), t)} />
      ) : (
        <DataTable
          caption={t('studio.panel.caption')}
          columns={columns}
          rows={rows}
          rowKey={(p) => p.id}
          empty={t('studio.panel.empty')}
          hasMore={panellists.hasNextPage}
          loadingMore={panellists.isFetchingNextPage}
          onMore={() => void panellists.fetchNextPage()}
          moreLabel={panellists.isFetchingNextPage ? t('studio.loading') : t('studio.more')}
        />
      )}
    </section>
  );
}

/**
 * A text the URL keeps once typing pauses: the input follows the URL when it changes elsewhere
 * (back button), and `commit` is called with the typed text after TYPING_DEBOUNCE_MS.
 */
function useDebouncedText(fromUrl: string, commit: (typed: string) => void): [string, (v: string) => void] {
  const [typed, setTyped] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    setTyped(fromUrl);
  }
  useEffect(() => {
    if (typed.trim() === fromUrl) return;
    const timer = setTimeout(() => commit(typed.trim()), TYPING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed, fromUrl, commit]);
  return [typed, setTyped];
}

function Filters({ filters, onChange, api }: { filters: PanelFilters; onChange: (next: PanelFilters) => void; api: PanelApi }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useDebouncedText(filters.q ?? '', (v) => onChange({ ...filters, q: v || undefined }));
  // a country is sent once it has its two letters (or is cleared)
  const [country, setCountry] = useDebouncedText(filters.country ?? '', (v) => {
    if (v === '' || /^[a-z]{2}$/i.test(v)) onChange({ ...filters, country: v ? v.toUpperCase() : undefined });
  });
  const [minScore, setMinScore] = useDebouncedText(filters.minScore === undefined ? '' : String(filters.minScore), (v) => {
    const n = Number(v);
    if (v === '') onChange({ ...filters, minScore: undefined });
    else if (Number.isFinite(n) && n >= 0 && n <= 100) onChange({ ...filters, minScore: n });
  });
  const attributes = useQuery({ queryKey: panelKeys.attributes, queryFn: () => api.attributes() });

  return (
    <form className={ws.filters} role="search" aria-label={t('studio.panel.filters')} onSubmit={(e) => e.preventDefault()}>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-q`}>
          {t('studio.panel.filter.q')}
        </label>
        <input id={`${id}-q`} type="search" className={formStyles.input} value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-status`}>
          {t('studio.panel.filter.status')}
        </label>
        <select
          id={`${id}-status`}
          className={ws.select}
          value={filters.status ?? ''}
          onChange={(e) => onChange({ ...filters, status: (e.target.value || undefined) as PanelFilters['status'] })}
        >
          <option value="">{t('studio.panel.filter.any')}</option>
          {PANELLIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`studio.panel.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-country`}>
          {t('studio.panel.filter.country')}
        </label>
        <input
          id={`${id}-country`}
          className={formStyles.input}
          value={country}
          maxLength={2}
          autoComplete="off"
          placeholder="FR"
          aria-describedby={`${id}-country-hint`}
          onChange={(e) => setCountry(e.target.value)}
        />
        <span id={`${id}-country-hint`} className={styles.hint}>
          {t('studio.panel.filter.countryHint')}
        </span>
      </div>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-tier`}>
          {t('studio.panel.filter.tier')}
        </label>
        <select
          id={`${id}-tier`}
          className={ws.select}
          value={filters.tier ?? ''}
          onChange={(e) => onChange({ ...filters, tier: (e.target.value || undefined) as PanelFilters['tier'] })}
        >
          <option value="">{t('studio.panel.filter.any')}</option>
          {PANELLIST_TIERS.map((s) => (
            <option key={s} value={s}>
              {t(`studio.panel.tier.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-score`}>
          {t('studio.panel.filter.minScore')}
        </label>
        <input
          id={`${id}-score`}
          type="number"
          min={0}
          max={100}
          step="any"
          inputMode="decimal"
          className={formStyles.input}
          value={minScore}
          onChange={(e) => setMinScore(e.target.value)}
        />
      </div>
      <AttributeFilter
        attributes={attributes.data ?? []}
        value={filters.attribute}
        onChange={(attribute) => onChange({ ...filters, attribute })}
      />
    </form>
  );
}

/** A profile attribute and the value it must have (`key:value` in the URL); a multi-choice attribute must contain it. */
function AttributeFilter({
  attributes,
  value,
  onChange,
}: {
  attributes: ProfileAttribute[];
  value: string | undefined;
  onChange: (next: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const at = value ? value.indexOf(':') : -1;
  const urlKey = value && at > 0 ? value.slice(0, at) : '';
  const urlValue = value && at > 0 ? value.slice(at + 1) : '';
  const [key, setKey] = useState(urlKey);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setKey(urlKey);
  }
  const def = attributes.find((a) => a.key === key);
  const [typed, setTyped] = useDebouncedText(urlValue, (v) => onChange(key && v ? `${key}:${v}` : undefined));
  if (attributes.length === 0) return null;
  const choices =
    def?.type === 'boolean' ? ['true', 'false'] : def?.type === 'enum' || def?.type === 'multi_enum' ? (def.options ?? []) : null;
  return (
    <>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-key`}>
          {t('studio.panel.filter.attribute')}
        </label>
        <select
          id={`${id}-key`}
          className={ws.select}
          value={key}
          onChange={(e) => {
            setKey(e.target.value);
            setTyped('');
            if (value) onChange(undefined);
          }}
        >
          <option value="">{t('studio.panel.filter.anyAttribute')}</option>
          {attributes.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      {def ? (
        <div className={formStyles.field}>
          <label className={formStyles.label} htmlFor={`${id}-value`}>
            {t('studio.panel.filter.attributeValue', { attribute: def.label })}
          </label>
          {choices ? (
            <select
              id={`${id}-value`}
              className={ws.select}
              value={urlValue}
              onChange={(e) => onChange(e.target.value ? `${def.key}:${e.target.value}` : undefined)}
            >
              <option value="">{t('studio.panel.filter.any')}</option>
              {choices.map((c) => (
                <option key={c} value={c}>
                  {def.type === 'boolean' ? t(c === 'true' ? 'studio.yes' : 'studio.no') : c}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${id}-value`}
              className={formStyles.input}
              type={def.type === 'number' ? 'number' : 'text'}
              step="any"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          )}
        </div>
      ) : null}
    </>
  );
}
