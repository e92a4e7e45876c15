import type { Role } from './session';

/** A `?next=` worth following: a path of this app (never `//host` or `https://…`: no open redirect). */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value;
}

export function nextSearch(search: Record<string, unknown>): { next?: string } {
  return { next: safeNext(search.next) };
}

const AREAS: Record<string, readonly Role[]> = {
  '/me': ['panellist'],
  '/studio': ['researcher', 'admin'],
  '/brand': ['brand'],
  '/admin': ['admin'],
};

/** The roles an area admits (by the path's first segment); null for a path outside the areas. */
export function rolesFor(path: string): readonly Role[] | null {
  const first = `/${path.split(/[/?#]/)[1] ?? ''}`;
  return AREAS[first] ?? null;
}

/** Where to go after signing in: `next` when this role may open it, else the role's home. */
export function destinationFor(role: Role, home: string, next?: string): string {
  if (!next) return home;
  const roles = rolesFor(next);
  if (roles && !roles.includes(role)) return home;
  if (next === '/' || next.startsWith('/login')) return home;
  return next;
}

/**
 * Where the app goes once signed out: /login from a page that needs the session (an area,
 * /account/…), nowhere from a public page — e.g. /goodbye, where erasing the account lands
 * before the session ends.
 */
export function afterSignOut(path: string): '/login' | null {
  return rolesFor(path) !== null || path.startsWith('/account') ? '/login' : null;
}
