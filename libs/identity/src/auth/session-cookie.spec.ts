import { clearedSessionCookie, readSessionCookie, sessionCookie, sessionCookieSettings } from './session-cookie';

const TOKEN = 'q3Yv2m0d4kJ1rX9sV8wT7uS6pR5oN4mL3kJ2hG1fE0d';

describe('the browser session cookie', () => {
  it('is __Secure-lp_session with Secure when the public URL is https, lp_session without it otherwise', () => {
    expect(sessionCookieSettings('https://panel.example.com', 30)).toEqual({
      name: '__Secure-lp_session',
      secure: true,
      maxAgeSeconds: 2_592_000,
    });
    expect(sessionCookieSettings('http://localhost:3000', 1)).toEqual({ name: 'lp_session', secure: false, maxAgeSeconds: 86_400 });
  });

  it('writes HttpOnly, SameSite=Strict, the session path, Max-Age and a matching Expires', () => {
    const s = sessionCookieSettings('https://panel.example.com', 30);
    expect(sessionCookie(s, TOKEN, Date.UTC(2026, 0, 1))).toBe(
      `__Secure-lp_session=${TOKEN}; Path=/api/v1/auth/session; Max-Age=2592000; Expires=Sat, 31 Jan 2026 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict`,
    );
    expect(clearedSessionCookie(sessionCookieSettings('http://localhost:3000', 30))).toBe(
      'lp_session=; Path=/api/v1/auth/session; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict',
    );
  });

  it('refuses to write a value that is not a refresh token (no header injection)', () => {
    expect(() => sessionCookie(sessionCookieSettings('http://localhost', 1), 'a; Domain=evil.example')).toThrow();
  });

  it.each([
    [undefined, null],
    ['', null],
    [`lp_session=${TOKEN}`, TOKEN],
    [`theme=dark;lp_session=${TOKEN} ; x=1`, TOKEN],
    [`lp_session="${TOKEN}"`, TOKEN],
    [`xlp_session=${TOKEN}`, null],
    [`__Secure-lp_session=${TOKEN}`, null],
    ['lp_session=', null],
    ['lp_session=a b', null],
    ['lp_session=%41', null],
    [`lp_session=${TOKEN}; lp_session=other`, TOKEN],
  ])('reads %j as %j', (header, expected) => {
    expect(readSessionCookie(header, 'lp_session')).toBe(expected);
  });
});
