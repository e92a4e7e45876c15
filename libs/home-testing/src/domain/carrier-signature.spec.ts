import { createHmac } from 'node:crypto';
import { MAX_SIGNATURE_HEADER_LENGTH, signCarrierPayload, verifyCarrierSignature, type CarrierSignatureResult } from './carrier-signature';

const SECRET = 'whsec_test_0123456789';
const NOW = 1_760_000_000;
const BODY = Buffer.from('{"eventId":"evt_1","trackingNumber":"1Z999","status":"delivered","occurredAt":"2025-10-09T08:53:20Z"}');
const hex = (t: number | string, body: Buffer = BODY, secret = SECRET): string =>
  createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
const GOOD_V1 = hex(NOW);

describe('signCarrierPayload', () => {
  it('produces t=<unix>,v1=<hex hmac_sha256(secret, t + "." + body)>', () => {
    expect(signCarrierPayload(SECRET, NOW, BODY)).toBe(`t=${NOW},v1=${GOOD_V1}`);
  });

  it('signs the raw bytes (non-UTF-8 bytes included)', () => {
    const raw = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    expect(signCarrierPayload(SECRET, NOW, raw)).toBe(`t=${NOW},v1=${hex(NOW, raw)}`);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('rejects timestamp %s', (t) => {
    expect(() => signCarrierPayload(SECRET, t, BODY)).toThrow(RangeError);
  });

  it('refuses an empty secret', () => {
    expect(() => signCarrierPayload('', NOW, BODY)).toThrow();
  });
});

describe('verifyCarrierSignature: signed messages', () => {
  const altered = Buffer.from(BODY);
  altered[10] ^= 0x01;

  it.each<[string, string, Buffer, string, number, CarrierSignatureResult]>([
    ['good', signCarrierPayload(SECRET, NOW, BODY), BODY, SECRET, NOW, { ok: true, timestamp: NOW }],
    ['wrong secret', signCarrierPayload('other-secret', NOW, BODY), BODY, SECRET, NOW, { ok: false, reason: 'mismatch' }],
    ['altered body (one bit of one byte)', signCarrierPayload(SECRET, NOW, BODY), altered, SECRET, NOW, { ok: false, reason: 'mismatch' }],
    [
      'body with a trailing newline',
      signCarrierPayload(SECRET, NOW, BODY),
      Buffer.concat([BODY, Buffer.from('\n')]),
      SECRET,
      NOW,
      { ok: false, reason: 'mismatch' },
    ],
    ['t changed after signing', `t=${NOW + 1},v1=${GOOD_V1}`, BODY, SECRET, NOW, { ok: false, reason: 'mismatch' }],
    ['301 s old', signCarrierPayload(SECRET, NOW - 301, BODY), BODY, SECRET, NOW, { ok: false, reason: 'stale' }],
    ['one day old', signCarrierPayload(SECRET, NOW - 86_400, BODY), BODY, SECRET, NOW, { ok: false, reason: 'stale' }],
    ['301 s in the future', signCarrierPayload(SECRET, NOW + 301, BODY), BODY, SECRET, NOW, { ok: false, reason: 'future' }],
    [
      'exactly 300 s old (edge, accepted)',
      signCarrierPayload(SECRET, NOW - 300, BODY),
      BODY,
      SECRET,
      NOW,
      { ok: true, timestamp: NOW - 300 },
    ],
    [
      'exactly 300 s ahead (edge, accepted)',
      signCarrierPayload(SECRET, NOW + 300, BODY),
      BODY,
      SECRET,
      NOW,
      { ok: true, timestamp: NOW + 300 },
    ],
    ['old and forged: mismatch wins', signCarrierPayload('other', NOW - 999, BODY), BODY, SECRET, NOW, { ok: false, reason: 'mismatch' }],
    ['empty body', signCarrierPayload(SECRET, NOW, Buffer.alloc(0)), Buffer.alloc(0), SECRET, NOW, { ok: true, timestamp: NOW }],
  ])('%s', (_name, header, body, secret, now, expected) => {
    expect(verifyCarrierSignature(header, body, secret, now)).toEqual(expected);
  });

  it('honours a custom tolerance', () => {
    const header = signCarrierPayload(SECRET, NOW - 61, BODY);
    expect(verifyCarrierSignature(header, BODY, SECRET, NOW, 60)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyCarrierSignature(header, BODY, SECRET, NOW, 61)).toEqual({ ok: true, timestamp: NOW - 61 });
  });

  it('refuses an empty secret (configuration error) instead of verifying', () => {
    expect(() => verifyCarrierSignature(`t=${NOW},v1=${GOOD_V1}`, BODY, '', NOW)).toThrow();
  });
});

describe('verifyCarrierSignature: header grammar', () => {
  const OTHER_V1 = hex(NOW, BODY, 'old-secret');
  it.each<[string, string | undefined, CarrierSignatureResult]>([
    ['absent', undefined, { ok: false, reason: 'missing' }],
    ['empty', '', { ok: false, reason: 'malformed' }],
    ['no t', `v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['t not a number', `t=abc,v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['t with decimals', `t=${NOW}.0,v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['negative t', `t=-${NOW},v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['t in exponent notation', `t=1.76e9,v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['empty t', `t=,v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['no v1', `t=${NOW}`, { ok: false, reason: 'malformed' }],
    ['only v0', `t=${NOW},v0=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['v1 not hex', `t=${NOW},v1=${'z'.repeat(64)}`, { ok: false, reason: 'malformed' }],
    ['v1 odd-length hex', `t=${NOW},v1=${GOOD_V1}0`, { ok: false, reason: 'malformed' }],
    ['v1 empty', `t=${NOW},v1=`, { ok: false, reason: 'malformed' }],
    ['v1 hex but too short', `t=${NOW},v1=${GOOD_V1.slice(0, 62)}`, { ok: false, reason: 'mismatch' }],
    ['v1 hex but too long', `t=${NOW},v1=${GOOD_V1}00`, { ok: false, reason: 'mismatch' }],
    ['duplicated t', `t=${NOW},t=${NOW},v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['space after comma', `t=${NOW}, v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['space around =', `t = ${NOW},v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['trailing comma', `t=${NOW},v1=${GOOD_V1},`, { ok: false, reason: 'malformed' }],
    ['part without =', `t=${NOW},v1=${GOOD_V1},junk`, { ok: false, reason: 'malformed' }],
    ['key without name', `t=${NOW},=x,v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['semicolons instead of commas', `t=${NOW};v1=${GOOD_V1}`, { ok: false, reason: 'malformed' }],
    ['huge header', `t=${NOW},v1=${GOOD_V1},x=${'a'.repeat(MAX_SIGNATURE_HEADER_LENGTH)}`, { ok: false, reason: 'malformed' }],
    ['uppercase hex v1', `t=${NOW},v1=${GOOD_V1.toUpperCase()}`, { ok: true, timestamp: NOW }],
    ['v1 before t', `v1=${GOOD_V1},t=${NOW}`, { ok: true, timestamp: NOW }],
    ['unknown v0 ignored', `t=${NOW},v0=deadbeef,v1=${GOOD_V1}`, { ok: true, timestamp: NOW }],
    ['unknown v2 with any value ignored', `t=${NOW},v1=${GOOD_V1},v2=not-hex`, { ok: true, timestamp: NOW }],
    ['several v1, the second valid (rotation)', `t=${NOW},v1=${OTHER_V1},v1=${GOOD_V1}`, { ok: true, timestamp: NOW }],
    ['several v1, the first valid', `t=${NOW},v1=${GOOD_V1},v1=${OTHER_V1}`, { ok: true, timestamp: NOW }],
    ['several v1, one too short, one valid', `t=${NOW},v1=abcd,v1=${GOOD_V1}`, { ok: true, timestamp: NOW }],
    ['several v1, none valid', `t=${NOW},v1=${OTHER_V1},v1=${hex(NOW, BODY, 'x')}`, { ok: false, reason: 'mismatch' }],
    ['leading zeros in t are signed as written', `t=0${NOW},v1=${hex(`0${NOW}`)}`, { ok: true, timestamp: NOW }],
  ])('%s', (_name, header, expected) => {
    expect(() => verifyCarrierSignature(header, BODY, SECRET, NOW)).not.toThrow();
    expect(verifyCarrierSignature(header, BODY, SECRET, NOW)).toEqual(expected);
  });

  it('a header of exactly the size limit is still parsed', () => {
    const base = `t=${NOW},v1=${GOOD_V1},x=`;
    const header = base + 'a'.repeat(MAX_SIGNATURE_HEADER_LENGTH - base.length);
    expect(header).toHaveLength(MAX_SIGNATURE_HEADER_LENGTH);
    expect(verifyCarrierSignature(header, BODY, SECRET, NOW)).toEqual({ ok: true, timestamp: NOW });
  });
});
