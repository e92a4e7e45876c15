/**
 * The users page's search parameters, read by the route (this file stays in the entry chunk
 * with the route tree: keep it tiny and free of imports from src/areas/admin).
 */
export const USER_ROLES = ['admin', 'researcher', 'brand', 'panellist'] as const;
export const USER_STATUSES = ['active', 'disabled', 'erased'] as const;

/** The users page's filters, as kept in the URL's search parameters. */
export interface UserFilters {
  role?: (typeof USER_ROLES)[number];
  brandId?: string;
  status?: (typeof USER_STATUSES)[number];
  q?: string;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v.length > 0 && v.length <= max ? v : undefined;
}

/** Reads the filters from the URL (anything unknown is dropped). */
export function userFiltersOf(search: Record<string, unknown>): UserFilters {
  return {
    role: oneOf(USER_ROLES, search.role),
    brandId: text(search.brandId, 100),
    status: oneOf(USER_STATUSES, search.status),
    q: text(search.q, 200),
  };
}
