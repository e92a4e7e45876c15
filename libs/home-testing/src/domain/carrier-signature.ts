import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Carrier webhook signature (docs/http-contract.md, POST /webhooks/carrier):
 *
 *   X-Leadpanel-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + rawBody)>
 *
 * Decisions:
 * - The MAC covers the raw request bytes (never a re-serialised JSON body) and the
 *   `t` text exactly as it appears in the header.
 * - Several `v1` are accepted, for secret rotation (the sender signs with the old and the
 *   new secret); unknown keys (`v0`, future `v2`) are ignored.
 * - The signature is checked before the timestamp, so `stale`/`future` only ever
 *   describe authentic messages (useful in logs); all failures map to 401 anyway.
 * - An empty secret is a configuration error and throws: it must never verify.
 */
export const MAX_SIGNATURE_HEADER_LENGTH = 1024;
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

export type CarrierSignatureFailure = 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch';
export type CarrierSignatureResult = { ok: true; timestamp: number } | { ok: false; reason: CarrierSignatureFailure };

const DIGEST_BYTES = 32;

function mac(secret: string, t: string, rawBody: Buffer): Buffer {
  if (secret.length === 0) throw new Error('carrier webhook secret is empty');
  return createHmac('sha256', secret).update(`${t}.`, 'utf8').update(rawBody).digest();
}

export function signCarrierPayload(secret: string, unixSeconds: number, rawBody: Buffer): string {
  if (!Number.isSafeInteger(unixSeconds) || unixSeconds < 0) throw new RangeError(`bad unix timestamp: ${unixSeconds}`);
  const t = String(unixSeconds);
  return `t=${t},v1=${mac(secret, t, rawBody).toString('hex')}`;
}

interface ParsedHeader {
  t: string;
  v1: Buffer[];
}

function parseHeader(header: string): ParsedHeader | null {
  if (header.length === 0 || header.length > MAX_SIGNATURE_HEADER_LENGTH) return null;
  let t: string | null = null;
  const v1: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (!/^[A-Za-z0-9]+$/.test(key) || !/^[\x21-\x7e]+$/.test(value)) return null;
    if (key === 't') {
      if (t !== null || !/^\d{1,15}$/.test(value)) return null;
      t = value;
    } else if (key === 'v1') {
      if (!/^(?:[0-9a-fA-F]{2})+$/.test(value)) return null;
      v1.push(Buffer.from(value, 'hex'));
    }
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

export function verifyCarrierSignature(
  header: string | undefined,
  rawBody: Buffer,
  secret: string,
  nowUnix: number,
  toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): CarrierSignatureResult {
  if (header === undefined) return { ok: false, reason: 'missing' };
  const parsed = parseHeader(header);
  if (parsed === null) return { ok: false, reason: 'malformed' };
  const expected = mac(secret, parsed.t, rawBody);
  let matched = false;
  for (const candidate of parsed.v1) {
    if (candidate.length === DIGEST_BYTES && timingSafeEqual(candidate, expected)) matched = true;
  }
  if (!matched) return { ok: false, reason: 'mismatch' };
  const timestamp = Number(parsed.t);
  if (nowUnix - timestamp > toleranceSeconds) return { ok: false, reason: 'stale' };
  if (timestamp - nowUnix > toleranceSeconds) return { ok: false, reason: 'future' };
  return { ok: true, timestamp };
}
