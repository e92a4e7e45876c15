import { readFileSync } from 'node:fs';
import { acceptInvitation, joinPanel, StaffApi, submitSurvey } from './support/api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { linkIn, mailTo } from './support/mail';

// a country of its own: no other spec's wave reaches these panellists
const COUNTRY = 'LU';

test('the brand user opens the "report ready" link, signs in, reads the key figures and downloads the CSV', async ({ page, t }) => {
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
});
