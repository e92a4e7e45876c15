import { StaffApi } from './support/api';
import { joinPanel } from './support/panellist-api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { answerInvitation, studioResearcher } from './support/studio-studies';

/**
 * The studies section of the studio at 1280×800 (project studio-desktop): a researcher signs in,
 * builds a study with two quota cells, watches the eligibility preview follow a criterion as it
 * is typed, moves the study to recruiting, previews and sends a wave, and sees the participants
 * by cell once the panellists (through the API) have answered. Its panellists live in SI and HR,
 * countries no other spec uses, so no other wave reaches them and no other study counts them.
 */
test('a researcher builds a study, watches the preview, recruits and sends a wave', async ({ page, t }) => {
  test.setTimeout(180_000);
  const staff = await StaffApi.setUp();
  const campaign = await staff.createScreenerCampaign();
  const [panellists] = await Promise.all([
    Promise.all([
      joinPanel(campaign, { country: 'SI', gender: 'female', locale: 'en', displayName: 'Ana' }),
      joinPanel(campaign, { country: 'SI', gender: 'female', locale: 'en', displayName: 'Maja' }),
      joinPanel(campaign, { country: 'SI', gender: 'male', locale: 'en', displayName: 'Luka' }),
      joinPanel(campaign, { country: 'HR', gender: 'female', locale: 'en', displayName: 'Iva' }),
      joinPanel(campaign, { country: 'HR', gender: 'female', locale: 'en', displayName: 'Petra' }),
    ]),
    // in ME (no other spec's country either), so never eligible here: the one "explain" is asked about
    joinPanel(campaign, { country: 'ME', gender: 'female', locale: 'en', displayName: 'Milica Outsider' }),
  ]);
  const researcher = await studioResearcher(staff.adminToken);
  const title = 'Balcony gardens'; // the same every run (a fresh database): the screenshots change only when the page does

  // --- sign in
  await page.goto('/login');
  await page.getByLabel(t('form.email')).fill(researcher.email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(researcher.password);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await expect(page).toHaveURL(/\/studio/);
  await page.getByRole('link', { name: t('studio.nav.studies'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('studio.studies.title') })).toBeVisible();
  await expectAxeClean(page, 'studio-studies');

  // --- a new study with two quota cells
  await page.getByRole('link', { name: t('studio.studies.new') }).click();
  await expect(page).toHaveURL(/\/studio\/studies\/new$/);
  await page.getByLabel(t('studio.studies.field.title')).fill(title);
  await page.getByLabel(t('studio.studies.field.theme')).fill('urban gardening');
  await page.getByLabel(t('studio.studies.field.brief')).fill('How people grow food on a balcony.');
  await page.getByLabel(t('studio.studies.field.brand')).selectOption({ label: staff.brand.name });
  await page.getByLabel(t('studio.studies.field.countries')).fill('SI');
  await page.getByRole('button', { name: t('studio.studies.builder.addCell') }).click();
  await page.getByRole('button', { name: t('studio.studies.builder.addCell') }).click();
  const cell1 = page.getByRole('group', { name: t('studio.studies.builder.cellN', { n: 1 }) });
  await cell1.getByLabel(t('studio.studies.field.dimension')).selectOption('gender');
  await cell1.getByLabel(t('studio.studies.field.value')).selectOption('female');
  await cell1.getByLabel(t('studio.studies.field.target')).fill('2');
  const cell2 = page.getByRole('group', { name: t('studio.studies.builder.cellN', { n: 2 }) });
  await cell2.getByLabel(t('studio.studies.field.dimension')).selectOption('gender');
  await cell2.getByLabel(t('studio.studies.field.value')).selectOption('male');
  await cell2.getByLabel(t('studio.studies.field.target')).fill('1');
  await expectAxeClean(page, 'studio-study-new');
  await page.getByRole('button', { name: t('studio.studies.builder.create') }).click();
  await expect(page).toHaveURL(/\/studio\/studies\/[0-9a-f-]{36}$/);
  const studyId = new URL(page.url()).pathname.split('/').pop()!;

  // --- the live preview: 3 in SI; adding HR (not saved) makes it 5
  const preview = page.getByRole('region', { name: t('studio.studies.preview.title') });
  await expect(preview.getByText(t('studio.studies.preview.eligible_other', { n: 3 }))).toBeVisible();
  const femaleRow = preview.getByRole('row', {
    name: new RegExp(
      t('studio.studies.cellLabel', { dimension: t('studio.studies.dimension.gender'), value: t('studio.studies.gender.female') }),
    ),
  });
  await expect(femaleRow).toContainText('2 / 2');
  await page.getByLabel(t('studio.studies.field.countries')).fill('SI, HR');
  await expect(preview.getByText(t('studio.studies.preview.eligible_other', { n: 5 }))).toBeVisible();
  await expect(femaleRow).toContainText('4 / 2');
  await expectAxeClean(page, 'studio-study-builder');
  await shot(page, 'builder');
  // still usable at 768: the page does not scroll sideways
  await page.setViewportSize({ width: 768, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: t('studio.studies.builder.save') }).click();
  await expect(page.getByText(t('studio.studies.builder.saved'))).toBeVisible();

  // --- to recruiting, after reading what it does
  await page.getByRole('button', { name: t('studio.studies.lifecycle.to.recruiting') }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(t('studio.studies.lifecycle.does.draft_recruiting'));
  await expectAxeClean(page, 'studio-study-transition');
  await confirm.getByRole('button', { name: t('studio.studies.lifecycle.to.recruiting') }).click();
  await expect(page.getByText(t('studio.studies.lifecycle.moved', { status: t('studio.study.status.recruiting') }))).toBeVisible();

  // --- explain for one panellist: found by name, not eligible, the country rule failed
  const explain = page.getByRole('region', { name: t('studio.studies.explain.title') });
  await explain.getByRole('searchbox', { name: t('studio.studies.explain.search') }).fill('Milica');
  await explain.getByRole('button', { name: t('studio.studies.explain.for', { name: 'Milica Outsider' }) }).click();
  await expect(explain.getByText(t('studio.studies.explain.notEligible', { name: 'Milica Outsider' }))).toBeVisible();
  const rules = explain.getByRole('table', { name: t('studio.studies.explain.caption', { name: 'Milica Outsider' }) });
  const countryRule = rules
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: t('studio.studies.explain.rules.country') }) });
  await expect(countryRule).toContainText(t('studio.studies.explain.fail'));
  await expect(countryRule).toContainText(/country ME is not in \[(SI, HR|HR, SI)\]/);
  await expectAxeClean(page, 'studio-study-explain');
  await shot(page, 'explain');

  // --- a wave: previewed per cell, then sent
  await page.getByRole('link', { name: t('studio.study.participants') }).click();
  await expect(page).toHaveURL(new RegExp(`/studio/studies/${studyId}/participants$`));
  await page.getByLabel(t('studio.studies.wave.size')).fill('10');
  await page.getByRole('button', { name: t('studio.studies.wave.preview') }).click();
  await expect(page.getByText(t('studio.studies.wave.previewTitle_other', { n: 5 }))).toBeVisible();
  await expectAxeClean(page, 'studio-wave-preview');
  await page.getByRole('button', { name: t('studio.studies.wave.send') }).click();
  const send = page.getByRole('alertdialog');
  await expect(send).toContainText(t('studio.studies.wave.confirmTitle_other', { n: 5 }));
  await send.getByRole('button', { name: t('studio.studies.wave.sendNow') }).click();
  await expect(page.getByText(t('studio.studies.wave.sent_other', { n: 5 }))).toBeVisible();

  // --- the panellists answer (through the API): two women enrolled fill their cell, the third waits
  const [ana, maja, luka, iva] = panellists;
  expect(await answerInvitation(ana, studyId)).toBe('accepted');
  expect(await answerInvitation(maja, studyId)).toBe('accepted');
  expect(await answerInvitation(luka, studyId)).toBe('accepted');
  expect(await answerInvitation(iva, studyId)).toBe('waitlisted');
  await page.reload();
  const cells = page.getByRole('region', { name: t('studio.studies.cells.caption') });
  const female = cells
    .getByRole('row', { name: new RegExp(`^${t('studio.studies.gender.female')}|${t('studio.studies.dimension.gender')}`) })
    .first();
  await expect(female).toContainText('2 / 2');
  await expect(cells.getByLabel(t('studio.studies.cells.barLabel', { enrolled: 2, target: 2 }))).toBeVisible();
  await expect(cells.getByLabel(t('studio.studies.cells.barLabel', { enrolled: 1, target: 1 }))).toBeVisible();
  // header and four rows: three enrolled, one waitlisted
  await expect(page.getByRole('table', { name: t('studio.studies.table.participantsTitle'), exact: true }).getByRole('row')).toHaveCount(5);
  await expectAxeClean(page, 'studio-participants');
  await shot(page, 'participants');
  await page.setViewportSize({ width: 768, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await page.setViewportSize({ width: 1280, height: 800 });

  // --- the list shows the funnel
  await page.getByRole('link', { name: t('studio.nav.studies'), exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText(t('studio.studies.funnel.enrolled', { enrolled: 3, target: 20 }));
  await expect(row).toContainText(t('studio.study.status.recruiting'));
  await expectAxeClean(page, 'studio-studies-list');
  await shot(page, 'studies');
});
