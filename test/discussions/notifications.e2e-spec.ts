import { POST_FIRST_REMINDER_JOB, ROUND_OPENED_JOB, RoundNotifications } from '@leadpanel/discussions';
import {
  at,
  createDiscussionsTestApp,
  createRound,
  DAY,
  emailsOf,
  fromNow,
  HOUR,
  mailTo,
  makeDue,
  mustPost,
  roundJobs,
  SETUP_TIMEOUT,
  type Panellist,
  type TestApp,
} from './discussions-helpers';
import { bystanders, type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

const PUBLIC_BASE_URL = 'https://panel.leadpanel.test';

describe('Discussions: e-mails through the outbox', () => {
  let t: TestApp;
  let w: StudyWorld;
  let hu: Cohort; // 3 participants, 1 invited only
  let outsider: Panellist;

  beforeAll(async () => {
    t = await createDiscussionsTestApp();
    w = await studyWorld(t);
    hu = await cohort(t, w, { country: 'HU', participants: 3, invitedOnly: 1 });
    [outsider] = await bystanders(t, w, 'IT');
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  const subjects = (p: Panellist): string[] => t.smtp.to(p.email).map((m) => m.subject);

  it('tells every enrolled participant when a round opens, with the question, the close time and a link; nobody else', async () => {
    const round = await createRound(t, w.researcher, hu.study.id, {
      title: 'Paprika',
      prompt: 'How do you store your spices?',
      closesAt: '2031-03-01T18:30:00.000Z',
    });
    for (const p of hu.participants) {
      const mail = await mailTo(t, p.email, 'A discussion is open: Paprika');
      expect(mail.text).toContain('How do you store your spices?');
      expect(mail.text).toContain('2031-03-01 18:30 UTC');
      expect(mail.text).toContain(`${PUBLIC_BASE_URL}/me/studies/${hu.study.id}/rounds/${round.id}`);
      expect(mail.text).toContain(p.displayName);
      expect(mail.text).toContain(hu.study.title);
    }
    // the invited-only panellist and the outsider get nothing
    expect(subjects(hu.invitedOnly[0])).not.toContain('A discussion is open: Paprika');
    expect(subjects(outsider)).not.toContain('A discussion is open: Paprika');
    expect(await emailsOf(t, hu.invitedOnly[0].id, 'round-opened')).toEqual([]);
  });

  it('waits until the round opens: the e-mail is a delayed outbox message due at opensAt', async () => {
    const opensAt = fromNow(2 * DAY);
    const round = await createRound(t, w.researcher, hu.study.id, { title: 'Goulash', opensAt, closesAt: fromNow(5 * DAY) });
    const jobs = await roundJobs(t, ROUND_OPENED_JOB, round.id);
    expect(jobs).toEqual([{ status: 'pending', availableAt: new Date(opensAt) }]);
    await new Promise((r) => setTimeout(r, 500)); // the dispatcher polls every 100 ms in tests
    for (const p of hu.participants) expect(subjects(p)).not.toContain('A discussion is open: Goulash');

    // the moment comes (moved forward: the dispatcher reads the database's clock)
    expect(await makeDue(t, `${ROUND_OPENED_JOB}:${round.id}`)).toBe(1);
    for (const p of hu.participants) await mailTo(t, p.email, 'A discussion is open: Goulash');
  });

  it('reminds, 24 h before a post-first round closes, only the participants without a top-level post', async () => {
    const [a, b, c] = hu.participants;
    const closesAt = fromNow(3 * DAY);
    const round = await createRound(t, w.researcher, hu.study.id, { title: 'Lángos', mode: 'post_first', closesAt });
    const jobs = await roundJobs(t, POST_FIRST_REMINDER_JOB, round.id);
    expect(jobs).toEqual([{ status: 'pending', availableAt: new Date(Date.parse(closesAt) - DAY) }]);

    await mustPost(t, a, round.id, { body: 'With garlic and sour cream' });
    // a researcher's post counts for nobody
    await mustPost(t, w.researcher, round.id, { body: 'Sweet or savoury?' });

    expect(await makeDue(t, `${POST_FIRST_REMINDER_JOB}:${round.id}`)).toBe(1);
    const subject = `Your turn: Lángos closes on ${closesAt.slice(0, 16).replace('T', ' ')} UTC`;
    for (const p of [b, c]) {
      const mail = await mailTo(t, p.email, subject);
      expect(mail.text).toContain(`${PUBLIC_BASE_URL}/me/studies/${hu.study.id}/rounds/${round.id}`);
    }
    expect(await emailsOf(t, a.id, 'post-first-reminder')).toEqual([]);
    expect(subjects(a)).not.toContain(subject);
    expect(subjects(hu.invitedOnly[0])).not.toContain(subject);

    // a retried job sends nothing twice
    const notifications = t.app.get(RoundNotifications);
    await notifications.remindNonPosters(round.id);
    await notifications.roundOpened(round.id);
    for (const p of [b, c]) {
      expect(await emailsOf(t, p.id, 'post-first-reminder')).toHaveLength(1);
    }
    const openedMails = await Promise.all(hu.participants.map((p) => emailsOf(t, p.id, 'round-opened')));
    // one "opened" mail per participant and round: three rounds were opened to them by now
    expect(openedMails.map((m) => m.length)).toEqual([3, 3, 3]);
  });

  it('schedules no reminder for an open round, nor for a post-first round with 24 h or less to run', async () => {
    const open = await createRound(t, w.researcher, hu.study.id, { title: 'Open', mode: 'open' });
    const short = await createRound(t, w.researcher, hu.study.id, { title: 'Short', mode: 'post_first', closesAt: fromNow(20 * HOUR) });
    expect(await roundJobs(t, POST_FIRST_REMINDER_JOB, open.id)).toEqual([]);
    expect(await roundJobs(t, POST_FIRST_REMINDER_JOB, short.id)).toEqual([]);
    // both still announce themselves
    expect(await roundJobs(t, ROUND_OPENED_JOB, short.id)).toHaveLength(1);
  });

  it('sends nothing from a job that runs after the round closed', async () => {
    const round = await createRound(t, w.researcher, hu.study.id, { title: 'Late', mode: 'post_first', closesAt: fromNow(2 * DAY) });
    const notifications = t.app.get(RoundNotifications);
    const sent = await at(t, new Date(Date.parse(round.closesAt) + HOUR), () => notifications.remindNonPosters(round.id));
    expect(sent).toBe(0);
    for (const p of hu.participants) {
      expect(subjects(p).filter((s) => s.startsWith('Your turn: Late'))).toEqual([]);
    }
  });
});
