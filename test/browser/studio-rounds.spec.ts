import { call } from './support/api-client';
import { StaffApi } from './support/api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { signInBrowser } from './support/session';
import { fileFeedback, meToo, ownPassword, postAs, postsOf, studyWithParticipants, type ApiFeedback } from './support/studio-rounds';

// a country of its own: no other spec's wave reaches these panellists
const COUNTRY = 'CY';
const DAY = 86_400_000;

/** A datetime-local value (the browser's time zone, Europe/London in this project) for a date. */
function localInput(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * The studio's discussions and feedback at 1280×800 (project studio-desktop): on a study whose
 * participants were enrolled through the API, the researcher opens a post-first round in the
 * browser; panellists post through the API; the researcher pins one post, hides another, creates
 * a code and tags a post, and the code's count shows it. Then a bug filed by a panellist is
 * triaged on the feedback board (a new status and a note).
 */
test('the researcher opens a round, moderates and tags its posts, and triages a feedback item', async ({ page, context, baseURL, t }) => {
  test.setTimeout(180_000);
  // --- through the API: a study with two enrolled participants; the researcher's own password
  const staff = await StaffApi.setUp();
  const { study, participants } = await studyWithParticipants(staff, COUNTRY, 'Kettle discussions', ['Léa Bêta', 'Hugo Bêta']);
  const [lea, hugo] = participants as [(typeof participants)[0], (typeof participants)[0]];
  const password = await ownPassword(staff);
  await signInBrowser(context, baseURL!, staff.researcher.email, password);

  // --- the rounds of the study: none yet; create a post-first round
  await page.goto(`/studio/studies/${study.id}/rounds`);
  await expect(page.getByRole('heading', { level: 1, name: t('studio.rounds.title') })).toBeVisible();
  await expect(page.getByText(t('studio.rounds.empty'))).toBeVisible();
  await expectAxeClean(page, 'studio-rounds-empty');
  await page.getByRole('button', { name: t('studio.rounds.create') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: t('studio.rounds.createTitle') })).toBeVisible();
  await dialog.getByLabel(t('studio.rounds.form.title')).fill('Your first hot drink');
  await dialog
    .getByLabel(t('studio.rounds.form.prompt'))
    .fill('Tell us how you make your first hot drink of the day, and what annoys you about it.');
  await expect(dialog.getByLabel(t('studio.rounds.form.mode'))).toHaveValue('post_first');
  // a closing date before the opening: the API's answer shows on the field
  const closes = dialog.getByLabel(t('studio.rounds.form.closesAt'));
  await closes.fill(localInput(new Date(Date.now() - DAY)));
  await dialog.getByRole('button', { name: t('studio.rounds.form.submit') }).click();
  await expect(dialog.getByText(t('studio.rounds.form.closesBeforeOpens'))).toBeVisible();
  await expect(closes).toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(page, 'studio-round-create');
  await closes.fill(localInput(new Date(Date.now() + 5 * DAY)));
  await dialog.getByRole('button', { name: t('studio.rounds.form.submit') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(t('studio.rounds.created', { title: 'Your first hot drink' }))).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Your first hot drink' });
  await expect(row.getByRole('cell').nth(0)).toHaveText(t('studio.rounds.mode.post_first')); // the title is the row header;
  await expect(row.getByText(t('studio.rounds.state.open'), { exact: true })).toBeVisible();

  // --- panellists post through the API
  const rounds = await call<{ items: Array<{ id: string; title: string }> }>('GET', `/studies/${study.id}/rounds`, {
    token: staff.researcher.token,
  });
  const round = rounds.items.find((r) => r.title === 'Your first hot drink')!;
  const saucepan = await postAs(lea, round.id, 'I boil water in a saucepan: the kettle is too slow in the morning.');
  const alarm = await postAs(hugo, round.id, 'I wish the kettle started itself when my alarm rings.', 'idea');
  const spam = await postAs(hugo, round.id, 'Cheap kettles at totally-not-spam.example, click now!');
  const pseudonyms = new Map((await postsOf(staff.researcher.token, round.id)).map((p) => [p.id, p.author.pseudonym!]));
  await shot(page, 'rounds');

  // --- the moderation page
  await row.getByRole('link', { name: 'Your first hot drink' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your first hot drink' })).toBeVisible();
  const post = (body: string) => page.getByRole('article').filter({ hasText: body });
  await expect(post(saucepan.body)).toBeVisible();
  await expect(post(alarm.body).getByText(t('studio.rounds.post.idea'), { exact: true })).toBeVisible();

  // pin Hugo's idea
  const alarmBy = pseudonyms.get(alarm.id)!;
  await post(alarm.body)
    .getByRole('button', { name: t('studio.rounds.action.pinOf', { author: alarmBy }) })
    .click();
  await expect(post(alarm.body).getByText(t('studio.rounds.post.pinned'), { exact: true })).toBeVisible();
  await expect(post(alarm.body).getByRole('button', { name: t('studio.rounds.action.unpinOf', { author: alarmBy }) })).toBeVisible();

  // hide the spam: the researcher still sees it, marked; the participants no longer do
  const spamBy = pseudonyms.get(spam.id)!;
  await post(spam.body)
    .getByRole('button', { name: t('studio.rounds.action.hideOf', { author: spamBy }) })
    .click();
  await expect(post(spam.body).getByText(t('studio.rounds.post.hidden'), { exact: true })).toBeVisible();
  await expect.poll(async () => (await postsOf(lea.token, round.id)).map((p) => p.id).sort()).toEqual([saucepan.id, alarm.id].sort());
  expect((await postsOf(lea.token, round.id)).find((p) => p.id === alarm.id)?.pinned).toBe(true);

  // the queue: newest first; its views list the pinned post alone, the hidden post alone
  await expect(page.getByRole('article').first()).toContainText(spam.body);
  const view = page.getByRole('combobox', { name: t('studio.rounds.queue.view') });
  await view.selectOption('pinned');
  await expect(post(saucepan.body)).toHaveCount(0);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(post(alarm.body)).toBeVisible();
  await view.selectOption('hidden');
  await expect(post(alarm.body)).toHaveCount(0);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(post(spam.body)).toBeVisible();
  await view.selectOption('all');
  await expect(page.getByRole('article')).toHaveCount(3);

  // --- the code book: a new code, then Léa's post tagged with it; the count follows
  const codes = page.getByRole('list', { name: t('studio.rounds.codes.list') });
  await page.getByLabel(t('studio.rounds.codes.name')).fill('Slow boiling');
  await page.getByLabel(t('studio.rounds.codes.description')).fill('The kettle takes too long');
  await page.getByRole('button', { name: t('studio.rounds.codes.submit') }).click();
  const code = codes.getByRole('listitem').filter({ hasText: 'Slow boiling' });
  await expect(code.getByLabel(t('studio.rounds.codes.countLabel_other', { count: 0 }))).toBeVisible();

  const leaBy = pseudonyms.get(saucepan.id)!;
  await post(saucepan.body)
    .getByRole('button', { name: t('studio.rounds.action.tagOf_other', { author: leaBy, count: 0 }) })
    .click();
  const picker = page.getByRole('group', { name: t('studio.rounds.tags.legend', { author: leaBy }) });
  await picker.getByRole('checkbox', { name: 'Slow boiling' }).check();
  await expect(picker.getByRole('checkbox', { name: 'Slow boiling' })).toBeChecked();
  await expect(post(saucepan.body).getByRole('list', { name: t('studio.rounds.tags.of', { author: leaBy }) })).toHaveText('Slow boiling');
  await expect(code.getByLabel(t('studio.rounds.codes.countLabel_one', { count: 1 }))).toBeVisible();
  const tagged = (await postsOf(staff.researcher.token, round.id)).find((p) => p.id === saucepan.id)!;
  expect(tagged.codes?.map((c) => c.name)).toEqual(['Slow boiling']);
  await expectAxeClean(page, 'studio-round-moderation');
  await shot(page, 'moderation');
  // still usable at 768: the code book goes under the queue, nothing scrolls sideways
  await page.setViewportSize({ width: 768, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await expect(post(saucepan.body).getByRole('button', { name: t('studio.rounds.action.hideOf', { author: leaBy }) })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });

  // --- feedback: a bug filed by Léa, "me too" from Hugo, triaged in the browser
  const bug = await fileFeedback(lea, study.id, {
    kind: 'bug',
    severity: 'major',
    area: 'app pairing',
    title: 'The kettle forgets my alarm',
    body: 'After a night unplugged, the kettle no longer starts with my alarm.',
  });
  await fileFeedback(hugo, study.id, { kind: 'praise', title: 'Lovely sound', body: 'The chime when the water is ready is lovely.' });
  await meToo(hugo, bug.id);

  await page
    .getByRole('navigation', { name: t('studio.study.tabs') })
    .getByRole('link', { name: t('studio.study.feedback') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('studio.feedback.title') })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Lovely sound' })).toBeVisible();
  await page.getByLabel(t('studio.feedback.filter.kind')).selectOption('bug');
  await expect(page).toHaveURL(/[?&]kind=bug/);
  await expect(page.getByRole('row').filter({ hasText: 'Lovely sound' })).toHaveCount(0);
  const bugRow = page.getByRole('row').filter({ hasText: bug.title });
  await expect(bugRow.getByRole('cell').nth(3)).toHaveText('1'); // me too (the row header is not a cell)
  await expect(bugRow.getByText(t('studio.feedback.status.new'), { exact: true })).toBeVisible();
  await expectAxeClean(page, 'studio-feedback');

  await bugRow.getByRole('button', { name: t('studio.feedback.triageOf', { title: bug.title }) }).click();
  const triage = page.getByRole('dialog');
  await triage.getByLabel(t('studio.feedback.form.status')).selectOption('triaged');
  await triage.getByLabel(t('studio.feedback.form.note')).fill('Reproduced with the beta app 1.2: the schedule is lost on power loss.');
  await expectAxeClean(page, 'studio-feedback-triage');
  await triage.getByRole('button', { name: t('studio.feedback.form.submit') }).click();
  await expect(triage).toBeHidden();
  await expect(
    page.getByText(t('studio.feedback.triaged', { title: bug.title, status: t('studio.feedback.status.triaged') })),
  ).toBeVisible();
  await expect(bugRow.getByText(t('studio.feedback.status.triaged'), { exact: true })).toBeVisible();
  const stored = await call<{ items: ApiFeedback[] }>('GET', `/studies/${study.id}/feedback?kind=bug`, { token: staff.researcher.token });
  expect(stored.items.find((f) => f.id === bug.id)).toMatchObject({
    status: 'triaged',
    notes: [{ body: 'Reproduced with the beta app 1.2: the schedule is lost on power loss.' }],
  });
  await shot(page, 'feedback');
  await page.setViewportSize({ width: 768, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
});
