import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { StaffApi } from './api';
import { call } from './api-client';
import type { Panellist } from './api-types';
import { expect } from './fixtures';

/**
 * Signs the researcher in on /login, in the browser; created by the admin, they choose their own
 * password first (/account/password), then land in the studio. Returns the new password.
 */
export async function signInResearcher(page: Page, staff: StaffApi, t: (key: string) => string): Promise<string> {
  await page.goto('/login');
  await page.getByLabel(t('form.email')).fill(staff.researcher.email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(staff.researcher.password);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await expect(page).toHaveURL(/\/account\/password/);
  const password = `studio-${randomBytes(8).toString('hex')}`;
  await page.getByLabel(t('auth.change.current'), { exact: true }).fill(staff.researcher.password);
  await page.getByLabel(t('form.newPassword'), { exact: true }).fill(password);
  await page.getByLabel(t('auth.confirmPassword'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('auth.change.submit') }).click();
  await expect(page).toHaveURL(/\/studio/);
  return password;
}

/** The panellist's assignments (GET /me/assignments), as the panellist sees them. */
export async function assignmentsOf(p: Panellist): Promise<Array<{ id: string; surveyId: string; status: string; dueAt: string }>> {
  const page = await call<{ items: Array<{ id: string; surveyId: string; status: string; dueAt: string }> }>(
    'GET',
    '/me/assignments?limit=100',
    {
      token: p.token,
    },
  );
  return page.items;
}
