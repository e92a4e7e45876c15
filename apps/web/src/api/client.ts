/**
 * The generated client, configured once: same origin, JSON, the in-memory access token as
 * `Authorization: Bearer`, and on a 401 ONE shared `POST /auth/session/refresh` (the HttpOnly
 * cookie) then one retry. A failed refresh signs the browser out (the session store listens).
 *
 * The access token never leaves memory: no localStorage, no cookie readable by script.
 */
import { client } from './generated/client.gen';
import type { BrowserSessionDto, Problem } from './generated/types.gen';

/** The header the browser session routes require (their CSRF check). */
export const WEB_CLIENT_HEADER = { 'X-Leadpanel-Client': 'web' } as const;

const SESSION_PATH = '/api/v1/auth/session';

let accessToken: string | null = null;

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** `Authorization` for the few calls the generated client cannot make (a file download with fetch). */
export function authHeaders(): Record<string, string> {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}

type SessionListener = (session: BrowserSessionDto | null) => void;
const listeners = new Set<SessionListener>();

/** Called with the new session after every refresh, and with null when a refresh fails (signed out). */
export function onSessionRefresh(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** An API answer that is not 2xx: the problem+json body, the status and the Retry-After seconds (429). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export function retryAfterOf(response: Response | undefined): number | null {
  const raw = response?.headers.get('Retry-After');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

function asProblem(body: unknown): Problem | null {
  return typeof body === 'object' && body !== null && 'status' in body && 'title' in body ? (body as Problem) : null;
}

/**
 * The data of an SDK call's result, or throws an ApiError (with the problem and Retry-After):
 * `queryFn: async () => unwrap(await meControllerProfile())`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response?: Response }): T {
  if (result.error === undefined && result.response?.ok !== false && result.data !== undefined) return result.data;
  const status = result.response?.status ?? 0;
  throw new ApiError(status, asProblem(result.error), retryAfterOf(result.response));
}

let baseFetch: typeof fetch = (...args) => globalThis.fetch(...args);
let refreshing: Promise<BrowserSessionDto | null> | null = null;

/**
 * The one refresh in flight: every caller (a 401 anywhere, the bootstrap on load) shares it.
 * Resolves to the new session, or null when there is none (cookie missing, expired or revoked).
 */
export function refreshSession(): Promise<BrowserSessionDto | null> {
  refreshing ??= (async () => {
    let session: BrowserSessionDto | null = null;
    try {
      const res = await baseFetch(
        new Request(absolute(`${SESSION_PATH}/refresh`), { method: 'POST', headers: { ...WEB_CLIENT_HEADER }, credentials: 'same-origin' }),
      );
      if (res.ok) session = (await res.json()) as BrowserSessionDto;
    } catch {
      session = null; // offline: treated as signed out; the next sign-in starts over
    }
    accessToken = session?.accessToken ?? null;
    for (const l of listeners) l(session);
    return session;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function absolute(path: string): string {
  return typeof window === 'undefined' ? path : new URL(path, window.location.origin).toString();
}

function withToken(request: Request, token: string | null): Request {
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

/** Sign-in, refresh and sign-out answer 401 for their own reasons: never refresh-and-retry those. */
function isSessionRoute(url: string): boolean {
  return new URL(url, 'http://x').pathname.startsWith(SESSION_PATH);
}

/** The fetch the generated client uses: token in, one shared refresh and one retry on a 401. */
export async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request && !init ? input : new Request(input, init);
  if (isSessionRoute(request.url)) return baseFetch(request);
  const spare = request.clone(); // the body of the first attempt is consumed
  const sentWith = accessToken;
  const response = await baseFetch(withToken(request, sentWith));
  if (response.status !== 401) return response;
  // another call may already have refreshed while this one was in flight
  const token = accessToken && accessToken !== sentWith ? accessToken : (await refreshSession())?.accessToken;
  if (!token) return response;
  return baseFetch(withToken(spare, token));
}

/** Configures the generated client (called once, on load; tests pass a fake fetch). */
export function configureClient(fetchImpl?: typeof fetch): void {
  if (fetchImpl) baseFetch = fetchImpl;
  client.setConfig({
    baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
    credentials: 'same-origin',
    fetch: authFetch as typeof fetch,
  });
}

/** Tests: forget the token and any refresh in flight. */
export function resetClientForTests(): void {
  accessToken = null;
  refreshing = null;
  listeners.clear();
}
