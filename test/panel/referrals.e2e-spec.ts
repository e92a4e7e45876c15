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
    expect(mail.subject).toContain('Rita Referrer');
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
    expect(mail.subject).toBe('Françoise vous invite à rejoindre Makers of kitchen gadgets');
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
