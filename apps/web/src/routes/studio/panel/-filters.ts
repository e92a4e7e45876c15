/**
 * The panel list's search parameters, read by the route (this file stays in the entry chunk
 * with the route tree: keep it tiny and free of imports from src/areas/studio).
 */
export const PANELLIST_STATUSES = ['pending_confirmation', 'active', 'waitlisted', 'paused', 'dormant', 'opted_out', 'blocked'] as const;
export const PANELLIST_TIERS = ['lead_user', 'emerging', 'mainstream'] as const;

export type PanellistStatusFilter = (typeof PANELLIST_STATUSES)[number];
export type PanellistTier = (typeof PANELLIST_TIERS)[number];

/** The panel list's filters, as kept in the URL's search parameters. */
export interface PanelFilters {
  status?: PanellistStatusFilter;
  country?: string;
  tier?: PanellistTier;
  minScore?: number;
  q?: string;
  /** a profile attribute condition, `key:value` */
  attribute?: string;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v.length > 0 && v.length <= max ? v : undefined;
}

function score(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

/** Reads the filters from the URL (anything unknown or out of bounds is dropped). */
export function panelFiltersOf(search: Record<string, unknown>): PanelFilters {
  const country = text(search.country, 2);
  const attribute = text(search.attribute, 600);
  return {
    status: oneOf(PANELLIST_STATUSES, search.status),
    country: country && /^[a-z]{2}$/i.test(country) ? country.toUpperCase() : undefined,
    tier: oneOf(PANELLIST_TIERS, search.tier),
    minScore: score(search.minScore),
    q: text(search.q, 100),
    attribute: attribute && /^[a-z][a-z0-9_]{0,63}:.+$/s.test(attribute) ? attribute : undefined,
  };
}
