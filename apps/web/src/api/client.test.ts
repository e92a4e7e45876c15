import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '../test/fakeApi';
import { ApiError, configureClient, getAccessToken, onSessionRefresh, resetClientForTests, setAccessToken, unwrap } from './client';
import { meControllerProfile, meControllerMyPoints } from './generated/sdk.gen';

const session = (token: string) => ({
  accessToken: token,
  tokenType: 'Bearer',
  expiresIn: 900,
  user: { id: 'u1', email: 'p@example.com', role: 'panellist' },
});
const profile = { id: 'u1', email: 'p@example.com', locale: 'fr' };

/** 401 unless the request carries `Bearer <valid>`. */
const needs = (valid: string, body: unknown) => (req: { headers: Headers }) =>
  req.headers.get('Authorization') === `Bearer ${valid}` ? json(200, body) : problem(401, 'invalid-access-token');

beforeEach(() => resetClientForTests());
afterEach(() => resetClientForTests());

describe('the configured client', () => {
  it('sends the in-memory token; on a 401 refreshes once by cookie and retries with the new token', async () => {
    const api = fakeApi({
      'GET /api/v1/me/profile': needs('new', profile),
      'POST /api/v1/auth/session/refresh': json(200, session('new')),
    });
    configureClient(api.fetch);
    setAccessToken('old');

    const data = unwrap(await meControllerProfile());

    expect(data).toEqual(profile);
    expect(api.calls.map((c) => `${c.method} ${c.path} ${c.headers.get('Authorization') ?? '-'}`)).toEqual([
      'GET /api/v1/me/profile Bearer old',
      'POST /api/v1/auth/session/refresh -',
      'GET /api/v1/me/profile Bearer new',
    ]);
    expect(api.calls[1].headers.get('X-Leadpanel-Client')).toBe('web');
    expect(getAccessToken()).toBe('new');
  });

  it('retries a request with a body with that body intact', async () => {
    const api = fakeApi({
      'POST /api/v1/public/resend-confirmation': (req, n) => (n === 1 ? problem(401, 'x') : json(202, { echoed: req.body })),
      'POST /api/v1/auth/session/refresh': json(200, session('new')),
    });
    configureClient(api.fetch);
    setAccessToken('old');
    const { recruitmentControllerResendConfirmation } = await import('./generated/sdk.gen');
    await recruitmentControllerResendConfirmation({ body: { email: 'a@example.com' } });
    const sent = api.calls.filter((c) => c.path === '/api/v1/public/resend-confirmation').map((c) => c.body);
    expect(sent).toEqual(['{"email":"a@example.com"}', '{"email":"a@example.com"}']);
  });

  it('signs out when the refresh fails: the 401 is returned, the token forgotten, listeners told', async () => {
    const api = fakeApi({
      'GET /api/v1/me/profile': problem(401, 'invalid-access-token'),
      'POST /api/v1/auth/session/refresh': problem(401, 'invalid-refresh-token'),
    });
    configureClient(api.fetch);
    setAccessToken('old');
    const told: unknown[] = [];
    onSessionRefresh((s) => told.push(s));

    const result = await meControllerProfile();

    expect(result.response.status).toBe(401);
    expect(() => unwrap(result)).toThrow(ApiError);
    expect(getAccessToken()).toBeNull();
    expect(told).toEqual([null]);
    expect(api.count('GET /api/v1/me/profile')).toBe(1); // no retry without a new token
  });

  it('shares one refresh between concurrent 401s', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api = fakeApi({
      'GET /api/v1/me/profile': needs('new', profile),
      'GET /api/v1/me/points': needs('new', { balance: 5 }),
      'POST /api/v1/auth/session/refresh': async () => {
        await gate;
        return json(200, session('new'));
      },
    });
    configureClient(api.fetch);
    setAccessToken('old');

    const both = Promise.all([meControllerProfile(), meControllerMyPoints()]);
    await new Promise((r) => setTimeout(r, 10));
    release();
    const [a, b] = await both;

    expect(a.data).toEqual(profile);
    expect(b.data).toEqual({ balance: 5 });
    expect(api.count('POST /api/v1/auth/session/refresh')).toBe(1);
  });

  it('never refreshes on a 401 of the session routes themselves (a wrong password)', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/session': problem(401, 'invalid-credentials') });
    configureClient(api.fetch);
    const { browserSessionControllerSignIn } = await import('./generated/sdk.gen');
    const res = await browserSessionControllerSignIn({
      body: { email: 'a@example.com', password: 'x' },
      headers: { 'X-Leadpanel-Client': 'web' },
    });
    expect(res.response.status).toBe(401);
    expect(api.count('POST /api/v1/auth/session/refresh')).toBe(0);
  });
});
