import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Share links for a report: `<payload>.<mac>`, both base64url, where the payload is
 * `{r: reportId, e: expiry in unix seconds}` and the MAC is HMAC-SHA256 under a key
 * derived from the server secret for this one purpose. Nothing is stored: a link
 * cannot be guessed (it carries a MAC), cannot be stretched (the expiry is under the
 * MAC), and stops working when it expires. Pure.
 */
export interface ShareClaims {
  reportId: string;
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function shareKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('leadpanel:report-share-link:v1').digest();
}

export function signShareToken(key: Buffer, claims: ShareClaims): string {
  const payload = Buffer.from(JSON.stringify({ r: claims.reportId, e: Math.floor(claims.expiresAt.getTime() / 1000) })).toString(
    'base64url',
  );
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

/** The claims of an authentic, unexpired token; null for anything else (never throws). */
export function verifyShareToken(key: Buffer, token: string, now: Date): ShareClaims | null {
  if (token.length > 512) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) return null;
  const expected = createHmac('sha256', key).update(parts[0]).digest();
  const given = Buffer.from(parts[1], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { r, e } = (claims ?? {}) as { r?: unknown; e?: unknown };
  if (typeof r !== 'string' || !UUID.test(r) || typeof e !== 'number' || !Number.isSafeInteger(e)) return null;
  if (e * 1000 <= now.getTime()) return null;
  return { reportId: r, expiresAt: new Date(e * 1000) };
}
