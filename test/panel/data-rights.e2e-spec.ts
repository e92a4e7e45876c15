import { PointsService } from '@leadpanel/panel';
import { uniqueEmail } from '../support/test-app';
import {
  API,
  apply,
  applicationBody,
  bearer,
  confirm,
  confirmationMail,
  createCampaign,
  createPanelTestApp,
  dataSource,
  expectProblem,
  joinPanel,
  PASSWORD,
  TOP_ANSWERS,
  type Campaign,
  type Panellist,
  type TestApp,
  type TestUser,
} from './panel-helpers';

describe('Data rights: export and erasure', () => {
  let t: TestApp;
  let researcher: TestUser;
  let campaign: Campaign;

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token);
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string | null) => ({
    get: (path: string) => {
      const req = t.http().get(`${API}${path}`);
      return token ? req.set(...bearer(token)) : req;
    },
    delete: (path: string) => {
      const req = t.http().delete(`${API}${path}`);
      return token ? req.set(...bearer(token)) : req;
    },
  });

  /** The mail job marks the e-mail sent just after the SMTP server took it: wait for that. */
  const sentMails = async (userId: string, count: number): Promise<void> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const rows = (await dataSource(t).query(`SELECT count(*)::int AS n FROM email_messages WHERE user_id = $1 AND status = 'sent'`, [
        userId,
      ])) as Array<{ n: number }>;
      if (rows[0].n >= count) return;
      if (Date.now() > deadline) throw new Error(`${count} sent mail(s) expected for ${userId}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  describe('GET /me/export', () => {
    let p: Panellist;
    let nomineeEmail: string;

    beforeAll(async () => {
      p = await joinPanel(t, campaign.slug, { displayName: 'Xena Export', country: 'NL', locale: 'en' });
      await t
        .http()
        .put(`${API}/me/address`)
        .set(...bearer(p.token))
        .send({ line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL', phone: '+31 20 123 4567' });
      nomineeEmail = uniqueEmail('nominee');
      const nominated = await t
        .http()
        .post(`${API}/me/referrals`)
        .set(...bearer(p.token))
        .send({ email: nomineeEmail, name: 'Nils', reason: 'Builds his own espresso machines' });
      expect(nominated.status).toBe(201);
      await t.smtp.waitFor(nomineeEmail);
      await t.app
        .get(PointsService)
        .credit(dataSource(t).manager, { panellistId: p.id, delta: 25, reason: 'survey_submitted', key: 'survey:export' });
      await sentMails(p.id, 2);
    });

    it('holds my profile and address, consents, screener answers, referrals, points and the e-mails sent to me', async () => {
      const res = await as(p.token).get('/me/export');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.body as Record<string, unknown>;
      expect(body.profile).toMatchObject({
        id: p.id,
        email: p.email,
        displayName: 'Xena Export',
        country: 'NL',
        birthYear: 1990,
        address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL', phone: '+31 20 123 4567' },
      });
      expect(body.consents).toEqual([expect.objectContaining({ termsVersion: '2026-01', research: true, productTesting: true })]);
      expect(body.screenerAnswers).toEqual([expect.objectContaining({ answers: TOP_ANSWERS, surveyId: campaign.screenerSurveyId })]);
      expect(body.referralsMade).toEqual([
        expect.objectContaining({ nomineeName: 'Nils', nomineeEmail, reason: 'Builds his own espresso machines', joined: false }),
      ]);
      expect(body.points).toEqual({ balance: 25, entries: [expect.objectContaining({ delta: 25, reason: 'survey_submitted' })] });
      const emails = body.emails as Array<Record<string, unknown>>;
      expect(emails).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ template: 'confirm-email', recipient: p.email, status: 'sent', subject: expect.any(String) }),
        ]),
      );
      // a referral e-mail is not mine, and whether one went out would tell the nominee's membership
      expect(emails.map((e) => e.template)).not.toContain('referral');
      expect(JSON.stringify(emails)).not.toContain(nomineeEmail);
      expect(body.statusHistory).toEqual([
        expect.objectContaining({ from: null, to: 'pending_confirmation' }),
        expect.objectContaining({ from: 'pending_confirmation', to: 'active' }),
      ]);
      // nothing about the password, and nobody else's data
      expect(JSON.stringify(body)).not.toMatch(/password|argon2|\$argon/i);
    });

    it('is audited', async () => {
      const rows = (await dataSource(t).query(
        `SELECT actor_user_id FROM audit_log WHERE action = 'panellist.exported' AND target_id = $1`,
        [p.id],
      )) as Array<{ actor_user_id: string }>;
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows[0].actor_user_id).toBe(p.id);
    });

    it('is for the panellist: anonymous 401, researcher 403', async () => {
      expectProblem(await as(null).get('/me/export'), 401);
      expectProblem(await as(researcher.token).get('/me/export'), 403);
    });
  });

  describe('DELETE /me', () => {
    it('erases me: 204; my tokens and password stop working; researchers no longer see me; my e-mail may apply again', async () => {
      const p = await joinPanel(t, campaign.slug, { displayName: 'Erin Erase' });
      await t
        .http()
        .put(`${API}/me/address`)
        .set(...bearer(p.token))
        .send({ line1: 'Secret street 9', postalCode: '1000', city: 'Brussels', country: 'BE' });
      const seen = await as(researcher.token).get(`/panellists/${p.id}`);
      expect(seen.status).toBe(200);

      const res = await as(p.token).delete('/me');
      expect(res.status).toBe(204);
      expect(res.text).toBe('');

      expectProblem(await as(p.token).get('/me/profile'), 401);
      expectProblem(await t.http().post(`${API}/auth/refresh`).send({ refreshToken: p.refreshToken }), 401);
      expectProblem(await t.http().post(`${API}/auth/login`).send({ email: p.email, password: p.password }), 401);
      expectProblem(await as(researcher.token).get(`/panellists/${p.id}`), 404);
      const listed = await as(researcher.token).get(`/panellists?q=${encodeURIComponent('Erin Erase')}`);
      expect(listed.body.items).toEqual([]);
      const byEmail = await as(researcher.token).get(`/panellists?q=${encodeURIComponent(p.email)}`);
      expect(byEmail.body.items).toEqual([]);

      // the PII is gone from the database, the anonymous facts stay
      const ds = dataSource(t);
      const [row] = (await ds.query(`SELECT status, display_name, country, birth_year, score_overall, tier FROM panellists WHERE id = $1`, [
        p.id,
      ])) as Array<Record<string, unknown>>;
      expect(row).toMatchObject({ status: 'erased', country: 'FR', birth_year: 1990, tier: 'lead_user' });
      expect(row.display_name).not.toContain('Erin');
      expect(await ds.query(`SELECT 1 FROM panellist_addresses WHERE panellist_id = $1`, [p.id])).toEqual([]);
      const [user] = (await ds.query(`SELECT email, status FROM users WHERE id = $1`, [p.id])) as Array<{ email: string; status: string }>;
      expect(user.status).toBe('erased');
      expect(user.email).not.toBe(p.email);
      const mails = (await ds.query(`SELECT recipient, data FROM email_messages WHERE user_id = $1`, [p.id])) as Array<{
        recipient: string;
        data: Record<string, unknown>;
      }>;
      expect(mails.length).toBeGreaterThan(0);
      for (const m of mails) {
        expect(m.recipient).not.toBe(p.email);
        expect(JSON.stringify(m.data)).not.toContain('Erin');
      }
      const audit = (await ds.query(`SELECT actor_user_id FROM audit_log WHERE action = 'panellist.erased' AND target_id = $1`, [
        p.id,
      ])) as Array<{ actor_user_id: string }>;
      expect(audit).toEqual([{ actor_user_id: p.id }]);

      // the same e-mail may apply again, as a new panellist
      const again = applicationBody({ email: p.email, displayName: 'Erin Again' });
      const reapplied = await apply(t, campaign.slug, again);
      expect(reapplied.status).toBe(201);
      expect(reapplied.body.panellistId).not.toBe(p.id);
      const { token } = await confirmationMail(t, p.email, 2);
      expect((await confirm(t, token)).status).toBe(200);
      const session = await t.login(p.email, PASSWORD);
      const profile = await as(session.accessToken).get('/me/profile');
      expect(profile.body).toMatchObject({ id: reapplied.body.panellistId, displayName: 'Erin Again', address: null });
    });

    it('keeps the referral chain anonymous: the nominee of an erased referrer keeps no trace of them', async () => {
      const referrer = await joinPanel(t, campaign.slug, { displayName: 'Rolf Referrer' });
      const nomineeEmail = uniqueEmail('nominee');
      const nominated = await t
        .http()
        .post(`${API}/me/referrals`)
        .set(...bearer(referrer.token))
        .send({ email: nomineeEmail, name: 'Nora', reason: 'Nora grows more than Rolf' });
      const nominee = await joinPanel(t, campaign.slug, { email: nomineeEmail, referralCode: nominated.body.code });
      expect((await as(researcher.token).get(`/panellists/${nominee.id}`)).body.referralChain.referredBy).toMatchObject({
        panellistId: referrer.id,
      });
      await t.smtp.waitFor(nomineeEmail, 2);
      expect((await as(referrer.token).delete('/me')).status).toBe(204);
      const detail = await as(researcher.token).get(`/panellists/${nominee.id}`);
      expect(detail.status).toBe(200);
      expect(JSON.stringify(detail.body)).not.toContain('Rolf');
      // the invitation sent in the referrer's name ("Rolf Referrer thinks you should join …") keeps no trace either
      const ds = dataSource(t);
      expect(
        await ds.query(`SELECT id FROM email_messages WHERE subject LIKE '%Rolf%' OR data::text LIKE '%Rolf%' OR recipient = $1`, [
          referrer.email,
        ]),
      ).toEqual([]);
      expect(await ds.query(`SELECT id FROM referrals WHERE reason LIKE '%Rolf%'`)).toEqual([]);
    });

    it('forgets an erased nominee’s address everywhere, also in the invitations others sent them', async () => {
      const first = await joinPanel(t, campaign.slug);
      const second = await joinPanel(t, campaign.slug);
      const nomineeEmail = uniqueEmail('nominee');
      const invite = (token: string) =>
        t
          .http()
          .post(`${API}/me/referrals`)
          .set(...bearer(token))
          .send({ email: nomineeEmail, name: 'Nadia Nominee', reason: 'Knows more' });
      const byFirst = await invite(first.token);
      expect((await invite(second.token)).status).toBe(201);
      await t.smtp.waitFor(nomineeEmail); // one invitation per address and campaign in 30 days
      const nominee = await joinPanel(t, campaign.slug, { email: nomineeEmail, referralCode: byFirst.body.code });
      expect((await as(nominee.token).delete('/me')).status).toBe(204);
      const ds = dataSource(t);
      expect(
        await ds.query(`SELECT id FROM email_messages WHERE recipient = $1 OR data::text LIKE $2 OR subject LIKE '%Nadia%'`, [
          nomineeEmail,
          `%${nomineeEmail}%`,
        ]),
      ).toEqual([]);
      expect(await ds.query(`SELECT id FROM referrals WHERE nominee_email = $1 OR nominee_name LIKE '%Nadia%'`, [nomineeEmail])).toEqual(
        [],
      );
      // the referrers' own data is intact
      const firstExport = await as(first.token).get('/me/export');
      expect(firstExport.body.referralsMade).toEqual([expect.objectContaining({ joined: true, reason: 'Knows more' })]);
    });

    it('an unconfirmed applicant has no session to erase with (403 email-not-confirmed): the link still works', async () => {
      // issue #15: an account is live only once its e-mail is confirmed; until then it expires with its link
      const body = applicationBody();
      const applied = await apply(t, campaign.slug, body);
      const { token } = await confirmationMail(t, String(body.email));
      expectProblem(await t.http().post(`${API}/auth/login`).send({ email: body.email, password: PASSWORD }), 403, 'email-not-confirmed');
      expect((await confirm(t, token)).status).toBe(200);
      expect((await as(researcher.token).get(`/panellists/${applied.body.panellistId as string}`)).status).toBe(200);
    });

    it('is for the panellist: anonymous 401, researcher 403', async () => {
      expectProblem(await as(null).delete('/me'), 401);
      expectProblem(await as(researcher.token).delete('/me'), 403);
    });
  });
});
