import { createHmac } from 'node:crypto';
import { shareKey, signShareToken, verifyShareToken } from './share-token';

const KEY = shareKey('a-server-secret-that-is-long-enough-for-tests');
const ID = '3f2b6c1e-8a4d-4f7b-9c2e-1d5a7b9c0e12';
const NOW = new Date('2026-11-26T12:00:00Z');
const LATER = new Date('2026-11-27T12:00:00Z');

describe('report share tokens', () => {
  it('verifies what it signed, until the expiry', () => {
    const token = signShareToken(KEY, { linkId: ID, expiresAt: LATER });
    expect(verifyShareToken(KEY, token, NOW)).toEqual({ linkId: ID, expiresAt: LATER });
    expect(verifyShareToken(KEY, token, new Date(LATER.getTime() - 1000))).not.toBeNull();
    expect(verifyShareToken(KEY, token, LATER)).toBeNull();
    expect(verifyShareToken(KEY, token, new Date(LATER.getTime() + 1000))).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const token = signShareToken(shareKey('another-server-secret-that-is-long-enough'), { linkId: ID, expiresAt: LATER });
    expect(verifyShareToken(KEY, token, NOW)).toBeNull();
  });

  it('refuses a stretched expiry or another link id under the old MAC', () => {
    const token = signShareToken(KEY, { linkId: ID, expiresAt: LATER });
    const mac = token.split('.')[1];
    const stretched = Buffer.from(JSON.stringify({ l: ID, e: Math.floor(LATER.getTime() / 1000) + 86_400 })).toString('base64url');
    const other = Buffer.from(
      JSON.stringify({ l: '00000000-0000-4000-8000-000000000000', e: Math.floor(LATER.getTime() / 1000) }),
    ).toString('base64url');
    expect(verifyShareToken(KEY, `${stretched}.${mac}`, NOW)).toBeNull();
    expect(verifyShareToken(KEY, `${other}.${mac}`, NOW)).toBeNull();
  });

  it('is not the raw server secret: the key is derived for this purpose only', () => {
    const payload = Buffer.from(JSON.stringify({ l: ID, e: Math.floor(LATER.getTime() / 1000) })).toString('base64url');
    const withRawSecret = createHmac('sha256', 'a-server-secret-that-is-long-enough-for-tests').update(payload).digest('base64url');
    expect(verifyShareToken(KEY, `${payload}.${withRawSecret}`, NOW)).toBeNull();
  });

  it('accepts only the canonical spelling: the three others of the last character (its spare bits) are refused', () => {
    const token = signShareToken(KEY, { linkId: ID, expiresAt: LATER });
    const [payload, mac] = token.split('.');
    expect(mac).toHaveLength(43); // 32 bytes: the last character carries 2 spare bits
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(mac.slice(-1));
    const spellings = [0, 1, 2, 3].map((spare) => `${mac.slice(0, -1)}${alphabet[(last & ~3) | spare]}`);
    expect(new Set(spellings.map((m) => Buffer.from(m, 'base64url').toString('hex'))).size).toBe(1);
    for (const m of spellings) {
      expect(verifyShareToken(KEY, `${payload}.${m}`, NOW)).toEqual(m === mac ? { linkId: ID, expiresAt: LATER } : null);
    }
    expect(verifyShareToken(KEY, `${payload}.${mac}=`, NOW)).toBeNull();
    expect(verifyShareToken(KEY, `${payload}=.${mac}`, NOW)).toBeNull();
  });

  it('refuses a version 1 token (report id, no stored link) signed under the old key', () => {
    const v1Key = createHmac('sha256', 'a-server-secret-that-is-long-enough-for-tests').update('leadpanel:report-share-link:v1').digest();
    const p = Buffer.from(JSON.stringify({ r: ID, e: Math.floor(LATER.getTime() / 1000) })).toString('base64url');
    expect(verifyShareToken(KEY, `${p}.${createHmac('sha256', v1Key).update(p).digest('base64url')}`, NOW)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['no dot', 'abc'],
    ['three parts', 'a.b.c'],
    ['not base64url', 'ab+c.de/f'],
    ['a huge token', `${'a'.repeat(600)}.b`],
    [
      'a valid MAC over a payload that is not JSON',
      (() => {
        const p = Buffer.from('not json').toString('base64url');
        return `${p}.${createHmac('sha256', KEY).update(p).digest('base64url')}`;
      })(),
    ],
    [
      'a valid MAC over a payload without an expiry',
      (() => {
        const p = Buffer.from(JSON.stringify({ l: ID })).toString('base64url');
        return `${p}.${createHmac('sha256', KEY).update(p).digest('base64url')}`;
      })(),
    ],
    [
      'a valid MAC over an id that is not a uuid',
      (() => {
        const p = Buffer.from(JSON.stringify({ l: "1' OR '1'='1", e: 9_999_999_999 })).toString('base64url');
        return `${p}.${createHmac('sha256', KEY).update(p).digest('base64url')}`;
      })(),
    ],
  ])('refuses %s without throwing', (_what, token) => {
    expect(verifyShareToken(KEY, token, NOW)).toBeNull();
  });
});
