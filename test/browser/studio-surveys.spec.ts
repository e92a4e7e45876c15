import { StaffApi } from './support/api';
import { acceptInvitation, joinPanel } from './support/panellist-api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { assignmentsOf, signInResearcher } from './support/studio-surveys';

// a country of its own: no other spec's wave reaches these panellists
const COUNTRY = 'EE';
// fixed names (the database is fresh each run): the same screenshots every run
const CAMPAIGN = { slug: 'kitchen-hackers-studio', title: 'Kitchen hackers wanted' };

/**
 * The studio's survey builder and campaigns at 1280×800: the researcher signs in, builds and
 * publishes a screener, opens a campaign over it (its public page shows it); on a study with two
 * enrolled participants (prepared through the API), builds a survey with a showIf question, tries
 * it in the live preview, publishes it and assigns it to every participant.
 */
test('the researcher builds a screener and a campaign, then a survey with showIf, previews, publishes and assigns it', async ({
  page,
  t,
}) => {
  test.setTimeout(180_000);
  // --- through the API: a study with two enrolled participants
  const staff = await StaffApi.setUp();
  const recruiting = await staff.createScreenerCampaign();
  const panellists = [];
  for (let i = 0; i < 2; i++) panellists.push(await joinPanel(recruiting, { country: COUNTRY, locale: 'en' }));
  const study = await staff.createStudyFor(COUNTRY, { title: 'Smart kettle week' });
  await staff.sendWave(study.id);
  for (const p of panellists) await acceptInvitation(p, study.id);

  // --- the researcher signs in, in the browser
  await signInResearcher(page, staff, t);
  await page.getByRole('link', { name: t('studio.nav.campaigns') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('studio.campaigns.title') })).toBeVisible();

  // --- a new screener, built and published in the builder
  await page.getByLabel(t('studio.campaigns.screeners.newTitle')).fill('Lead-user kitchen screener');
  await page.getByRole('button', { name: t('studio.campaigns.screeners.create') }).click();
  await expect(page).toHaveURL(/\/studio\/surveys\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: t('studio.surveys.builder.title') })).toBeVisible();
  const first = page.getByRole('group', { name: t('studio.surveys.question.legend', { n: 1, type: t('studio.surveys.type.likert') }) });
  await expect(first.getByLabel(t('studio.surveys.question.dimension'))).toHaveValue('ahead_of_trend');
  await page.getByLabel(t('studio.surveys.builder.addType')).selectOption('likert');
  await page.getByRole('button', { name: t('studio.surveys.builder.add') }).click();
  const second = page.getByRole('group', { name: t('studio.surveys.question.legend', { n: 2, type: t('studio.surveys.type.likert') }) });
  await second.getByLabel(t('studio.surveys.question.prompt')).fill('A better kitchen tool would save me a lot of time.');
  await second.getByLabel(t('studio.surveys.question.scale')).selectOption('7');
  await second.getByLabel(t('studio.surveys.question.dimension')).selectOption('expected_benefit');
  await second.getByLabel(t('studio.surveys.question.required')).check();
  await page.getByRole('button', { name: t('studio.surveys.builder.publish') }).click();
  const publishDialog = page.getByRole('alertdialog', { name: t('studio.surveys.builder.publishTitle') });
  await expect(publishDialog.getByText(t('studio.surveys.builder.publishSavesFirst'))).toBeVisible();
  await publishDialog.getByRole('button', { name: t('studio.surveys.builder.publishConfirm'), exact: true }).click();
  await expect(page.getByText(t('studio.surveys.builder.publishedNote'))).toBeVisible();

  // --- a campaign over it; its public page shows it
  await page.getByRole('link', { name: t('studio.surveys.builder.backToCampaigns') }).click();
  const form = page.getByRole('region', { name: t('studio.campaigns.create.heading') });
  await form.getByLabel(t('studio.campaigns.create.title'), { exact: true }).fill(CAMPAIGN.title);
  await form.getByLabel(t('studio.campaigns.create.slug')).fill(CAMPAIGN.slug);
  await form.getByLabel(t('studio.campaigns.create.description')).fill('Tell us how you improve your own kitchen tools.');
  await form.getByLabel(t('studio.campaigns.create.screener')).selectOption({ label: 'Lead-user kitchen screener' });
  await form.getByLabel(t('studio.campaigns.create.acceptScore')).fill('55');
  await form.getByLabel(t('studio.surveys.dimension.expected_benefit')).fill('2');
  await form.getByRole('button', { name: t('studio.campaigns.create.submit') }).click();
  await expect(page.getByText(t('studio.campaigns.create.done', CAMPAIGN))).toBeVisible();
  const campaigns = page.getByRole('table', { name: t('studio.campaigns.list.caption') });
  await expect(campaigns.getByRole('rowheader', { name: CAMPAIGN.title })).toBeVisible();
  await expect(campaigns.getByRole('link', { name: t('studio.campaigns.list.linkLabel', { title: CAMPAIGN.title }) })).toHaveAttribute(
    'href',
    `/join/${CAMPAIGN.slug}`,
  );
  await expectAxeClean(page, 'studio-campaigns');
  await shot(page, 'campaigns');

  await page.goto(`/join/${CAMPAIGN.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: CAMPAIGN.title })).toBeVisible();
  await expect(page.getByText('A better kitchen tool would save me a lot of time.')).toBeVisible();
  await expectAxeClean(page, 'join-campaign');

  // --- the study's Surveys tab: a new survey, opened in the builder
  await page.goto(`/studio/studies/${study.id}/surveys`);
  await expect(page.getByRole('heading', { level: 1, name: t('studio.surveys.list.heading') })).toBeVisible();
  await page.getByLabel(t('studio.surveys.create.title')).fill('Kettle week one');
  await page.getByLabel(t('studio.surveys.create.kind')).selectOption('beta');
  await page.getByRole('button', { name: t('studio.surveys.create.submit') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('studio.surveys.builder.title') })).toBeVisible();

  // question 1: a single choice; question 2: shown only when the answer to question 1 is "no"
  const q1 = page.getByRole('group', { name: t('studio.surveys.question.legend', { n: 1, type: t('studio.surveys.type.text') }) });
  await q1.getByLabel(t('studio.surveys.question.type')).selectOption('single_choice');
  const used = page.getByRole('group', {
    name: t('studio.surveys.question.legend', { n: 1, type: t('studio.surveys.type.single_choice') }),
  });
  await used.getByLabel(t('studio.surveys.question.id')).fill('used');
  await used.getByLabel(t('studio.surveys.question.prompt')).fill('Did you use the kettle this week?');
  await used.getByLabel(t('studio.surveys.question.optionValue', { n: 1 }), { exact: true }).fill('yes');
  await used.getByLabel(t('studio.surveys.question.optionLabel', { n: 1 }), { exact: true }).fill('Yes');
  await used.getByLabel(t('studio.surveys.question.optionValue', { n: 2 }), { exact: true }).fill('no');
  await used.getByLabel(t('studio.surveys.question.optionLabel', { n: 2 }), { exact: true }).fill('No');
  await used.getByLabel(t('studio.surveys.question.required')).check();
  await page.getByLabel(t('studio.surveys.builder.addType')).selectOption('text');
  await page.getByRole('button', { name: t('studio.surveys.builder.add') }).click();
  const whyNot = page.getByRole('group', { name: t('studio.surveys.question.legend', { n: 2, type: t('studio.surveys.type.text') }) });
  await whyNot.getByLabel(t('studio.surveys.question.id')).fill('why_not');
  await whyNot.getByLabel(t('studio.surveys.question.prompt')).fill('Why not?');
  await whyNot.getByLabel(t('studio.surveys.question.showIf')).selectOption('used');
  await whyNot.getByLabel(t('studio.surveys.question.equals')).selectOption('no');

  // the live preview: the conditional question appears only for "No"
  const preview = page.getByRole('region', { name: t('studio.surveys.preview.title') });
  await expect(preview.getByText(t('survey.player.progress', { current: 1, total: 1 }))).toBeVisible();
  await preview.getByText('Yes', { exact: true }).click();
  await expect(preview.getByText(t('survey.player.progress', { current: 1, total: 1 }))).toBeVisible();
  await preview.getByText('No', { exact: true }).click();
  await expect(preview.getByText(t('survey.player.progress', { current: 1, total: 2 }))).toBeVisible();
  await preview.getByRole('button', { name: t('survey.player.next') }).click();
  await expect(preview.getByText('Why not?')).toBeVisible();
  await page.getByRole('button', { name: t('studio.surveys.builder.save') }).click();
  await expect(page.getByText(t('studio.surveys.builder.saved'))).toBeVisible();
  await expectAxeClean(page, 'studio-survey-builder');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'survey-builder');
  // still usable at 768: the preview goes under the builder, nothing scrolls sideways
  await page.setViewportSize({ width: 768, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: t('studio.surveys.builder.publish') }).click();
  await page
    .getByRole('alertdialog', { name: t('studio.surveys.builder.publishTitle') })
    .getByRole('button', { name: t('studio.surveys.builder.publishConfirm'), exact: true })
    .click();
  await expect(page.getByText(t('studio.surveys.builder.publishedNote'))).toBeVisible();

  // --- back on the tab: assign it to every participant
  await page.getByRole('link', { name: t('studio.surveys.builder.backToStudy') }).click();
  const surveys = page.getByRole('table', { name: t('studio.surveys.list.caption') });
  await expect(surveys.getByRole('rowheader', { name: 'Kettle week one' })).toBeVisible();
  await page.getByRole('button', { name: t('studio.surveys.assign.openLabel', { title: 'Kettle week one' }) }).click();
  const dialog = page.getByRole('dialog', { name: t('studio.surveys.assign.title', { title: 'Kettle week one' }) });
  await expect(dialog.getByLabel(t('studio.surveys.assign.all'))).toBeChecked();
  await dialog.getByLabel(t('studio.surveys.assign.chosen')).check();
  await expect(dialog.getByRole('checkbox')).toHaveCount(2);
  await expectAxeClean(page, 'studio-survey-assign');
  await shot(page, 'survey-assign');
  await dialog.getByLabel(t('studio.surveys.assign.all')).check();
  await dialog.getByRole('button', { name: t('studio.surveys.assign.submit'), exact: true }).click();
  await expect(page.getByText(t('studio.surveys.assign.done_other', { count: 2, title: 'Kettle week one' }))).toBeVisible();
  await expect(
    surveys
      .getByRole('row', { name: /Kettle week one/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('2');
  await expectAxeClean(page, 'studio-surveys');

  // --- the panellists have their assignment
  const href = (await surveys.getByRole('link', { name: 'Kettle week one', exact: true }).getAttribute('href')) ?? '';
  const surveyId = href.split('/').pop();
  for (const p of panellists) {
    const mine = await assignmentsOf(p);
    expect(mine.filter((a) => a.surveyId === surveyId).map((a) => a.status)).toEqual(['assigned']);
  }
});
