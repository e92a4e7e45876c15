import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { configureClient, resetClientForTests } from '../api/client';
import { App } from '../App';
import type { Language } from '../i18n';
import { createTestI18n } from '../i18n/testing';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { fakeApi, json, problem } from '../test/fakeApi';

function renderAt(path: string, lang: Language) {
  render(
    <App
      i18n={createTestI18n(lang)}
      history={createMemoryHistory({ initialEntries: [path] })}
      session={{ status: 'signed-out', user: null }}
    />,
  );
}

beforeEach(() => resetClientForTests());

describe('/confirm', () => {
  it('confirms once and explains a waitlisted place kindly', async () => {
    const api = fakeApi({ 'POST /api/v1/public/confirm-email': json(200, { status: 'waitlisted', score: 40, tier: 'mainstream' }) });
    configureClient(api.fetch);
    renderAt('/confirm?token=tok-1', 'fr');
    expect(await screen.findByRole('heading', { level: 1, name: fr.auth.confirm.waitlistedTitle })).toBeTruthy();
    expect(screen.getByText(fr.auth.confirm.waitlisted)).toBeTruthy();
    expect(api.count('POST /api/v1/public/confirm-email')).toBe(1);
    expect(JSON.parse(api.calls[0].body)).toEqual({ token: 'tok-1' });
  });

  it('welcomes an active panellist with the next steps and a sign-in link', async () => {
    configureClient(fakeApi({ 'POST /api/v1/public/confirm-email': json(200, { status: 'active', score: 80, tier: 'lead_user' }) }).fetch);
    renderAt('/confirm?token=tok-2', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: en.auth.confirm.activeTitle })).toBeTruthy();
    expect(screen.getByRole('link', { name: en.login.submit }).getAttribute('href')).toBe('/login');
  });

  it('explains a used or expired link and sends a new e-mail on request', async () => {
    const api = fakeApi({
      'POST /api/v1/public/confirm-email': problem(400, 'invalid-confirmation-token'),
      'POST /api/v1/public/resend-confirmation': new Response(null, { status: 202 }),
    });
    configureClient(api.fetch);
    renderAt('/confirm?token=old', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: en.auth.confirm.expiredTitle })).toBeTruthy();
    await userEvent.type(screen.getByLabelText(en.form.email), 'pauline@example.com');
    await userEvent.click(screen.getByRole('button', { name: en.auth.resend }));
    expect(await screen.findByText(en.auth.resent)).toBeTruthy();
  });
});

describe('/reset', () => {
  it('says an invalid or expired link, with a way to ask for a new one', async () => {
    configureClient(
      fakeApi({
        'POST /api/v1/public/password-reset/confirm': problem(400, 'invalid-reset-token', {
          errors: [{ field: 'token', message: 'unknown, used or expired' }],
        }),
      }).fetch,
    );
    renderAt('/reset?token=used', 'fr');
    await userEvent.type(await screen.findByLabelText(fr.form.newPassword), 'a-long-enough-one');
    await userEvent.type(screen.getByLabelText(fr.auth.confirmPassword), 'a-long-enough-one');
    await userEvent.click(screen.getByRole('button', { name: fr.reset.submit }));
    expect(await screen.findByText(fr.problem.type.invalidResetToken)).toBeTruthy();
    expect(screen.getByRole('link', { name: fr.auth.reset.askAgain }).getAttribute('href')).toBe('/forgot');
  });

  it('shows the server’s refusal of a common password on the field, then success', async () => {
    const api = fakeApi({
      'POST /api/v1/public/password-reset/confirm': (_req, n) =>
        n === 1
          ? problem(400, 'validation-failed', {
              errors: [{ field: 'newPassword', message: 'newPassword is one of the most common passwords; choose another' }],
            })
          : new Response(null, { status: 204 }),
    });
    configureClient(api.fetch);
    renderAt('/reset?token=good', 'en');
    const field = await screen.findByLabelText(en.form.newPassword);
    await userEvent.type(field, 'password1234');
    await userEvent.type(screen.getByLabelText(en.auth.confirmPassword), 'password1234');
    await userEvent.click(screen.getByRole('button', { name: en.reset.submit }));
    expect(await screen.findByText(en.problem.field.commonPassword)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(field);
    await userEvent.type(field, 'a-rare-passphrase');
    await userEvent.clear(screen.getByLabelText(en.auth.confirmPassword));
    await userEvent.type(screen.getByLabelText(en.auth.confirmPassword), 'a-rare-passphrase');
    await userEvent.click(screen.getByRole('button', { name: en.reset.submit }));
    expect(await screen.findByText(en.auth.reset.done)).toBeTruthy();
    expect(JSON.parse(api.calls[1].body)).toEqual({ token: 'good', newPassword: 'a-rare-passphrase' });
  });
});

describe('/forgot', () => {
  it('always answers the same way', async () => {
    const api = fakeApi({ 'POST /api/v1/public/password-reset': new Response(null, { status: 202 }) });
    configureClient(api.fetch);
    renderAt('/forgot', 'fr');
    await userEvent.type(await screen.findByLabelText(fr.form.email), 'personne@example.com');
    await userEvent.click(screen.getByRole('button', { name: fr.forgot.submit }));
    expect(await screen.findByText(fr.auth.forgot.sent)).toBeTruthy();
  });
});
