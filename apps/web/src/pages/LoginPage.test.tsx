import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { configureClient, resetClientForTests, setAccessToken } from '../api/client';
import { meControllerProfile } from '../api/generated/sdk.gen';
import { App } from '../App';
import type { Language } from '../i18n';
import { createTestI18n } from '../i18n/testing';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import type { SessionSnapshot } from '../session/session';
import { fakeApi, json, problem } from '../test/fakeApi';

const signedOut: SessionSnapshot = { status: 'signed-out', user: null };

function renderAt(path: string, lang: Language, session: SessionSnapshot = signedOut) {
  const history = createMemoryHistory({ initialEntries: [path] });
  const i18n = createTestI18n(lang);
  render(<App i18n={i18n} history={history} session={session} />);
  return { history, i18n };
}

async function signIn(email: string, password: string, s: typeof en) {
  await userEvent.type(await screen.findByLabelText(s.form.email), email);
  await userEvent.type(screen.getByLabelText(s.form.password), password);
  await userEvent.click(screen.getByRole('button', { name: s.login.submit }));
}

beforeEach(() => resetClientForTests());

describe('the sign-in page', () => {
  it('checks the form before sending, in the user’s language', async () => {
    const api = fakeApi({});
    configureClient(api.fetch);
    renderAt('/login', 'fr');
    await userEvent.type(await screen.findByLabelText(fr.form.email), 'not-an-address');
    await userEvent.click(screen.getByRole('button', { name: fr.login.submit }));
    expect(await screen.findByText(fr.problem.field.email)).toBeTruthy();
    expect(screen.getByText(fr.form.required)).toBeTruthy(); // the empty password
    expect(api.calls).toEqual([]);
  });

  it('says the e-mail or password is wrong on a 401, in the alert region', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/session': problem(401, 'invalid-credentials') });
    configureClient(api.fetch);
    renderAt('/login', 'en');
    await signIn('pauline@example.com', 'wrong-password-1', en);
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain(en.auth.login.wrong));
    expect(api.calls[0].headers.get('X-Leadpanel-Client')).toBe('web');
    expect(JSON.parse(api.calls[0].body)).toEqual({ email: 'pauline@example.com', password: 'wrong-password-1' });
  });

  it('explains an unconfirmed e-mail (403) and sends the link again on request', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/session': problem(403, 'email-not-confirmed'),
      'POST /api/v1/public/resend-confirmation': new Response(null, { status: 202 }),
    });
    configureClient(api.fetch);
    renderAt('/login', 'fr');
    await signIn('pauline@example.com', 'a-good-password', fr as unknown as typeof en);
    expect(await screen.findByText(fr.auth.login.unconfirmed)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: fr.auth.resend }));
    expect(await screen.findByText(fr.auth.resent)).toBeTruthy();
    const resend = api.calls.find((c) => c.path === '/api/v1/public/resend-confirmation');
    expect(resend && JSON.parse(resend.body)).toEqual({ email: 'pauline@example.com' });
  });

  it('says how many minutes to wait on a 429 (Retry-After)', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/session': problem(429, 'too-many-requests', {}, { 'Retry-After': '120' }) });
    configureClient(api.fetch);
    renderAt('/login', 'fr');
    await signIn('pauline@example.com', 'a-good-password', fr as unknown as typeof en);
    expect(await screen.findByText('Trop de tentatives. Réessayez dans 2 minutes.')).toBeTruthy();
  });

  it('signs in, switches to the panellist’s language and goes to `next`', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/session': json(200, {
        accessToken: 'tok',
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { id: 'p1', email: 'p@example.com', role: 'panellist' },
      }),
      'GET /api/v1/auth/me': json(200, {
        id: 'p1',
        email: 'p@example.com',
        role: 'panellist',
        panellistId: 'p1',
        mustChangePassword: false,
      }),
      'GET /api/v1/me/profile': json(200, { id: 'p1', email: 'p@example.com', locale: 'fr' }),
    });
    configureClient(api.fetch);
    const { history, i18n } = renderAt('/login?next=%2Fme%3Ftab%3D1', 'en');
    await signIn('p@example.com', 'a-good-password', en);
    await waitFor(() => expect(history.location.pathname).toBe('/me'));
    expect(history.location.search).toBe('?tab=1');
    expect(i18n.language).toBe('fr');
    expect(await screen.findByRole('heading', { level: 1, name: fr.me.title })).toBeTruthy();
    expect(api.calls.find((c) => c.path === '/api/v1/me/profile')?.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('sends staff who must change their password to /account/password', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/session': json(200, {
        accessToken: 'tok',
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { id: 'r1', email: 'r@example.com', role: 'researcher' },
      }),
      'GET /api/v1/auth/me': json(200, { id: 'r1', email: 'r@example.com', role: 'researcher', mustChangePassword: true }),
    });
    configureClient(api.fetch);
    const { history } = renderAt('/', 'en');
    await signIn('r@example.com', 'a-good-password', en);
    await waitFor(() => expect(history.location.pathname).toBe('/account/password'));
    expect(await screen.findByRole('heading', { level: 1, name: en.auth.change.title })).toBeTruthy();
  });
});

describe('area guards', () => {
  it('send a signed-out visitor to /login with next', async () => {
    configureClient(fakeApi({}).fetch);
    const { history } = renderAt('/me', 'en');
    await waitFor(() => expect(history.location.pathname).toBe('/login'));
    expect(new URLSearchParams(history.location.search).get('next')).toBe('/me');
  });

  it('send another role to its own home', async () => {
    configureClient(fakeApi({}).fetch);
    const { history } = renderAt('/me', 'en', {
      status: 'signed-in',
      user: { id: 'b1', email: 'b@example.com', role: 'brand', brandId: 'x' },
    });
    await waitFor(() => expect(history.location.pathname).toBe('/brand'));
  });

  it('restore the session on load with one refresh, without showing the sign-in page', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/session/refresh': json(200, {
        accessToken: 'tok',
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { id: 'p1', email: 'p@example.com', role: 'panellist' },
      }),
      'GET /api/v1/auth/me': json(200, {
        id: 'p1',
        email: 'p@example.com',
        role: 'panellist',
        panellistId: 'p1',
        mustChangePassword: false,
      }),
      'GET /api/v1/me/profile': json(200, { id: 'p1', email: 'p@example.com', locale: 'en' }),
    });
    configureClient(api.fetch);
    const history = createMemoryHistory({ initialEntries: ['/me'] });
    render(<App i18n={createTestI18n('en')} history={history} />);
    expect(screen.queryByRole('heading', { name: en.login.title })).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: en.me.title })).toBeTruthy();
    expect(history.location.pathname).toBe('/me');
    expect(api.count('POST /api/v1/auth/session/refresh')).toBe(1);
  });

  it('a failed refresh after a 401 signs out and sends to /login?next=<here>', async () => {
    const api = fakeApi({
      'GET /api/v1/me/profile': problem(401, 'session-revoked'),
      'POST /api/v1/auth/session/refresh': problem(401, 'invalid-refresh-token'),
    });
    configureClient(api.fetch);
    setAccessToken('revoked');
    const { history } = renderAt('/me', 'en', { status: 'signed-in', user: { id: 'p1', email: 'p@example.com', role: 'panellist' } });
    expect(await screen.findByRole('heading', { level: 1, name: en.me.title })).toBeTruthy();
    await meControllerProfile();
    await waitFor(() => expect(history.location.pathname).toBe('/login'));
    expect(new URLSearchParams(history.location.search).get('next')).toBe('/me');
  });

  it('sign out: DELETE /auth/session, then /login', async () => {
    const api = fakeApi({ 'DELETE /api/v1/auth/session': new Response(null, { status: 204 }) });
    configureClient(api.fetch);
    const { history } = renderAt('/me', 'en', { status: 'signed-in', user: { id: 'p1', email: 'p@example.com', role: 'panellist' } });
    await userEvent.click(await screen.findByRole('button', { name: en.session.signOut }));
    await waitFor(() => expect(history.location.pathname).toBe('/login'));
    expect(history.location.search).toBe('');
    expect(api.count('DELETE /api/v1/auth/session')).toBe(1);
    expect(screen.queryByRole('button', { name: en.session.signOut })).toBeNull();
  });
});
