import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { StaffApi } from './support/api';
import {
  call,
  PASSWORD,
  CONFIRM_SUBJECT,
  INVITATION_SUBJECT,
  ROUND_OPENED_SUBJECT,
  SHIPMENT_SUBJECT,
  SURVEY_SUBJECT,
} from './support/api-client';
import { joinPanel } from './support/panellist-api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { linkIn, mailTo } from './support/mail';

/**
 * The whole journey of one panellist in the browser, at 360×800, in the project's language:
 * from a referral link to the erasure of the account. The staff side goes through the API
 * (support/api.ts); every link the panellist opens is the link of the e-mail the API sent.
 * Each language's run has its own country and campaign, so the two runs never meet (a wave
 * invites every eligible panellist of the shared database). The addresses are fixed (the
 * database is fresh each run) so that the screenshots change only when the pages do.
 */
const REFERRAL_SUBJECT = /^(An invitation to join|Une invitation à rejoindre) /;
const COUNTRY = { fr: 'BE', en: 'IE' } as const;
const REFERRER_COUNTRY = { fr: 'CH', en: 'GB' } as const;

/** React Aria radios and checkboxes: the input is hidden, its label takes the click. */
function labelOf(scope: Page | Locator, role: 'radio' | 'checkbox', name: string | RegExp): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope.locator('label').filter({ has: page.getByRole(role, { name, exact: true }) });
}

async function check(page: Page, name: string): Promise<void> {
  await expectAxeClean(page, name);
  await shot(page, name);
}

test('a panellist joins from a referral, takes part in a study and erases the account', async ({ page, lang, t }) => {
  const staff = await StaffApi.setUp();
  const campaign = await staff.createScreenerCampaign({
    slug: `parcours-${lang}`,
    title: lang === 'fr' ? 'Cuisiner sans cuisine' : 'Cooking without a kitchen',
  });
  const email = `camille.${lang}@journey.leadpanel.test`;
  const displayName = lang === 'fr' ? 'Camille' : 'Sam';

  // a panellist of the campaign nominates the applicant: the referral e-mail carries ?ref=<code>
  const referrer = await joinPanel(campaign, { country: REFERRER_COUNTRY[lang], locale: lang, displayName: 'Dominique' });
  await call('POST', '/me/referrals', {
    token: referrer.token,
    body: { email, name: displayName, reason: 'Cooks in a tiny flat and builds her own tools.' },
    expect: 201,
  });
  const joinUrl = linkIn(await mailTo(email, REFERRAL_SUBJECT), `/join/${campaign.slug}`);
  const code = new URL(joinUrl).searchParams.get('ref');
  expect(code).toBeTruthy();

  // --- the application, in the browser
  await page.goto(joinUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(campaign.title);
  await expect(page.getByLabel(t('join.referralCode'))).toHaveValue(code!);
  await check(page, 'journey-join');
  await page.getByLabel(t('form.email')).fill(email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(PASSWORD);
  await page.getByLabel(t('join.displayName')).fill(displayName);
  await page.getByLabel(t('join.country')).selectOption(COUNTRY[lang]);
  const locale = page.getByRole('radiogroup', { name: t('join.locale') });
  await labelOf(locale, 'radio', t(`languages.${lang}`)).click();
  await page.getByLabel(t('join.birthYear')).fill('1988');
  await page.getByLabel(t('join.gender')).selectOption('female');
  for (const prompt of [
    'I usually try new products before others do',
    'A better solution would help me a lot',
    'I have built my own solutions',
  ]) {
    const group = page.getByRole('radiogroup', { name: startsWith(prompt) });
    await labelOf(group, 'radio', `7 (${t('survey.likert.high')})`).click();
  }
  const usage = page.getByRole('radiogroup', { name: startsWith('How often do you cook?') });
  await labelOf(usage, 'radio', 'Every day').click();
  await page.getByLabel('Hours a week spent on your hobby').fill('6');
  await page.getByLabel('Hours a week spent on your hobby').blur();
  await labelOf(page, 'checkbox', startsWith(t('join.consents.research', { version: '2026-01' }))).click();
  await labelOf(page, 'checkbox', t('join.consents.productTesting')).click();
  await page.getByRole('button', { name: t('join.submit') }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('join.checkEmail.title'));
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await check(page, 'journey-check-email');

  // --- confirmation, from the e-mail's own link
  await page.goto(linkIn(await mailTo(email, CONFIRM_SUBJECT), '/confirm'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('auth.confirm.activeTitle'));
  await check(page, 'journey-confirmed');
  // staff: a study the applicant matches, recruiting, and a wave
  const study = await staff.createStudyFor(COUNTRY[lang], { title: lang === 'fr' ? 'Bouilloire bêta' : 'Kettle beta' });
  expect((await staff.sendWave(study.id)).invited).toBe(1);
  const invitationMail = await mailTo(email, INVITATION_SUBJECT);

  // --- sign in with the chosen password; home shows the invitation as the next thing to do
  await page.goto('/login');
  await expectAxeClean(page, 'journey-login');
  await page.getByLabel(t('form.email')).fill(email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await expect(page).toHaveURL(/\/me\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('home.title'));
  await expect(page.getByText(t('home.kind.invitation'))).toBeVisible();
  await check(page, 'journey-home');

  // --- the invitation, from the e-mail's link: accept
  await page.goto(linkIn(invitationMail, '/me/invitations'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('invitations.title'));
  await expect(page.getByText(study.title).first()).toBeVisible();
  await check(page, 'journey-invitations');
  await page.getByRole('button', { name: t('invitations.accept') }).click();
  await expect(page.getByText(t('invitations.accepted.title', { title: study.title }))).toBeVisible();
  await check(page, 'journey-invitation-accepted');

  // staff: a post-first round, opening now, where two other participants already posted
  const { round, posts } = await staff.openPostFirstRound(study.id, campaign);
  const roundUrl = linkIn(await mailTo(email, ROUND_OPENED_SUBJECT), `/me/studies/${study.id}/rounds/${round.id}`);

  // --- the round, from the e-mail's link: the post-first explanation and the composer, no one else's post
  await page.goto(roundUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(round.title);
  await expect(page.getByRole('heading', { name: t('rounds.gate.title') })).toBeVisible();
  await expect(page.getByText(t('rounds.gate.body'))).toBeVisible();
  const composer = page.getByLabel(t('rounds.composer.label'));
  await expect(composer).toBeVisible();
  for (const p of posts) await expect(page.getByText(p.body)).toHaveCount(0);
  await check(page, 'journey-round-before');
  const myPost = 'I heat water in the microwave: the kettle takes too much room on the counter.';
  await composer.fill(myPost);
  await page.getByRole('button', { name: t('rounds.composer.send'), exact: true }).click();
  await expect(page.getByText(myPost)).toBeVisible();
  for (const p of posts) await expect(page.getByText(p.body)).toBeVisible();
  const other = page.getByRole('article').filter({ hasText: posts[0].body });
  await other.getByRole('button', { name: plural(lang, t, 'rounds.post.likeLabel', 0) }).click();
  await expect(other.getByRole('button', { name: plural(lang, t, 'rounds.post.likeLabel', 1) })).toHaveAttribute('aria-pressed', 'true');
  await check(page, 'journey-round-after');

  // staff: a survey with a showIf question, published, assigned to all
  const survey = await staff.publishSurveyWithShowIf(study.id);
  await staff.assignToAll(survey.id);
  const assignmentsUrl = linkIn(await mailTo(email, SURVEY_SUBJECT), '/me/assignments');

  // --- the survey: half-way, reload, resume at the right question, finish, points
  await page.goto(assignmentsUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('survey.assignments.title'));
  await check(page, 'journey-assignments');
  await page.getByRole('link', { name: t('survey.assignments.startLabel', { title: 'Kettle week one' }) }).click();
  const used = page.getByRole('radiogroup', { name: startsWith('Did you use the kettle this week?') });
  await labelOf(used, 'radio', 'Yes').click();
  await check(page, 'journey-survey-first');
  await page.getByRole('button', { name: t('survey.player.next') }).click();
  // "yes": the follow-up on the features shows, not "why not"
  const features = page.getByRole('group', { name: /Which features did you use\?/ });
  await labelOf(features, 'checkbox', 'Timer').click();
  await page.getByRole('button', { name: t('survey.player.next') }).click();
  const ease = page.getByRole('radiogroup', { name: /The kettle was easy to use/ });
  await expect(ease).toBeVisible();
  await expect(page.getByText(t('survey.player.progress', { current: 3, total: 4 }))).toBeVisible();
  await page.reload();
  await expect(ease).toBeVisible();
  await expect(page.getByText(t('survey.player.progress', { current: 3, total: 4 }))).toBeVisible();
  await check(page, 'journey-survey-resumed');
  await labelOf(ease, 'radio', '4').click();
  await page.getByRole('button', { name: t('survey.player.next') }).click();
  await page.getByLabel(/Anything else\?/).fill('The lid is hard to open with one hand.');
  await page.getByRole('button', { name: t('survey.player.toReview') }).click();
  await expect(page.getByRole('heading', { name: t('survey.review.title') })).toBeVisible();
  await expect(page.getByText('Why not?')).toHaveCount(0);
  await check(page, 'journey-survey-review');
  await page.getByRole('button', { name: t('survey.player.submit') }).click();
  await expect(page.getByText(t('survey.player.thanks'))).toBeVisible();
  await expect(page.getByText(plural(lang, t, 'survey.player.points', 30))).toBeVisible();
  await check(page, 'journey-survey-sent');

  // --- the delivery address on the profile
  await page.goto('/me/profile');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('profile.title'));
  await page.getByLabel(t('profile.address.line1'), { exact: true }).fill('12 rue des Testeurs');
  await page.getByLabel(t('profile.address.postalCode')).fill('1000');
  await page.getByLabel(t('profile.address.city')).fill(lang === 'fr' ? 'Bruxelles' : 'Dublin');
  await page.getByLabel(t('profile.address.country')).selectOption(COUNTRY[lang]);
  await page.getByRole('button', { name: t('profile.address.save') }).click();
  await expect(page.getByText(t('profile.address.saved'))).toBeVisible();
  await check(page, 'journey-profile');

  // staff: a product under NDA, allocated; the panellist accepts the NDA in the browser; tracking → shipped
  const product = await staff.productWithNda();
  await staff.allocateAndShip(study.id, product.id, {
    beforeShipping: async () => {
      await page.goto('/me/shipments');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('shipments.title'));
      await expect(page.getByRole('region', { name: t('shipments.nda.termsLabel') })).toContainText(product.ndaTerms ?? '');
      await check(page, 'journey-shipments-nda');
      await page.getByLabel(t('shipments.nda.checkbox')).check();
      await page.getByRole('button', { name: t('shipments.nda.accept') }).click();
      await expect(
        page.getByText(new RegExp(escape(t('shipments.nda.acceptedOn', { version: 'v1', date: '@@' })).replace('@@', '.+'))),
      ).toBeVisible();
    },
  });

  // --- the parcel, from the "shipped" e-mail's link: "I received it"
  await page.goto(linkIn(await mailTo(email, SHIPMENT_SUBJECT), '/me/shipments'));
  await expect(page.getByText(t('shipments.status.shipped')).first()).toBeVisible();
  await check(page, 'journey-shipments-shipped');
  await page.getByRole('button', { name: t('shipments.received.button') }).click();
  await expect(page.getByText(t('shipments.received.thanks'))).toBeVisible();
  await check(page, 'journey-shipments-received');

  // --- the points
  const points = await call<{ balance: number }>('GET', '/me/points', { token: await tokenOf(email) });
  expect(points.balance).toBeGreaterThanOrEqual(30);
  await page.goto('/me/points');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('points.title'));
  await expect(page.getByText(t('points.reason.survey_submitted'), { exact: true })).toBeVisible();
  await expect(page.getByText(plural(lang, t, 'points.amount', points.balance)).first()).toBeVisible();
  await check(page, 'journey-points');

  // --- privacy: the export, then the erasure
  await page.goto('/me/privacy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('privacy.title'));
  await check(page, 'journey-privacy');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('privacy.export.button') }).click(),
  ]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
  expect(JSON.stringify(exported)).toContain(email);
  await page.getByRole('button', { name: t('privacy.erase.button') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(t('privacy.erase.typeLabel', { word: t('privacy.erase.word') })).fill(t('privacy.erase.word'));
  await expectAxeClean(page, 'journey-erase-dialog');
  await shot(page, 'journey-erase-dialog');
  await dialog.getByRole('button', { name: t('privacy.erase.confirm') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('privacy.goodbye.title'));
  await check(page, 'journey-goodbye');

  // signed out, and the account is gone
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel(t('form.email')).fill(email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await check(page, 'journey-login-refused');
  await call('POST', '/auth/login', { body: { email, password: PASSWORD }, expect: 401 });
});

/** An accessible name that starts with `s` (a required question's name ends with its marker). */
function startsWith(s: string): RegExp {
  return new RegExp(`^${escape(s)}`);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function tokenOf(email: string): Promise<string> {
  return (await call<{ accessToken: string }>('POST', '/auth/login', { body: { email, password: PASSWORD }, expect: 200 })).accessToken;
}

/** A plural string of the catalogue (`key_one`, `key_other`…) for `n`, formatted as the app does. */
function plural(lang: 'fr' | 'en', t: (k: string, v?: Record<string, string | number>) => string, key: string, n: number): string {
  const form = new Intl.PluralRules(lang).select(n);
  return t(`${key}_${form}`, { count: n, formatted: new Intl.NumberFormat(lang).format(n) });
}
