import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, EmailMessageEntity, type AuthUser } from '@leadpanel/platform';
import { BrandEntity, BrandsService, UsersService } from '@leadpanel/identity';
import { AttributesService, CampaignsService, PanellistsService, RecruitmentService, ReferralsService } from '@leadpanel/panel';
import { SurveysService } from '@leadpanel/surveys';
import { InvitationsService, StudiesService, StudyDirectory } from '@leadpanel/studies';
import { ReportsService } from '@leadpanel/insights';
import {
  CHAIN,
  DEMO_BRAND,
  DEMO_CAMPAIGN_SLUG,
  DEMO_PASSWORDS,
  DEMO_SEED,
  DEMO_STAFF,
  HOME_TYPES,
  panellistSpecs,
  PENDING,
  REFERRAL_ROOT,
  rng,
  SCREENER,
  type PanellistSpec,
} from './demo-data';
import { actor, type Person, type Progress } from './demo-actors';
import { DemoConversations } from './demo-conversations';
import { DemoHomeTest } from './demo-home-test';
import { DemoSummaryReader, PartialDemoError, type DemoSummary } from './demo-summary';

export { formatDemoSummary, PartialDemoError, SHARE_LINK_HOURS, type DemoFigures, type DemoLogin, type DemoSummary } from './demo-summary';

/** hashing (argon2) runs beside the database work, a few applications at a time */
const APPLY_BATCH = 6;

/**
 * Seeds the demo through the services of every context, as the HTTP controllers call
 * them, so the demo data obeys the same rules as real data.
 *
 * One call after another, never one inside another's transaction (embedded mode has one
 * connection). A second run only looks the summary up again; a database with part of a
 * demo (a run that stopped midway) is refused, not repaired.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly brands: BrandsService,
    private readonly attributes: AttributesService,
    private readonly campaigns: CampaignsService,
    private readonly recruitment: RecruitmentService,
    private readonly referrals: ReferralsService,
    private readonly panellists: PanellistsService,
    private readonly surveys: SurveysService,
    private readonly studies: StudiesService,
    private readonly invitations: InvitationsService,
    private readonly directory: StudyDirectory,
    private readonly reports: ReportsService,
    private readonly homeTest: DemoHomeTest,
    private readonly conversations: DemoConversations,
    private readonly summaries: DemoSummaryReader,
  ) {}

  async seed(progress: Progress = () => undefined): Promise<DemoSummary> {
    const started = Date.now();
    const brand = await this.dataSource.getRepository(BrandEntity).findOne({ where: { slug: DEMO_BRAND.slug } });
    if (brand) {
      const summary = await this.summaries.read(brand.id, false, started);
      progress(`the demo brand "${DEMO_BRAND.slug}" exists already: nothing to seed`);
      return summary;
    }
    await this.assertNothingInTheWay();
    const brandId = await this.build(progress);
    return this.summaries.read(brandId, true, started);
  }

  /** Demo accounts or the campaign without the brand: a run died before the brand was made, or someone else uses them. */
  private async assertNothingInTheWay(): Promise<void> {
    for (const staff of Object.values(DEMO_STAFF)) {
      if (await this.users.emailTaken(staff.email)) throw new PartialDemoError(`the account ${staff.email} exists, the brand does not`);
    }
    if (await this.campaignExists()) throw new PartialDemoError(`the campaign "${DEMO_CAMPAIGN_SLUG}" exists, the brand does not`);
  }

  private async campaignExists(): Promise<boolean> {
    return this.campaigns.bySlug(DEMO_CAMPAIGN_SLUG).then(
      () => true,
      () => false,
    );
  }

  // ---- the seed ----------------------------------------------------------------

  private async build(progress: Progress): Promise<string> {
    const now = this.clock.now();
    const specs = panellistSpecs(now.getUTCFullYear());
    const r = rng(DEMO_SEED ^ 0x5eed);

    // the brand first: any later failure leaves it, and the next run says the demo is partial
    const brand = await this.brands.create(DEMO_BRAND.name, DEMO_BRAND.slug);
    const researcher = actor(await this.users.createStaff({ ...DEMO_STAFF.researcher, role: 'researcher' }));
    await this.users.createStaff({ ...DEMO_STAFF.admin, role: 'admin' });
    await this.users.createStaff({ ...DEMO_STAFF.brand, role: 'brand', brandId: brand.id });
    progress('brand Maison Lumière, its brand user, a researcher and an admin');

    await this.ensureAttributes();
    const screener = await this.surveys.create(researcher, { kind: 'screener', title: SCREENER.title, questions: SCREENER.questions });
    await this.surveys.publish(screener.id);
    const campaign = await this.campaigns.create(researcher, {
      slug: DEMO_CAMPAIGN_SLUG,
      title: 'Light at home pioneers',
      description:
        'Maison Lumière is looking for people who care about the light in their home, hack their own lamps, or simply sleep badly ' +
        'because of it. Tell us about your evenings and test our prototypes at home.',
      screenerSurveyId: screener.id,
      acceptScore: 25,
      weights: { ahead_of_trend: 2, expected_benefit: 2 },
    });
    progress(`recruitment campaign "${campaign.slug}" with its screener`);

    const people = await this.recruit(specs, campaign.slug, progress);
    const studyId = await this.field(researcher, brand.id, specs, people, progress);
    const enrolled = await this.directory.enrolledIds(studyId);
    const bySpec = new Map(specs.map((s) => [people.get(s.index)!.id, s]));
    const participants = enrolled.map((id) => ({ person: [...people.values()].find((p) => p.id === id)!, spec: bySpec.get(id)! }));

    const { surveyId, productId, receivers } = await this.homeTest.ship(researcher, brand.id, studyId, participants, r, progress);
    await this.homeTest.usageSurvey(researcher, surveyId, receivers, r, progress);
    await this.conversations.discuss(researcher, studyId, participants, r, progress);
    await this.conversations.beta(researcher, studyId, productId, participants, receivers, r, progress);
    await this.report(researcher, studyId, progress);
    return brand.id;
  }

  /** The profile attributes the demo uses; an attribute of the same key and type is reused. */
  private async ensureAttributes(): Promise<void> {
    const wanted = [
      { key: 'home_type', label: 'Type of home', type: 'enum' as const, options: [...HOME_TYPES] },
      { key: 'smart_devices', label: 'Smart-home devices at home', type: 'number' as const },
      { key: 'tinkerer', label: 'Builds or modifies their own lamps', type: 'boolean' as const },
    ];
    const existing = new Map((await this.attributes.definitions()).map((d) => [d.key, d]));
    for (const a of wanted) {
      const found = existing.get(a.key);
      if (found && found.type !== a.type) {
        throw new Error(`The profile attribute "${a.key}" exists with type ${found.type}; the demo needs ${a.type}`);
      }
      if (!found) await this.attributes.create(a);
    }
  }

  /** 60 applications, the confirmations, a referral chain, and the profiles. */
  private async recruit(specs: PanellistSpec[], slug: string, progress: Progress): Promise<Map<number, Person>> {
    const people = new Map<number, Person>();
    const apply = async (s: PanellistSpec, referralCode?: string): Promise<void> => {
      const { panellistId } = await this.recruitment.apply(
        slug,
        {
          email: s.email,
          password: DEMO_PASSWORDS.panellist,
          displayName: s.displayName,
          country: s.country,
          locale: s.locale,
          birthYear: s.birthYear,
          gender: s.gender,
          consents: { termsVersion: '2026-01', research: true, productTesting: true },
          answers: s.answers,
          ...(referralCode ? { referralCode } : {}),
        },
        undefined,
      );
      people.set(s.index, { id: panellistId, email: s.email, role: 'panellist', brandId: null });
    };
    const first = specs.filter((s) => !CHAIN.includes(s.index));
    for (let i = 0; i < first.length; i += APPLY_BATCH) {
      await Promise.all(first.slice(i, i + APPLY_BATCH).map((s) => apply(s)));
      progress(`applications ${Math.min(i + APPLY_BATCH, first.length)}/${specs.length}`);
    }
    for (const s of first) if (!PENDING.has(s.index)) await this.confirm(people.get(s.index)!.id);

    // the referral chain: each new member nominates the next
    let referrer = people.get(REFERRAL_ROOT)!;
    for (const index of CHAIN) {
      const nominee = specs[index];
      const referral = await this.referrals.nominate(actor(referrer), {
        email: nominee.email,
        name: nominee.displayName,
        reason:
          referrer === people.get(REFERRAL_ROOT)
            ? 'Rewired every lamp in their flat and runs a lighting forum.'
            : 'Builds their own lamps and knows more about colour temperature than anyone I know.',
      });
      await apply(nominee, referral.code);
      await this.confirm(people.get(index)!.id);
      referrer = people.get(index)!;
    }
    progress(`60 panellists (${PENDING.size} never confirmed their e-mail), a referral chain of ${CHAIN.length}`);

    for (const s of specs) {
      if (PENDING.has(s.index)) continue;
      const me = actor(people.get(s.index)!);
      await this.panellists.updateProfile(me, { interests: s.interests, attributes: s.attributes });
      if (s.address) await this.panellists.putAddress(me, s.address);
    }
    progress('profiles: interests, attributes, addresses');
    return people;
  }

  /** Confirms an application with the token of its confirmation e-mail (the link the applicant would click). */
  private async confirm(panellistId: string): Promise<void> {
    const mail = await this.dataSource
      .getRepository(EmailMessageEntity)
      .findOne({ where: { userId: panellistId, template: 'confirm-email' }, order: { createdAt: 'DESC' } });
    const token = mail ? new URL(String(mail.data.confirmUrl)).searchParams.get('token') : null;
    if (!token) throw new Error(`no confirmation e-mail for panellist ${panellistId}`);
    await this.recruitment.confirm(token);
  }

  /** The study: created, recruiting, a wave to everyone eligible, answers to the invitations, then in field. */
  private async field(
    researcher: AuthUser,
    brandId: string,
    specs: PanellistSpec[],
    people: Map<number, Person>,
    progress: Progress,
  ): Promise<string> {
    const study = await this.studies.create(researcher, {
      brandId,
      title: 'Halo: living with a smart bedside lamp',
      theme: 'evening light in the bedroom',
      brief:
        'How people wind down with light at the end of the day, what gets in the way, and how a warm, dimmable bedside lamp ' +
        '(Halo, prototype P2) fits in. Discussion rounds, a four-week home test and a usage survey.',
      targetSize: 32,
      incentivePoints: 150,
      postPoints: 20,
      criteria: { countries: ['FR', 'BE', 'NL', 'DE', 'GB'], ageMin: 18, ageMax: 70 },
      quotas: [
        { dimension: 'tier', value: 'lead_user', target: 12 },
        { dimension: 'tier', value: 'emerging', target: 12 },
        { dimension: 'tier', value: 'mainstream', target: 8 },
        { dimension: 'attribute:home_type', value: 'apartment', target: 14 },
      ],
    });
    await this.studies.transition(researcher, study.id, 'recruiting');
    const { eligible } = await this.studies.preview(researcher, study.id);
    const wave = await this.invitations.createWave(researcher, study.id, {
      size: eligible,
      expiresInDays: 10,
      seed: 'maison-lumiere-demo',
    });
    const invitationOf = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const page = await this.invitations.listForStudy(researcher, study.id, { limit: 100, cursor });
      for (const i of page.items) invitationOf.set(i.panellistId, i.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const outcomes = { accepted: 0, waitlisted: 0, declined: 0, open: 0 };
    for (const s of specs) {
      const p = people.get(s.index);
      const invitation = p && invitationOf.get(p.id);
      if (!p || !invitation) continue;
      if (s.invite === 'accept') outcomes[(await this.invitations.accept(actor(p), invitation)).status]++;
      else if (s.invite === 'decline') outcomes[(await this.invitations.decline(actor(p), invitation)).status]++;
      else outcomes.open++;
    }
    await this.studies.transition(researcher, study.id, 'in_field');
    progress(
      `study in field: ${wave.invited} invited, ${outcomes.accepted} enrolled, ${outcomes.waitlisted} waitlisted (quota full), ` +
        `${outcomes.declined} declined, ${outcomes.open} not answered`,
    );
    return study.id;
  }

  /** The report: requested, generated now (so it is ready before the API starts), published to the brand. */
  private async report(researcher: AuthUser, studyId: string, progress: Progress): Promise<void> {
    const requested = await this.reports.request(researcher, studyId);
    await this.reports.generate(requested.id);
    // with the API running (services mode), its worker may have taken the job: wait for it
    let report = await this.reports.get(researcher, requested.id);
    for (let i = 0; i < 120 && (report.status === 'queued' || report.status === 'generating'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      report = await this.reports.get(researcher, requested.id);
    }
    if (report.status !== 'ready')
      throw new Error(`the report could not be generated (${report.status}): ${report.error ?? 'no error recorded'}`);
    await this.reports.publish(researcher, report.id);
    progress(`report v${report.version} generated and published to the brand`);
  }
}
