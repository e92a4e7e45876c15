/**
 * The browser session cookie (docs/web.md, "The session"): the refresh token,
 * HttpOnly (no script reads it), SameSite=Strict, scoped to the session routes, Secure when
 * the public URL is https. Written and read by hand: no cookie dependency.
 *
 * Name: `__Secure-lp_session` when Secure (the prefix makes browsers refuse the cookie unless it
 * is Secure and set over https), else `lp_session`. Not `__Host-`: that prefix requires `Path=/`,
 * and the cookie is meant to reach the session routes only, never the rest of the API.
 */
export const SESSION_COOKIE_PATH = '/api/v1/auth/session';
export const SESSION_COOKIE_NAME = 'lp_session';
export const SECURE_SESSION_COOKIE_NAME = '__Secure-lp_session';

export interface SessionCookieSettings {
  name: string;
  secure: boolean;
  maxAgeSeconds: number;
}

/** Refresh tokens are 32 random bytes in base64url (TokenService): anything else is not one of ours. */
const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

export function sessionCookieSettings(publicBaseUrl: string, refreshTokenTtlDays: number): SessionCookieSettings {
  const secure = new URL(publicBaseUrl).protocol === 'https:';
  return { name: secure ? SECURE_SESSION_COOKIE_NAME : SESSION_COOKIE_NAME, secure, maxAgeSeconds: refreshTokenTtlDays * 86_400 };
}

function attributes(s: SessionCookieSettings, maxAge: number, expires: Date): string {
  return [
    `Path=${SESSION_COOKIE_PATH}`,
    `Max-Age=${maxAge}`,
    `Expires=${expires.toUTCString()}`,
    'HttpOnly',
    ...(s.secure ? ['Secure'] : []),
    'SameSite=Strict',
  ].join('; ');
}

/** The Set-Cookie value carrying a refresh token for the refresh lifetime. */
export function sessionCookie(s: SessionCookieSettings, token: string, now = Date.now()): string {
  if (!TOKEN.test(token)) throw new Error('not a refresh token');
  return `${s.name}=${token}; ${attributes(s, s.maxAgeSeconds, new Date(now + s.maxAgeSeconds * 1000))}`;
}

/** The Set-Cookie value that makes the browser drop the cookie (same name and path, empty, expired). */
export function clearedSessionCookie(s: SessionCookieSettings): string {
  return `${s.name}=; ${attributes(s, 0, new Date(0))}`;
}

/**
 * The session cookie's value from a Cookie request header, or null when it is absent or not a
 * token. When a name appears twice (a cookie of a wider path, or one a sibling domain tossed),
 * the first wins: browsers list the longest path first (RFC 6265 §5.4), i.e. ours.
 */
export function readSessionCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return TOKEN.test(value) ? value : null;
  }
  return null;
}
