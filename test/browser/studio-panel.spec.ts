import { StaffApi } from './support/api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { applyAndConfirm, LOW_SCREENER_ANSWERS, researcherPassword } from './support/studio-panel';

// a country of its own: the filter shows exactly this spec's panellists
const COUNTRY = 'NO';

/**
 * The studio's panel at 1280×800 (project studio-desktop): the researcher signs in, filters the
 * panel by country, opens a waitlisted applicant (below the campaign's bar) and approves them,
 * blocks another member with a reason that the status history then shows, and opens the failed
 * e-mails page.
 */
test('the researcher filters the panel, approves a waitlisted applicant and blocks a member with a reason', async ({ page, t }) => {
  // --- through the API: a demanding campaign (acceptScore 90), one applicant below the bar, one above
  const staff = await StaffApi.setUp();
  const campaign = await staff.createScreenerCampaign({ acceptScore: 90, title: 'Kitchen makers of the north' });
  const waiting = await applyAndConfirm(campaign, { displayName: 'Inga Waitlist', country: COUNTRY, answers: LOW_SCREENER_ANSWERS });
  expect(waiting.status).toBe('waitlisted');
  const member = await applyAndConfirm(campaign, { displayName: 'Olaf Member', country: COUNTRY });
  expect(member.status).toBe('active');
  const password = await researcherPassword(staff);

  // --- the researcher signs in in the browser
  await page.goto('/login');
  await page.getByLabel(t('form.email')).fill(staff.researcher.email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await expect(page).toHaveURL(/\/studio\/studies/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const studioNav = page.getByRole('navigation', { name: t('studio.nav.label') });

  // --- the panel, filtered by country (kept in the URL)
  await studioNav.getByRole('link', { name: t('studio.nav.panel'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('studio.panel.title'));
  await page.getByLabel(t('studio.panel.filter.country')).fill(COUNTRY);
  await expect(page).toHaveURL(new RegExp(`[?&]country=${COUNTRY}`));
  const table = page.getByRole('table', { name: t('studio.panel.caption') });
  await expect(table.getByRole('link', { name: 'Inga Waitlist' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Olaf Member' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3); // the header and this spec's two
  // and by status: only the waitlisted one
  await page.getByLabel(t('studio.panel.filter.status')).selectOption('waitlisted');
  await expect(table.getByRole('link', { name: 'Olaf Member' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'Inga Waitlist' })).toBeVisible();
  await expectAxeClean(page, 'studio-panel-list');
  await shot(page, 'panel-list');
  // still usable at 768: the page does not scroll sideways
  await page.setViewportSize({ width: 768, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await page.setViewportSize({ width: 1280, height: 800 });

  // --- the waitlisted applicant: score with the screener answers behind it, then approve
  await table.getByRole('link', { name: 'Inga Waitlist' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Inga Waitlist');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(t('studio.panel.status.waitlisted'));
  const behind = page.getByRole('table', {
    name: t('studio.panel.score.behind', { dimension: t('studio.panel.dimension.ahead_of_trend') }),
  });
  await expect(behind.getByRole('rowheader', { name: 'I usually try new products before others do' })).toBeVisible();
  await expect(behind.getByRole('cell', { name: t('studio.panel.score.onScale', { value: 2, scale: 7 }) })).toBeVisible();
  await expectAxeClean(page, 'studio-panellist');
  await shot(page, 'panellist');
  await page.getByRole('button', { name: t('studio.panel.action.approve.button') }).click();
  const approve = page.getByRole('dialog');
  await expect(approve).toContainText(t('studio.panel.action.approve.body'));
  await expectAxeClean(page, 'studio-panellist-approve');
  await approve.getByRole('button', { name: t('studio.panel.action.approve.confirm') }).click();
  await expect(page.getByText(t('studio.panel.action.approve.done', { name: 'Inga Waitlist' }))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(t('studio.panel.status.active'));

  // --- block the other member with a reason (required)
  await page.getByRole('link', { name: t('studio.panel.detail.back') }).click();
  await page.getByLabel(t('studio.panel.filter.status')).selectOption('');
  await page
    .getByRole('table', { name: t('studio.panel.caption') })
    .getByRole('link', { name: 'Olaf Member' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Olaf Member');
  await page.getByRole('button', { name: t('studio.panel.action.block.button') }).click();
  const block = page.getByRole('dialog');
  await expect(block).toContainText(t('studio.panel.action.block.body'));
  await block.getByRole('button', { name: t('studio.panel.action.block.confirm') }).click();
  await expect(block.getByText(t('studio.panel.action.reasonRequired'))).toBeVisible();
  await block.getByLabel(t('studio.panel.action.reason')).fill('Several accounts for the same person');
  await expectAxeClean(page, 'studio-panellist-block');
  await shot(page, 'panellist-block');
  await block.getByRole('button', { name: t('studio.panel.action.block.confirm') }).click();
  await expect(page.getByText(t('studio.panel.action.block.done', { name: 'Olaf Member' }))).toBeVisible();
  const history = page.getByRole('table', { name: t('studio.panel.history.caption') });
  const last = history.getByRole('row').last();
  await expect(last).toContainText(t('studio.panel.status.active'));
  await expect(last).toContainText(t('studio.panel.status.blocked'));
  await expect(last).toContainText('Several accounts for the same person');
  await expect(last).toContainText(t('studio.panel.history.you'));
  await expect(page.getByRole('button', { name: t('studio.panel.action.unblock.button') })).toBeVisible();

  // --- the failed e-mails page
  await studioNav.getByRole('link', { name: t('studio.nav.emails'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('studio.emails.title'));
  await expect(page.getByLabel(t('studio.emails.filter.status'))).toHaveValue('failed');
  await expectAxeClean(page, 'studio-emails');
  await shot(page, 'emails');
  // the other statuses: the applicants' confirmation e-mails went out
  await page.getByLabel(t('studio.emails.filter.status')).selectOption('sent');
  await expect(page).toHaveURL(/[?&]status=sent/);
  await expect(page.getByRole('rowheader', { name: waiting.email, exact: true })).toBeVisible();
  await expectAxeClean(page, 'studio-emails-sent');
});
