/**
 * Access tokens for the bench's users, signed like the API's TokenService (HS256 over
 * {sub, sid, role}); the sessions exist in the database (the seed writes them), so the
 * API's guard accepts them as it would after a login.
 */
import { createHmac } from 'node:crypto';

const b64 = (v: string | Buffer): string => Buffer.from(v).toString('base64url');

export function signAccessToken(secret: string, claims: { sub: string; sid: string; role: string }, ttlSeconds = 6 * 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify({ ...claims, iat: now, exp: now + ttlSeconds }))}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}
