import { randomBytes } from 'node:crypto';
import { call, login, uniqueEmail } from './support/api-client';
import { ADMIN } from './support/env';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { signInBrowser } from './support/session';

/**
 * The admin pages at 1280×800 (project admin-desktop): the bootstrap admin signs in on /login,
 * creates a researcher in the dialog, creates a brand, and disables a user who is signed in in
 * another browser: that browser's next navigation lands on /login.
 */
test('the admin creates a researcher and disables a user who is then signed out', async ({ page, browser, baseURL, t }) => {
  // a staff user signed in elsewhere (their own browser context)
  const adminToken = await login(ADMIN.email, ADMIN.password);
  const victimEmail = uniqueEmail('victim');
  const victimPassword = `victim-${randomBytes(6).toString('hex')}`;
  await call('POST', '/users', {
    token: adminToken,
    body: { email: victimEmail, password: victimPassword, role: 'researcher' },
    expect: 201,
  });
  const elsewhere = await browser.newContext({ baseURL, locale: 'en-GB' });
  await signInBrowser(elsewhere, baseURL!, victimEmail, victimPassword);
  const victimPage = await elsewhere.newPage();
  await victimPage.goto('/studio');
  // created by an admin: they must choose their own password first (still signed in)
  await expect(victimPage).toHaveURL(/\/account\/password/);

  // --- the admin signs in
  await page.goto('/login');
  await page.getByLabel(t('form.email')).fill(ADMIN.email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('admin.users.title'));
  await expect(page.getByRole('cell', { name: ADMIN.email, exact: true })).toBeVisible();
  await expectAxeClean(page, 'admin-users');
  await shot(page, 'users');
  // still usable at 768: the page does not scroll sideways (the table scrolls in its own box if it must)
  await page.setViewportSize({ width: 768, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await shot(page, 'users-768');
  await page.setViewportSize({ width: 1280, height: 800 });

  // --- create a researcher (the generated password is kept)
  const researcherEmail = uniqueEmail('researcher');
  await page.getByRole('button', { name: t('admin.users.create') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(t('admin.users.email')).fill(researcherEmail);
  await expect(dialog.getByLabel(t('admin.users.password'))).not.toHaveValue('');
  await expectAxeClean(page, 'admin-create-user');
  await shot(page, 'create-user');
  await dialog.getByRole('button', { name: t('admin.users.createSubmit') }).click();
  await expect(page.getByText(t('admin.users.created', { email: researcherEmail }))).toBeVisible();

  // --- the search is in the URL: a reload keeps it
  await page.getByLabel(t('admin.users.filter.q')).fill(victimEmail);
  await expect(page).toHaveURL(/[?&]q=/);
  await page.reload();
  await expect(page.getByLabel(t('admin.users.filter.q'))).toHaveValue(victimEmail);
  await expect(page.getByRole('cell', { name: victimEmail, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: researcherEmail, exact: true })).toHaveCount(0);

  // --- disable the user signed in elsewhere
  await page.getByRole('button', { name: t('admin.users.disableFor', { email: victimEmail }) }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(t('admin.users.confirmDisable.body'));
  await expectAxeClean(page, 'admin-confirm-disable');
  await shot(page, 'confirm-disable');
  await confirm.getByRole('button', { name: t('admin.users.confirmDisable.yes') }).click();
  await expect(page.getByText(t('admin.users.disabled', { email: victimEmail }))).toBeVisible();
  await expect(page.getByRole('button', { name: t('admin.users.enableFor', { email: victimEmail }) })).toBeVisible();

  // their next navigation signs them out
  await victimPage.reload();
  await expect(victimPage).toHaveURL(/\/login/);
  await elsewhere.close();

  // --- brands
  await page.getByRole('link', { name: t('admin.nav.brands') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('admin.brands.title'));
  const slug = `acme-${randomBytes(3).toString('hex')}`;
  await page.getByLabel(t('admin.brands.name'), { exact: true }).fill('Acme Bikes');
  await page.getByLabel(t('admin.brands.slug')).fill(slug);
  await page.getByRole('button', { name: t('admin.brands.createSubmit') }).click();
  await expect(page.getByRole('cell', { name: slug, exact: true })).toBeVisible();
  // the same slug again: 409 on the field
  await page.getByLabel(t('admin.brands.name'), { exact: true }).fill('Acme Bikes again');
  await page.getByLabel(t('admin.brands.slug')).fill(slug);
  await page.getByRole('button', { name: t('admin.brands.createSubmit') }).click();
  await expect(page.getByText(t('admin.brands.slugTaken'))).toBeVisible();
  await expectAxeClean(page, 'admin-brands');
  await shot(page, 'brands');
});
