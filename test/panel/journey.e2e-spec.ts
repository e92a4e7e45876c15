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
  expectProblem,
  PASSWORD,
  PUBLIC_BASE_URL,
  TOP_ANSWERS,
  type TestApp,
  type TestUser,
} from './panel-helpers';
import { erase, exportOf } from '../support/data-rights';

/**
 * The whole path over HTTP, with the e-mails read from a real SMTP listener: apply, read
 * the confirmation mail, confirm, log in, edit the profile, nominate, the nominee applies
 * with the code, export, erase, and the account cannot log in again.
 */
describe('A panellist’s whole path', () => {
  let t: TestApp;
  let researcher: TestUser;

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
  });
  afterAll(async () => {
    await t.close();
  });

  it('applies, confirms, edits, nominates, exports and is erased', async () => {
    const campaign = await createCampaign(t, researcher.token, { acceptScore: 60, title: 'Urban gardeners' });

    // the public page
    const page = await t.http().get(`${API}/public/recruitment/${campaign.slug}`);
    expect(page.status).toBe(200);
    expect(page.body.title).toBe('Urban gardeners');

    // apply
    const email = uniqueEmail('journey');
    const applied = await apply(t, campaign.slug, applicationBody({ email, displayName: 'Jo Journey', answers: TOP_ANSWERS }));
    expect(applied.status).toBe(201);
    expect(applied.body.status).toBe('pending_confirmation');
    const panellistId = applied.body.panellistId as string;

    // read the mail, confirm
    const { mail, token } = await confirmationMail(t, email);
    expect(mail.text).toContain(`${PUBLIC_BASE_URL}/confirm?token=${token}`);
    const confirmed = await confirm(t, token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'active', score: 100, tier: 'lead_user' });

    // log in
    const session = await t.login(email, PASSWORD);
    const me = await t
      .http()
      .get(`${API}/auth/me`)
      .set(...bearer(session.accessToken));
    expect(me.body).toMatchObject({ id: panellistId, role: 'panellist', panellistId });

    // edit the profile
    const edited = await t
      .http()
      .patch(`${API}/me/profile`)
      .set(...bearer(session.accessToken))
      .send({ displayName: 'Jo J.', interests: ['gardening'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ displayName: 'Jo J.', interests: ['gardening'] });
    expect(
      (
        await t
          .http()
          .put(`${API}/me/address`)
          .set(...bearer(session.accessToken))
          .send({ line1: '3 Garden Row', postalCode: '69001', city: 'Lyon', country: 'FR' })
      ).status,
    ).toBe(200);

    // nominate
    const nomineeEmail = uniqueEmail('journey-nominee');
    const nominated = await t
      .http()
      .post(`${API}/me/referrals`)
      .set(...bearer(session.accessToken))
      .send({ email: nomineeEmail, name: 'Kim', reason: 'Grows tomatoes on a balcony with her own hydroponics' });
    expect(nominated.status).toBe(201);
    const [invitation] = await t.smtp.waitFor(nomineeEmail);
    const ref = new RegExp(`/join/${campaign.slug}\\?ref=([A-Za-z0-9_-]+)`).exec(invitation.text);
    expect(ref).not.toBeNull();
    expect(invitation.text).toContain(`${PUBLIC_BASE_URL}/join/${campaign.slug}?ref=${ref![1]}`);

    // the nominee applies with the code and confirms
    const nomineeApplied = await apply(
      t,
      campaign.slug,
      applicationBody({ email: nomineeEmail, displayName: 'Kim', referralCode: ref![1] }),
    );
    expect(nomineeApplied.status).toBe(201);
    const nomineeToken = (await confirmationMail(t, nomineeEmail)).token;
    expect((await confirm(t, nomineeToken)).status).toBe(200);
    const chain = await t
      .http()
      .get(`${API}/panellists/${panellistId}`)
      .set(...bearer(researcher.token));
    expect(chain.body.referralChain.referrals).toEqual([
      expect.objectContaining({ nomineeName: 'Kim', joinedPanellistId: nomineeApplied.body.panellistId }),
    ]);

    // export
    const exported = await exportOf(t, session.accessToken);
    expect(exported).toMatchObject({
      profile: { id: panellistId, displayName: 'Jo J.', address: { city: 'Lyon' } },
      consents: [expect.objectContaining({ research: true })],
      screenerAnswers: [expect.objectContaining({ answers: TOP_ANSWERS })],
      referralsMade: [expect.objectContaining({ nomineeEmail, joined: true })],
      points: { balance: 0, entries: [] },
    });
    expect(exported.emails).toEqual(expect.arrayContaining([expect.objectContaining({ template: 'confirm-email', recipient: email })]));

    // erase; cannot log in again
    expect((await erase(t, session.accessToken)).status).toBe(204);
    expectProblem(
      await t
        .http()
        .get(`${API}/me/profile`)
        .set(...bearer(session.accessToken)),
      401,
    );
    expectProblem(await t.http().post(`${API}/auth/login`).send({ email, password: PASSWORD }), 401);
    expectProblem(
      await t
        .http()
        .get(`${API}/panellists/${panellistId}`)
        .set(...bearer(researcher.token)),
      404,
    );
    // the nominee stays, the chain no longer names the erased referrer
    const nominee = await t
      .http()
      .get(`${API}/panellists/${nomineeApplied.body.panellistId as string}`)
      .set(...bearer(researcher.token));
    expect(nominee.status).toBe(200);
    expect(JSON.stringify(nominee.body)).not.toContain('Jo J.');
  });
});
