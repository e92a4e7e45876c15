import { OutboxDispatcher } from '@leadpanel/platform';
import { exportOf } from '../support/data-rights';
import { uniqueEmail } from '../support/test-app';
import {
  API,
  apply,
  applicationBody,
  bearer,
  createCampaign,
  createPanelTestApp,
  dataSource,
  errorFields,
  expectProblem,
  joinPanel,
  LOW_ANSWERS,
  PUBLIC_BASE_URL,
  UUID,
  type Campaign,
  type Panellist,
  type TestApp,
  type TestUser,
} from './panel-helpers';

describe('Referrals (pyramiding)', () => {
  let t: TestApp;
  let researcher: TestUser;
  let campaign: Campaign;
  let referrer: Panellist;

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token, { title: 'Makers of kitchen gadgets' });
    referrer = await joinPanel(t, campaign.slug, { displayName: 'Rita Referrer' });
  });
  afterAll(async () => {
    await t.close();
  });

  const nominate = (body: Record<string, unknown>, token: string | null = referrer.token) => {
    const req = t.http().post(`${API}/me/referrals`);
    if (token) req.set(...bearer(token));
    return req.send(body);
  };
  const detail = (id: string) =>
    t
      .http()
      .get(`${API}/panellists/${id}`)
      .set(...bearer(researcher.token));
  /** The referral code of the invitation mailed to `email`: the link is `$PUBLIC_BASE_URL/join/<slug>?ref=<code>`. */
  const invitationCode = async (email: string, slug = campaign.slug): Promise<string> => {
    const [mail] = await t.smtp.waitFor(email);
    const m = new RegExp(`${PUBLIC_BASE_URL.replace(/[.]/g, '\\.')}/join/${slug}\\?ref=([A-Za-z0-9_-]+)`).exec(mail.text);
    if (!m) throw new Error(`no join link in:\n${mail.text}`);
    return m[1];
  };

  it('mails the nominee a join link with the code; the nominee who applies with it is linked to the referrer', async () => {
    const nomineeEmail = uniqueEmail('nominee');
    const res = await nominate({ email: nomineeEmail, name: 'Nina Nominee', reason: 'She designs her own knives' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(UUID),
      code: expect.stringMatching(/^[A-Za-z0-9_-]{8,32}$/),
      nomineeName: 'Nina Nominee',
      nomineeEmail,
      campaignSlug: campaign.slug,
      joinUrl: `${PUBLIC_BASE_URL}/join/${campaign.slug}?ref=${res.body.code as string}`,
    });

    const [mail] = await t.smtp.waitFor(nomineeEmail);
    // no user text in the subject: the referrer's name is in the body only
    expect(mail.subject).toBe('An invitation to join Makers of kitchen gadgets');
    expect(mail.subject).not.toContain('Rita');
    expect(mail.text).toContain('Rita Referrer');
    expect(mail.text).toContain('Hello Nina Nominee');
    expect(mail.text).toContain('She designs her own knives');
    const code = await invitationCode(nomineeEmail);
    expect(code).toBe(res.body.code);

    const nominee = await joinPanel(t, campaign.slug, { email: nomineeEmail, displayName: 'Nina Nominee', referralCode: code });

    const mine = await detail(referrer.id);
    expect(mine.status).toBe(200);
    expect(mine.body.referralChain.referrals).toEqual([
      expect.objectContaining({
        id: res.body.id,
        nomineeName: 'Nina Nominee',
        joinedPanellistId: nominee.id,
        joinedAt: expect.any(String),
      }),
    ]);
    expect(mine.body.participation).toMatchObject({ referralsMade: 1, referralsJoined: 1 });
    const theirs = await detail(nominee.id);
    expect(theirs.body.referralChain.referredBy).toEqual({
      panellistId: referrer.id,
      displayName: 'Rita Referrer',
      referralId: res.body.id,
    });

    // a code works once
    const again = await apply(t, campaign.slug, applicationBody({ referralCode: code }));
    expectProblem(again, 400);
    expect(errorFields(again)).toEqual(['referralCode']);
  });

  it('links a code to one of two simultaneous applications; the other is refused with 400', async () => {
    const res = await nominate({ email: uniqueEmail('nominee'), name: 'Twin', reason: 'Knows more' });
    const results = await Promise.all([
      apply(t, campaign.slug, applicationBody({ referralCode: res.body.code })),
      apply(t, campaign.slug, applicationBody({ referralCode: res.body.code })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    const mine = await detail(referrer.id);
    const joined = (mine.body.referralChain.referrals as Array<{ id: string; joinedPanellistId: string | null }>).find(
      (r) => r.id === res.body.id,
    );
    expect(joined?.joinedPanellistId).toBe(results.find((r) => r.status === 201)?.body.panellistId);
  });

  it('writes the invitation in the referrer’s language', async () => {
    const french = await joinPanel(t, campaign.slug, { locale: 'fr', displayName: 'Françoise' });
    const nomineeEmail = uniqueEmail('nominee-fr');
    expect((await nominate({ email: nomineeEmail, name: 'Noé', reason: 'Il répare tout' }, french.token)).status).toBe(201);
    const [mail] = await t.smtp.waitFor(nomineeEmail);
    expect(mail.subject).toBe('Une invitation à rejoindre Makers of kitchen gadgets');
    expect(mail.text).toContain('Françoise');
    expect(mail.text).toContain('Bonjour Noé');
  });

  it('refuses a code of another campaign with 400', async () => {
    const other = await createCampaign(t, researcher.token, { screenerSurveyId: campaign.screenerSurveyId });
    const nomineeEmail = uniqueEmail('nominee-other');
    const res = await nominate({ email: nomineeEmail, name: 'Otto', reason: 'Knows more' });
    expectProblem(await apply(t, other.slug, applicationBody({ email: nomineeEmail, referralCode: res.body.code })), 400);
    // with the campaign it was made for, it works
    expect((await apply(t, campaign.slug, applicationBody({ email: nomineeEmail, referralCode: res.body.code }))).status).toBe(201);
  });

  it('sends no e-mail to someone who is already a member, and says nothing of it', async () => {
    const member = await joinPanel(t, campaign.slug);
    const res = await nominate({ email: member.email.toUpperCase(), name: 'Already In', reason: 'Knows more' });
    expect(res.status).toBe(201);
    const rows = (await dataSource(t).query(
      `SELECT count(*)::int AS n FROM email_messages WHERE template = 'referral' AND recipient = $1`,
      [member.email],
    )) as Array<{ n: number }>;
    expect(rows[0].n).toBe(0);
  });

  it('answers and exports a referral to a member exactly like one to a non-member', async () => {
    const member = await joinPanel(t, campaign.slug);
    const toMember = await joinPanel(t, campaign.slug, { displayName: 'Mia Referrer' });
    const toStranger = await joinPanel(t, campaign.slug, { displayName: 'Sam Referrer' });
    const strangerEmail = uniqueEmail('stranger');
    const a = await nominate({ email: member.email, name: 'Member', reason: 'Knows more' }, toMember.token);
    const b = await nominate({ email: strangerEmail, name: 'Stranger', reason: 'Knows more' }, toStranger.token);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(Object.keys(a.body as object).sort()).toEqual(Object.keys(b.body as object).sort());
    await t.smtp.waitFor(strangerEmail);

    const [ea, eb] = [await exportOf(t, toMember.token), await exportOf(t, toStranger.token)];
    expect(Object.keys(ea).sort()).toEqual(Object.keys(eb).sort());
    const referrals = (e: Record<string, unknown>) =>
      (e.referralsMade as Array<Record<string, unknown>>).map((r) => ({ keys: Object.keys(r).sort(), joined: r.joined }));
    expect(referrals(ea)).toEqual([{ keys: ['at', 'joined', 'nomineeEmail', 'nomineeName', 'reason'], joined: false }]);
    expect(referrals(eb)).toEqual(referrals(ea));
    expect(ea.referralsMade).toEqual([expect.objectContaining({ nomineeEmail: member.email, nomineeName: 'Member' })]);
    // the e-mails section holds the mails sent to me, the same for both
    const emails = (e: Record<string, unknown>) =>
      (e.emails as Array<Record<string, unknown>>).map((m) => ({ template: m.template, status: m.status, keys: Object.keys(m).sort() }));
    expect(emails(eb)).toEqual(emails(ea));
    expect(JSON.stringify(eb.emails)).not.toContain(strangerEmail);
  });

  it('mails an address at most once per campaign in 30 days, however many referrals name it', async () => {
    const other = await joinPanel(t, campaign.slug, { displayName: 'Otto Other' });
    const nomineeEmail = uniqueEmail('popular');
    const statuses: number[] = [];
    for (const [i, token] of [referrer.token, referrer.token, other.token, referrer.token, other.token].entries()) {
      statuses.push(
        (await nominate({ email: i % 2 ? nomineeEmail.toUpperCase() : nomineeEmail, name: `N${i}`, reason: 'Knows more' }, token)).status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    const rows = (await dataSource(t).query(`SELECT count(*)::int AS n FROM referrals WHERE nominee_email = $1`, [nomineeEmail])) as Array<{
      n: number;
    }>;
    expect(rows[0].n).toBe(5); // every referral is recorded
    await t.smtp.waitFor(nomineeEmail);
    await t.app.get(OutboxDispatcher).drain();
    await new Promise((r) => setTimeout(r, 1000));
    expect(t.smtp.to(nomineeEmail)).toHaveLength(1);
    const queued = (await dataSource(t).query(
      `SELECT count(*)::int AS n FROM email_messages WHERE template = 'referral' AND recipient = $1`,
      [nomineeEmail],
    )) as Array<{ n: number }>;
    expect(queued[0].n).toBe(1);

    // another campaign is another invitation
    const second = await createCampaign(t, researcher.token, { screenerSurveyId: campaign.screenerSurveyId });
    const there = await joinPanel(t, second.slug);
    expect((await nominate({ email: nomineeEmail, name: 'N', reason: 'Knows more' }, there.token)).status).toBe(201);
    await t.smtp.waitFor(nomineeEmail, 2);
  });

  it('puts no user text in the subject, and no link of the referrer’s making in either part', async () => {
    const eve = await joinPanel(t, campaign.slug, { displayName: 'Eve www.evil.example' });
    const nomineeEmail = uniqueEmail('target');
    const reason = 'Win a prize at https://evil.example/win?x=1 or http://evil.example, www.evil.example, write to boss@evil.example';
    const res = await nominate({ email: nomineeEmail, name: 'Visit https://evil.example', reason }, eve.token);
    expect(res.status).toBe(201);
    const [mail] = await t.smtp.waitFor(nomineeEmail);
    expect(mail.subject).toBe('An invitation to join Makers of kitchen gadgets');
    for (const part of [mail.text, mail.html]) {
      for (const clickable of ['https://evil.example', 'http://evil.example', 'www.evil.example', 'boss@evil.example', 'evil.example'])
        expect(part).not.toContain(clickable);
      // the words are still there for the reader
      expect(part).toMatch(/Win a prize at/);
      expect(part).toMatch(/evil\[\.\]example/);
    }
    const hrefs = [...mail.html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(hrefs).toEqual([res.body.joinUrl]);
    expect(mail.html.match(/<a\b/g)).toHaveLength(1);
  });

  it('refuses a waitlisted panellist’s nomination with 422', async () => {
    const waiting = await joinPanel(t, campaign.slug, { answers: LOW_ANSWERS });
    expect(waiting.confirmed.status).toBe('waitlisted');
    expectProblem(await nominate({ email: uniqueEmail('n'), name: 'N', reason: 'Knows more' }, waiting.token), 422);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an e-mail that is not one', { email: 'nope', name: 'N', reason: 'r' }, 'email'],
    ['no name', { email: 'n@example.test', reason: 'r' }, 'name'],
    ['a blank name', { email: 'n@example.test', name: '  ', reason: 'r' }, 'name'],
    ['no reason', { email: 'n@example.test', name: 'N' }, 'reason'],
    ['a reason over 1000 characters', { email: 'n@example.test', name: 'N', reason: 'x'.repeat(1001) }, 'reason'],
    ['an unknown field', { email: 'n@example.test', name: 'N', reason: 'r', code: 'mine' }, 'code'],
  ])('refuses %s with 400', async (_what, body, field) => {
    const res = await nominate(body);
    expectProblem(res, 400);
    expect(errorFields(res)).toContain(field);
  });

  it('is for panellists: anonymous 401, researcher 403', async () => {
    const body = { email: uniqueEmail('n'), name: 'N', reason: 'r' };
    expectProblem(await nominate(body, null), 401);
    expectProblem(await nominate(body, researcher.token), 403);
  });
});
