import { StaffApi } from './support/api';
import { submitSurvey } from './support/panellist-api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { readyResearcher, researcherInBrowser, studyWithParticipants } from './support/studio-home-testing';

// a country of its own: no other spec's wave reaches these panellists
const COUNTRY = 'MT';

test('the researcher generates the report, sees it ready, publishes it, creates a share link that works and revokes it', async ({
  page,
  context,
  baseURL,
  t,
}) => {
  test.setTimeout(180_000);
  // --- through the API: a study whose usage survey three participants answered
  const staff = await StaffApi.setUp();
  await readyResearcher(staff);
  const { study, panellists } = await studyWithParticipants(staff, COUNTRY, ['Ada Reader', 'Ben Reader', 'Cleo Reader'], {
    title: 'Smart kettle K5',
    addresses: false,
  });
  const survey = await staff.publishUsageSurvey(study.id);
  const answers = [
    { ease: 5, recommend: 10 },
    { ease: 4, recommend: 9 },
    { ease: 2, recommend: 3 },
  ];
  for (const [i, p] of panellists.entries()) await submitSurvey(p, survey.id, answers[i]);
  await researcherInBrowser(context, baseURL!, staff);

  // --- generate: the progress, then "ready" and a link to it
  await page.goto(`/studio/studies/${study.id}/reports`);
  await expect(page.getByRole('heading', { level: 1, name: t('studio.reports.title') })).toBeVisible();
  await expect(page.getByText(t('studio.reports.empty'))).toBeVisible();
  await page.getByRole('button', { name: t('studio.reports.generate') }).click();
  await expect(page.getByText(t('studio.reports.progress.ready', { version: 1 }))).toBeVisible({ timeout: 30_000 });
  const version = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: t('studio.reports.versionN', { version: 1 }) }) });
  await expect(version).toContainText(t('studio.reports.states.ready'));
  await expect(version).toContainText(t('studio.reports.notPublished'));
  await expectAxeClean(page, 'studio-reports');
  await shot(page, 'reports');

  // --- the report itself, then publish it to the brand (the dialog says what happens)
  await version.getByRole('link', { name: t('studio.reports.openLabel', { version: 1 }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('studio.reports.reportTitle', { version: 1 }) })).toBeVisible();
  await expect(page.getByRole('heading', { name: t('brand.report.keyFigures') })).toBeVisible();
  await expect(page.getByText(t('studio.reports.notPublishedLong'))).toBeVisible();
  await page.getByRole('button', { name: t('studio.reports.publish.button') }).click();
  const publish = page.getByRole('alertdialog', { name: t('studio.reports.publish.title', { version: 1 }) });
  await expect(publish).toContainText(t('studio.reports.publish.body'));
  await expectAxeClean(page, 'studio-report-publish');
  await publish.getByRole('button', { name: t('studio.reports.publish.confirm'), exact: true }).click();
  await expect(page.getByText(/^Published to the brand on /)).toBeVisible();
  await expect(page.getByRole('button', { name: t('studio.reports.publish.button') })).toHaveCount(0);

  // --- a share link: its address shown once; it opens the report without signing in
  await page.getByLabel(t('studio.reports.share.hours', { max: 720 })).fill('24');
  await page.getByRole('button', { name: t('studio.reports.share.create') }).click();
  const url = (await page.getByTestId('share-url').textContent())?.trim() ?? '';
  expect(url).toMatch(/\/api\/v1\/shared\/reports\/[^/]+$/);
  const shared = new URL(new URL(url).pathname, baseURL).toString();
  const open = await fetch(shared);
  expect(open.status).toBe(200);
  expect(await open.text()).toContain('Smart kettle K5');
  const links = page.getByRole('region', { name: t('studio.reports.share.caption') });
  await expect(links.getByRole('row')).toHaveCount(2);
  await expect(links).toContainText(t('studio.reports.share.states.active'));
  await expectAxeClean(page, 'studio-report');
  await shot(page, 'report');

  // --- revoke it: asked first, then the address serves nothing
  await links.getByRole('button', { name: /^Revoke the link created on / }).click();
  const revoke = page.getByRole('alertdialog', { name: t('studio.reports.share.confirmTitle') });
  await revoke.getByRole('button', { name: t('studio.reports.share.confirm') }).click();
  await expect(page.getByText(t('studio.reports.share.revoked'))).toBeVisible();
  await expect(links).toContainText(t('studio.reports.share.states.revoked'));
  await expect(page.getByTestId('share-url')).toHaveCount(0);
  expect((await fetch(shared)).status).toBe(404);
});
