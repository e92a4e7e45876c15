import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUUID } from 'class-validator';

/**
 * Share links for a report: `<payload>.<mac>`, both base64url without padding, where the
 * payload is `{l: share link id, e: expiry in unix seconds}` and the MAC is HMAC-SHA256
 * under a key derived from the server secret for this one purpose. The link itself is a
 * stored row (`report_share_links`) that can be revoked: the token only says which row,
 * and cannot be guessed (MAC), stretched (the expiry is under the MAC) or respelled —
 * only the canonical base64url of each part is accepted (the last character of a part
 * has spare bits: four spellings would decode to the same bytes). Pure.
 *
 * Version 2 (`leadpanel:report-share-link:v2`): the tokens of version 1, which named the
 * report and had no stored row, stop verifying under the new key.
 */
export interface ShareClaims {
  linkId: string;
  expiresAt: Date;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function shareKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('leadpanel:report-share-link:v2').digest();
}

export function signShareToken(key: Buffer, claims: ShareClaims): string {
  const payload = Buffer.from(JSON.stringify({ l: claims.linkId, e: Math.floor(claims.expiresAt.getTime() / 1000) })).toString('base64url');
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

/** The bytes of a base64url text, or null unless it is the one canonical spelling of them (no padding, no spare bits set). */
function canonicalBytes(text: string): Buffer | null {
  if (!BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/** The claims of an authentic, canonical, unexpired token; null for anything else (never throws). */
export function verifyShareToken(key: Buffer, token: string, now: Date): ShareClaims | null {
  if (token.length > 512) return null;
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const payload = canonicalBytes(parts[0]);
  const given = canonicalBytes(parts[1]);
  if (!payload || !given) return null;
  const expected = createHmac('sha256', key).update(parts[0]).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(payload.toString('utf8'));
  } catch {
    return null;
  }
  const { l, e } = (claims ?? {}) as { l?: unknown; e?: unknown };
  if (typeof l !== 'string' || !isUUID(l, 'loose') || l !== l.toLowerCase() || typeof e !== 'number' || !Number.isSafeInteger(e))
    return null;
  if (e * 1000 <= now.getTime()) return null;
  return { linkId: l, expiresAt: new Date(e * 1000) };
}
