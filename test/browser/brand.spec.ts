import { readFileSync } from 'node:fs';
import { StaffApi } from './support/api';
import { call } from './support/api-client';
import { acceptInvitation, joinPanel, submitSurvey } from './support/panellist-api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { linkIn, mailTo } from './support/mail';

// a country of its own: no other spec's wave reaches these panellists
const COUNTRY = 'LU';

test('the brand user opens the "report ready" link, signs in, reads the key figures, downloads the CSV; a share link opens in the app until revoked', async ({
  page,
  browser,
  baseURL,
  t,
}) => {
  // --- through the API: a study with a usage survey answered by three panellists, its report published
  const staff = await StaffApi.setUp();
  const campaign = await staff.createScreenerCampaign();
  const panellists = [];
  for (let i = 0; i < 3; i++) panellists.push(await joinPanel(campaign, { country: COUNTRY, locale: 'en' }));
  // a fixed title (the database is fresh each run): the same screenshots every run
  const title = 'Smart kettle K1';
  const study = await staff.createStudyFor(COUNTRY, { title });
  await staff.sendWave(study.id);
  for (const p of panellists) await acceptInvitation(p, study.id);
  const survey = await staff.publishUsageSurvey(study.id);
  const answers = [
    { ease: 5, recommend: 10 },
    { ease: 4, recommend: 9 },
    { ease: 2, recommend: 3 },
  ];
  for (const [i, p] of panellists.entries()) await submitSurvey(p, survey.id, answers[i]);
  const brandUser = await staff.createBrandUser();
  const report = await staff.generateAndPublishReport(study.id);
  // a share link made by the researcher (the API's URL serves the HTML; the app opens it at /r/<token>)
  const share = await call<{ id: string; url: string }>('POST', `/reports/${report.id}/share-links`, {
    token: staff.researcher.token,
    body: { expiresInHours: 24 },
    expect: 201,
  });
  const shareToken = new URL(share.url).pathname.split('/').pop()!;

  // --- the e-mail's link, signed out: the login page, then back to the report
  const mail = await mailTo(brandUser.email, new RegExp(title), { timeoutMs: 30_000 });
  const link = linkIn(mail, '/brand/reports/');
  expect(new URL(link).pathname).toBe(`/brand/reports/${report.id}`);
  await page.goto(new URL(link).pathname);
  await expect(page).toHaveURL(/\/login\?/);
  await page.getByLabel(t('form.email')).fill(brandUser.email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(brandUser.password);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/brand/reports/${report.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: t('brand.report.title', { title, version: report.version }) })).toBeVisible();
  const key = page.getByRole('region', { name: t('brand.report.keyFigures') });
  await expect(key).toBeVisible();
  // NPS of 10, 9, 3: 2 promoters, 1 detractor of 3 → 33.3
  await expect(key.getByRole('listitem').filter({ hasText: t('brand.report.nps') })).toContainText('33.3');
  await expect(key.getByRole('listitem').filter({ hasText: t('brand.report.respondents') })).toContainText('3');
  await expectAxeClean(page, 'brand-report');
  await shot(page, 'report');

  // --- the CSV, through the session's Authorization header
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: t('brand.report.downloadCsv') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^leadpanel-report-smart-kettle-k1-v\d+\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(
    csv
      .replace(/^\uFEFF/, '')
      .split('\n')[0]
      .trim(),
  ).toBe('surveyId,surveyTitle,questionId,questionType,prompt,value,n,pct');

  // --- the list: the report is there, with its study title
  await page
    .getByRole('link', { name: t('brand.report.backToList') })
    .first()
    .click();
  await expect(page.getByRole('link', { name: t('brand.reportLink', { title, version: report.version }) })).toBeVisible();
  await expectAxeClean(page, 'brand-home');
  await shot(page, 'home');

  // --- the share link, opened in the app by someone without an account (another browser)
  const outsider = await browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const shared = await outsider.newPage();
  await shared.goto(`/r/${shareToken}`);
  await expect(shared).toHaveURL(new RegExp(`/r/${shareToken}$`));
  await expect(shared.getByRole('heading', { level: 1, name: t('shared.reportTitle', { title, version: report.version }) })).toBeVisible();
  const sharedKey = shared.getByRole('region', { name: t('brand.report.keyFigures') });
  await expect(sharedKey.getByRole('listitem').filter({ hasText: t('brand.report.nps') })).toContainText('33.3');
  await expect(shared.getByRole('link', { name: t('shared.openHtml') })).toHaveAttribute('href', `/api/v1/shared/reports/${shareToken}`);
  await expectAxeClean(shared, 'shared-report');
  await shot(shared, 'shared-report');

  // --- the brand user revokes it on the report's page; the open link then says so
  await page.getByRole('link', { name: t('brand.reportLink', { title, version: report.version }) }).click();
  const links = page.getByRole('table', { name: t('brand.share.caption') });
  await expect(links.getByRole('row').filter({ hasText: t('brand.share.states.active') })).toHaveCount(1);
  await links.getByRole('button', { name: /^Revoke the link created/ }).click();
  const confirm = page.getByRole('alertdialog', { name: t('brand.share.confirmTitle') });
  await expect(confirm).toContainText(t('brand.share.confirmBody'));
  await expectAxeClean(page, 'brand-revoke-confirm');
  await confirm.getByRole('button', { name: t('brand.share.confirm') }).click();
  await expect(links.getByRole('row').filter({ hasText: t('brand.share.states.revoked') })).toHaveCount(1);
  await expect(links.getByRole('button', { name: /^Revoke the link created/ })).toHaveCount(0);

  await shared.reload();
  await expect(shared.getByRole('heading', { level: 1, name: t('shared.goneTitle') })).toBeVisible();
  await expect(shared.getByText(t('shared.gone'))).toBeVisible();
  await expectAxeClean(shared, 'shared-report-gone');
  await shot(shared, 'shared-report-gone');
  await outsider.close();
});
