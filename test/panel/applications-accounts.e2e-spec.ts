import { uniqueEmail } from '../support/test-app';
import {
  API,
  apply,
  applicationBody,
  confirm,
  confirmationMail,
  createCampaign,
  createPanelTestApp,
  dataSource,
  errorFields,
  expectProblem,
  joinPanel,
  PUBLIC_BASE_URL,
  UUID,
  type Campaign,
  type TestApp,
  type TestUser,
} from './panel-helpers';

/** Issue #15: unconfirmed accounts are not live, applications tell nothing about an address, unconfirmed ones expire. */
describe('Applications and accounts', () => {
  let t: TestApp;
  let researcher: TestUser;
  let campaign: Campaign;

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token, { acceptScore: 50 });
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (email: string, password: string) => t.http().post(`${API}/auth/login`).send({ email, password });
  const resend = (email: unknown) => t.http().post(`${API}/public/resend-confirmation`).send({ email });

  describe('an unconfirmed applicant', () => {
    it('cannot log in: 403 email-not-confirmed with the right password, 401 with a wrong one; after confirming, 200', async () => {
      const body = applicationBody();
      const email = String(body.email);
      expect((await apply(t, campaign.slug, body)).status).toBe(201);
      expectProblem(await login(email, String(body.password)), 403, 'email-not-confirmed');
      const wrong = await login(email, 'not-the-password-0');
      expectProblem(wrong, 401);
      const unknown = await login(uniqueEmail('nobody'), 'not-the-password-0');
      expect(wrong.body.type).toBe(unknown.body.type);
      expect(wrong.body.detail).toBe(unknown.body.detail);
      const { token } = await confirmationMail(t, email);
      expect((await confirm(t, token)).status).toBe(200);
      expect((await login(email, String(body.password))).status).toBe(200);
    });

    it('gets a fresh link from /public/resend-confirmation (202); the older link stops working', async () => {
      const body = applicationBody();
      const email = String(body.email);
      expect((await apply(t, campaign.slug, body)).status).toBe(201);
      const first = await confirmationMail(t, email, 1);
      const res = await resend(email.toUpperCase());
      expect(res.status).toBe(202);
      const second = await confirmationMail(t, email, 2);
      expect(second.token).not.toBe(first.token);
      expectProblem(await confirm(t, first.token), 400);
      expect((await confirm(t, second.token)).status).toBe(200);
    });

    it('gives way to a newer application with its address: the new link lets in the new password, the old link is dead', async () => {
      // somebody registers the address with a password of their own; then the owner applies
      const squatter = applicationBody();
      const email = String(squatter.email);
      const first = await apply(t, campaign.slug, squatter);
      expect(first.status).toBe(201);
      const old = await confirmationMail(t, email, 1);
      const owner = await apply(t, campaign.slug, applicationBody({ email, password: 'the-owners-own-passphrase' }));
      expect(owner.status).toBe(201);
      expect(Object.keys(owner.body).sort()).toEqual(Object.keys(first.body).sort());
      const { token } = await confirmationMail(t, email, 2);
      expectProblem(await confirm(t, old.token), 400);
      expect((await confirm(t, token)).status).toBe(200);
      expectProblem(await login(email, String(squatter.password)), 401);
      expect((await login(email, 'the-owners-own-passphrase')).status).toBe(200);
      const rows = (await dataSource(t).query(`SELECT count(*)::int AS n FROM panellists WHERE id = $1`, [
        first.body.panellistId,
      ])) as Array<{
        n: number;
      }>;
      expect(rows[0].n).toBe(0);
    });

    it('is purged by the job at the link expiry, which frees the address for a new application', async () => {
      const body = applicationBody();
      const email = String(body.email);
      const applied = await apply(t, campaign.slug, body);
      const id = applied.body.panellistId as string;
      await confirmationMail(t, email);
      const ds = dataSource(t);
      const [job] = (await ds.query(
        `SELECT available_at FROM outbox_messages WHERE topic = 'panel.unconfirmed-purge' AND subject_id = $1`,
        [id],
      )) as Array<{ available_at: Date }>;
      // scheduled at the expiry, 7 days on
      expect(new Date(job.available_at).getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
      await ds.query(`UPDATE email_confirmations SET expires_at = now() - interval '1 minute' WHERE panellist_id = $1`, [id]);
      await ds.query(`UPDATE outbox_messages SET available_at = now() WHERE topic = 'panel.unconfirmed-purge' AND subject_id = $1`, [id]);
      const deadline = Date.now() + 15_000;
      for (;;) {
        const left = (await ds.query(
          `SELECT (SELECT count(*) FROM users WHERE id = $1)::int AS users, (SELECT count(*) FROM panellists WHERE id = $1)::int AS panellists,
                  (SELECT count(*) FROM panellist_consents WHERE panellist_id = $1)::int AS consents,
                  (SELECT count(*) FROM screener_responses WHERE panellist_id = $1)::int AS answers`,
          [id],
        )) as Array<Record<string, number>>;
        if (Object.values(left[0]).every((n) => n === 0)) break;
        if (Date.now() > deadline) throw new Error(`not purged: ${JSON.stringify(left[0])}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      // the owner applies and joins
      const p = await joinPanel(t, campaign.slug, { email });
      expect(p.id).not.toBe(id);
    });

    it('whose link expired is replaced at once by a new application with the address', async () => {
      const body = applicationBody();
      const email = String(body.email);
      const applied = await apply(t, campaign.slug, body);
      await confirmationMail(t, email);
      await dataSource(t).query(`UPDATE email_confirmations SET expires_at = now() - interval '1 minute' WHERE panellist_id = $1`, [
        applied.body.panellistId,
      ]);
      const p = await joinPanel(t, campaign.slug, { email, password: 'another-long-passphrase' });
      expect(p.id).not.toBe(applied.body.panellistId);
    });
  });

  it('a password reset proves the address: the applicant is let in without the link (scored, active)', async () => {
    const body = applicationBody();
    const email = String(body.email);
    expect((await apply(t, campaign.slug, body)).status).toBe(201);
    await confirmationMail(t, email);
    expect((await t.http().post(`${API}/public/password-reset`).send({ email })).status).toBe(202);
    const [mail] = (await t.smtp.waitFor(email, 2)).filter((m) => m.text.includes('/reset?token='));
    const token = /\/reset\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect((await t.http().post(`${API}/public/password-reset/confirm`).send({ token, newPassword: 'proven-by-the-reset' })).status).toBe(
      204,
    );
    const session = await t.login(email, 'proven-by-the-reset');
    const deadline = Date.now() + 15_000;
    for (;;) {
      const profile = await t.http().get(`${API}/me/profile`).set('Authorization', `Bearer ${session.accessToken}`);
      if (profile.body.status === 'active') break;
      if (Date.now() > deadline) throw new Error(`still ${profile.status} ${JSON.stringify(profile.body.status)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  describe('POST /public/resend-confirmation', () => {
    it('answers 202 for an unknown address, a confirmed panellist and staff, and sends them nothing', async () => {
      const p = await joinPanel(t, campaign.slug);
      const unknown = uniqueEmail('ghost');
      for (const email of [unknown, p.email, researcher.email]) expect((await resend(email)).status).toBe(202);
      await new Promise((r) => setTimeout(r, 500));
      expect(t.smtp.to(unknown)).toHaveLength(0);
      expect(t.smtp.to(researcher.email).filter((m) => m.text.includes('/confirm?token='))).toHaveLength(0);
      expect(t.smtp.to(p.email).filter((m) => m.text.includes('/confirm?token='))).toHaveLength(1);
    });

    it('answers 400 to a body without an e-mail', async () => {
      const res = await resend('not-an-email');
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['email']);
    });
  });

  describe('an application with an address that has an account', () => {
    it('answers like a new one and e-mails the owner the /login and /forgot links instead', async () => {
      const owner = await joinPanel(t, campaign.slug);
      const fresh = await apply(t, campaign.slug, applicationBody());
      const res = await apply(t, campaign.slug, applicationBody({ email: owner.email.toUpperCase() }));
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(Object.keys(fresh.body).sort());
      expect(res.body).toEqual({ panellistId: expect.stringMatching(UUID), status: 'pending_confirmation' });
      expect(res.body.panellistId).not.toBe(owner.id);
      const [mail] = await t.smtp.waitFor(owner.email, 2);
      const warning = t.smtp.to(owner.email).find((m) => m.text.includes('/forgot')) ?? mail;
      expect(warning.text).toContain(`${PUBLIC_BASE_URL}/login`);
      expect(warning.text).toContain(`${PUBLIC_BASE_URL}/forgot`);
      expect(warning.text).not.toContain('/confirm?token=');
      // the random id refers to nothing
      const rows = (await dataSource(t).query(`SELECT count(*)::int AS n FROM panellists WHERE id = $1`, [res.body.panellistId])) as Array<{
        n: number;
      }>;
      expect(rows[0].n).toBe(0);
      // the owner's password is untouched
      expect((await login(owner.email, owner.password)).status).toBe(200);
    });

    it('answers like a new one for a staff address too, in French for a French applicant', async () => {
      const staff = await t.staff('researcher');
      const res = await apply(t, campaign.slug, applicationBody({ email: staff.email, locale: 'fr' }));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ panellistId: expect.stringMatching(UUID), status: 'pending_confirmation' });
      const mail = (await t.smtp.waitFor(staff.email, 2)).find((m) => m.text.includes('/forgot'))!;
      expect(mail.text).toContain(`${PUBLIC_BASE_URL}/forgot`);
      expect(mail.subject).toMatch(/Quelqu'un/);
    });

    it('refuses a common password (400 on password) like any application', async () => {
      const res = await apply(t, campaign.slug, applicationBody({ password: 'qwertyuiop' }));
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['password']);
    });
  });
});
