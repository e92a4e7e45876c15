import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, Clock, EmailMessageEntity, type AppConfig, type AuthUser, type Role } from '@leadpanel/platform';
import { BrandEntity, BrandsService, UserEntity, UsersService } from '@leadpanel/identity';
import { AttributesService, CampaignsService, PanellistsService, RecruitmentService, ReferralsService } from '@leadpanel/panel';
import { SurveysService } from '@leadpanel/surveys';
import { AssignmentsService } from '@leadpanel/responses';
import { InvitationsService, StudiesService, StudyDirectory } from '@leadpanel/studies';
import { CodesService, PostsService, RoundsService, type PostView } from '@leadpanel/discussions';
import { MyShipmentsService, ProductsService, ShipmentFulfilmentService, ShipmentsService } from '@leadpanel/home-testing';
import { FeedbackService, type FeedbackView } from '@leadpanel/feedback';
import { ReportsService, ShareLinksService } from '@leadpanel/insights';
import {
  CARRIERS,
  CHAIN,
  CODES,
  DEMO_BRAND,
  DEMO_CAMPAIGN_SLUG,
  DEMO_PASSWORDS,
  DEMO_SEED,
  DEMO_STAFF,
  FEEDBACK,
  HOME_TYPES,
  OFF_TOPIC,
  panellistSpecs,
  PENDING,
  POSTS,
  PRODUCT,
  REFERRAL_ROOT,
  REPLIES,
  rng,
  ROUND_ONE,
  ROUND_TWO,
  SCREENER,
  SHIPMENT_PLAN,
  usageAnswers,
  USAGE_SURVEY,
  WELCOME,
  type PanellistSpec,
  type PlannedStatus,
} from './demo-data';

const DAY = 86_400_000;
/** how long the printed share link works */
export const SHARE_LINK_HOURS = 24 * 7;
/** hashing (argon2) runs beside the database work, a few applications at a time */
const APPLY_BATCH = 6;

export interface DemoLogin {
  role: Role;
  who: string;
  email: string;
  password: string;
}

export interface DemoSummary {
  /** false when the demo was already there and nothing was written */
  created: boolean;
  seconds: number;
  brandId: string;
  studyId: string;
  reportId: string;
  logins: DemoLogin[];
  urls: { web: string; apiDocs: string; reportShare: string; reportShareExpiresAt: string; reportHtml: string; reportJson: string };
  figures: DemoFigures;
}

export interface DemoFigures {
  panellists: Record<string, number>;
  invitations: Record<string, number>;
  participants: Record<string, number>;
  posts: number;
  likes: number;
  codedPosts: number;
  shipments: Record<string, number>;
  surveyResponses: number;
  feedback: number;
}

/** The database holds part of a demo (a run stopped midway): seed-demo does not repair it. */
export class PartialDemoError extends Error {
  constructor(what: string) {
    super(
      `The database holds an unfinished demo (${what}). seed-demo does not repair a partial demo: start from an empty database ` +
        '(embedded: stop the API and delete ./var/pglite, or the PGLITE_DIR you set; PostgreSQL: drop and re-create the database), ' +
        'then run it again.',
    );
    this.name = 'PartialDemoError';
  }
}

type Progress = (line: string) => void;

interface Person {
  id: string;
  email: string;
  role: Role;
  brandId: string | null;
}

const actor = (p: Person): AuthUser => ({ ...p, sessionId: 'demo-seed' });

/**
 * Seeds the demo through the services of every context, as the HTTP controllers call
 * them, acting as the demo's researcher, panellists and staff: a brand and its user, a
 * recruitment campaign with a screener, 60 panellists (a referral chain among them), a
 * study in field with quotas, a post-first discussion round, a product shipped in every
 * state, a usage survey with answers, beta feedback, and a generated, published report.
 *
 * One call after another, never one inside another's transaction (embedded mode has one
 * connection). A second run finds the brand and only looks the summary up again; a
 * database with part of a demo (a run that stopped midway) is refused, not repaired.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly brands: BrandsService,
    private readonly attributes: AttributesService,
    private readonly campaigns: CampaignsService,
    private readonly recruitment: RecruitmentService,
    private readonly referrals: ReferralsService,
    private readonly panellists: PanellistsService,
    private readonly surveys: SurveysService,
    private readonly assignments: AssignmentsService,
    private readonly studies: StudiesService,
    private readonly invitations: InvitationsService,
    private readonly directory: StudyDirectory,
    private readonly rounds: RoundsService,
    private readonly posts: PostsService,
    private readonly codes: CodesService,
    private readonly products: ProductsService,
    private readonly shipments: ShipmentsService,
    private readonly fulfilment: ShipmentFulfilmentService,
    private readonly myShipments: MyShipmentsService,
    private readonly feedback: FeedbackService,
    private readonly reports: ReportsService,
    private readonly shareLinks: ShareLinksService,
  ) {}

  async seed(progress: Progress = () => undefined): Promise<DemoSummary> {
    const started = Date.now();
    const brand = await this.dataSource.getRepository(BrandEntity).findOne({ where: { slug: DEMO_BRAND.slug } });
    if (brand) {
      const summary = await this.summary(brand.id, false, started);
      progress(`the demo brand "${DEMO_BRAND.slug}" exists already: nothing to seed`);
      return summary;
    }
    await this.assertNothingInTheWay();
    const brandId = await this.build(progress);
    return this.summary(brandId, true, started);
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

    const { surveyId, productId, receivers } = await this.homeTest(researcher, brand.id, studyId, participants, r, progress);
    await this.usageSurvey(researcher, surveyId, receivers, r, progress);
    await this.discuss(researcher, studyId, participants, r, progress);
    await this.beta(researcher, studyId, productId, participants, receivers, r, progress);
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

  /** The usage survey, the product, its allocation and a shipment in every state. Returns who received the lamp. */
  private async homeTest(
    researcher: AuthUser,
    brandId: string,
    studyId: string,
    participants: Array<{ person: Person; spec: PanellistSpec }>,
    r: ReturnType<typeof rng>,
    progress: Progress,
  ): Promise<{ surveyId: string; productId: string; receivers: Array<{ person: Person; spec: PanellistSpec }> }> {
    const survey = await this.surveys.create(researcher, {
      studyId,
      kind: 'usage',
      title: USAGE_SURVEY.title,
      points: USAGE_SURVEY.points,
      questions: USAGE_SURVEY.questions,
    });
    await this.surveys.publish(survey.id);
    const product = await this.products.create(researcher, { brandId, ...PRODUCT, usageSurveyId: survey.id });
    const allocation = await this.shipments.allocate(researcher, studyId, product.id);

    const who = new Map(participants.map((p) => [p.person.id, p]));
    const order = new Map(participants.map((p, i) => [p.person.id, i]));
    const all: Array<{ id: string; panellistId: string }> = [];
    let cursor: string | undefined;
    do {
      const page = await this.shipments.list(researcher, studyId, { limit: 100, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    all.sort((a, b) => order.get(a.panellistId)! - order.get(b.panellistId)!);
    const plan = all.map((s, i) => ({ ...s, to: (SHIPMENT_PLAN[i] ?? 'delivered') as PlannedStatus, p: who.get(s.panellistId)! }));
    const shipPath: PlannedStatus[] = ['shipped', 'delivered', 'return_requested', 'returned', 'lost'];
    const receivedPath: PlannedStatus[] = ['delivered', 'return_requested', 'returned'];
    const firstAllocated = plan.find((s) => s.to === 'allocated');

    // the parcels left twelve days ago and arrived over the next days (shippedAt, deliveredAt: see asOf)
    const now = this.clock.now().getTime();
    const shippedAt = new Date(now - 12 * DAY);
    // the NDA: everyone but one participant still thinking about it (and the cancelled parcel)
    for (const s of plan) {
      if (s.to !== 'cancelled' && s !== firstAllocated) {
        await this.asOf(new Date(shippedAt.getTime() - DAY), () => this.myShipments.acceptNda(actor(s.p.person), s.id, PRODUCT.ndaVersion));
      }
    }
    // the warehouse packs some, ships the others straight from allocated with the tracking file
    for (const [i, s] of plan.entries()) {
      if (s.to === 'packed' || (shipPath.includes(s.to) && i % 2 === 0))
        await this.shipments.update(researcher, s.id, { status: 'packed' });
      if (s.to === 'cancelled') {
        await this.shipments.update(researcher, s.id, { status: 'cancelled', note: 'The participant moves house during the test' });
      }
    }
    const rows = plan
      .filter((s) => shipPath.includes(s.to))
      .map((s, i) => ({
        shipmentId: s.id,
        carrier: CARRIERS[s.p.spec.country],
        trackingNumber: `LP26${String(40_117 + i * 373).padStart(7, '0')}${s.p.spec.country}`,
      }));
    const imported = await this.asOf(shippedAt, () => this.fulfilment.importTracking(researcher, studyId, rows, 'application/json'));
    if (imported.errors.length > 0) throw new Error(`tracking import: ${JSON.stringify(imported.errors)}`);
    for (const s of plan) {
      if (receivedPath.includes(s.to)) {
        const deliveredAt = new Date(shippedAt.getTime() + DAY + Math.floor(r.next() * 3.5 * DAY));
        await this.asOf(deliveredAt, () => this.myShipments.received(actor(s.p.person), s.id));
      }
      if (s.to === 'return_requested' || s.to === 'returned') {
        await this.shipments.update(researcher, s.id, { status: 'return_requested', note: 'End of the test: return label sent' });
      }
      if (s.to === 'returned')
        await this.shipments.update(researcher, s.id, { status: 'returned', note: 'Back at the warehouse, checked' });
      if (s.to === 'lost') {
        await this.shipments.update(researcher, s.id, { status: 'lost', note: 'The carrier reports the parcel lost at its sorting hub' });
      }
    }
    const tally = plan.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.to]: (acc[s.to] ?? 0) + 1 }), {});
    progress(
      `product ${PRODUCT.sku}: ${allocation.allocated} shipments (${allocation.missingAddress} participant(s) without an address): ` +
        Object.entries(tally)
          .map(([k, v]) => `${v} ${k}`)
          .join(', '),
    );
    return { surveyId: survey.id, productId: product.id, receivers: plan.filter((s) => receivedPath.includes(s.to)).map((s) => s.p) };
  }

  /** The usage survey goes to those who received the lamp; most submit, one is halfway, one has not started. */
  private async usageSurvey(
    researcher: AuthUser,
    surveyId: string,
    receivers: Array<{ person: Person; spec: PanellistSpec }>,
    r: ReturnType<typeof rng>,
    progress: Progress,
  ): Promise<void> {
    await this.assignments.assign(researcher, surveyId, {
      panellistIds: receivers.map((p) => p.person.id),
      dueAt: new Date(this.clock.now().getTime() + 7 * DAY),
    });
    let submitted = 0;
    for (const [k, p] of receivers.entries()) {
      const me = actor(p.person);
      const mine = await this.assignments.mine(me, { limit: 100 });
      const assignment = mine.items.find((a) => a.surveyId === surveyId);
      if (!assignment) throw new Error(`no usage survey assigned to ${p.person.email}`);
      const answers = usageAnswers(r, p.spec, k);
      if (k === receivers.length - 1) continue; // not started
      if (k === receivers.length - 2) {
        await this.assignments.save(me, assignment.id, { recommend: answers.recommend, wind_down: answers.wind_down });
        continue;
      }
      await this.assignments.submit(me, assignment.id, answers, undefined);
      submitted++;
    }
    progress(`usage survey: ${submitted} responses of ${receivers.length} (one halfway, one not started)`);
  }

  /** A post-first round (open now) with posts, replies, likes, moderation and codes; a second round scheduled. */
  private async discuss(
    researcher: AuthUser,
    studyId: string,
    participants: Array<{ person: Person; spec: PanellistSpec }>,
    r: ReturnType<typeof rng>,
    progress: Progress,
  ): Promise<void> {
    const now = this.clock.now().getTime();
    const round = await this.rounds.create(researcher, studyId, {
      ...ROUND_ONE,
      mode: 'post_first',
      opensAt: new Date(now - 3 * DAY),
      closesAt: new Date(now + 4 * DAY),
    });
    await this.rounds.create(researcher, studyId, {
      ...ROUND_TWO,
      mode: 'open',
      opensAt: new Date(now + 5 * DAY),
      closesAt: new Date(now + 12 * DAY),
    });
    const welcome = await this.posts.create(researcher, round.id, { body: WELCOME });
    await this.posts.moderate(researcher, welcome.id, { pinned: true });
    const codeIds = new Map<string, string>();
    for (const c of CODES)
      codeIds.set(c.key, (await this.codes.create(researcher, studyId, { name: c.name, description: c.description })).id);

    // top-level posts: each text once, written by the participants of its language
    const used = { en: 0, fr: 0 };
    const written: Array<{ post: PostView; author: Person; locale: 'en' | 'fr'; codes: string[] }> = [];
    const silent: Person[] = [];
    for (const p of participants) {
      const texts = POSTS[p.spec.locale];
      const text = texts[used[p.spec.locale]];
      if (!text) {
        silent.push(p.person);
        continue;
      }
      used[p.spec.locale]++;
      const post = await this.posts.create(actor(p.person), round.id, { body: text.text, kind: text.kind });
      written.push({ post, author: p.person, locale: p.spec.locale, codes: text.codes });
    }
    // replies, in the thread's language, by someone who has posted (the post-first gate)
    const replies = { en: 0, fr: 0 };
    let replyCount = 0;
    for (const [i, w] of written.entries()) {
      const text = REPLIES[w.locale][replies[w.locale]];
      const replier =
        written.find((o, j) => j > i && o.locale === w.locale && o.author.id !== w.author.id) ??
        written.find((o) => o.locale === w.locale && o.author.id !== w.author.id);
      if (!text || !replier) continue;
      replies[w.locale]++;
      await this.posts.create(actor(replier.author), round.id, { body: text, parentId: w.post.id });
      replyCount++;
    }
    await this.posts.create(researcher, round.id, {
      body: 'Thank you, this is exactly the kind of hack we hoped to hear about. Could you share a photo of the set-up?',
      parentId: written[2]?.post.id ?? written[0].post.id,
    });
    // likes: each poster likes two to four of the others' posts
    let likes = 0;
    for (const w of written) {
      const others = written.filter((o) => o.author.id !== w.author.id);
      for (const o of r.sample(others, r.int(2, 4))) {
        await this.posts.like(actor(w.author), o.post.id, true);
        likes++;
      }
    }
    // moderation: an off-topic advert hidden, ideas reviewed
    const advertiser = silent[0] ?? written[written.length - 1].author;
    const advert = await this.posts.create(actor(advertiser), round.id, { body: OFF_TOPIC });
    await this.posts.moderate(researcher, advert.id, { hidden: true });
    const ideas = written.filter((w) => w.post.kind === 'idea');
    const statuses = ['selected', 'under_review', 'declined', 'under_review'] as const;
    for (const [i, w] of ideas.entries()) if (statuses[i]) await this.posts.moderate(researcher, w.post.id, { ideaStatus: statuses[i] });
    // coding
    for (const w of written)
      await this.posts.setCodes(
        researcher,
        w.post.id,
        w.codes.map((k) => codeIds.get(k)!),
      );
    progress(
      `discussion: ${written.length + 1} posts (1 hidden, 1 pinned), ${replyCount + 1} replies, ${likes} likes, ` +
        `${CODES.length} codes on ${written.length} posts; a second round scheduled`,
    );
  }

  /** Beta feedback on the lamp: filed by participants, "me too" from others, triaged by the researcher. */
  private async beta(
    researcher: AuthUser,
    studyId: string,
    productId: string,
    participants: Array<{ person: Person; spec: PanellistSpec }>,
    receivers: Array<{ person: Person; spec: PanellistSpec }>,
    r: ReturnType<typeof rng>,
    progress: Progress,
  ): Promise<void> {
    const filed: FeedbackView[] = [];
    for (const [i, f] of FEEDBACK.entries()) {
      const author = receivers[i % receivers.length].person;
      filed.push(
        await this.feedback.file(actor(author), studyId, {
          kind: f.kind,
          severity: f.severity,
          area: f.area,
          title: f.title,
          body: f.body,
          productId,
        }),
      );
    }
    let meToo = 0;
    for (const [i, item] of filed.entries()) {
      const n = FEEDBACK[i].kind === 'bug' || FEEDBACK[i].kind === 'idea' ? r.int(1, 5) : r.int(0, 1);
      const others = participants.filter((p) => p.person.id !== item.authorPanellistId);
      for (const p of r.sample(others, n)) {
        await this.feedback.meToo(actor(p.person), item.id);
        meToo++;
      }
    }
    const original = filed[FEEDBACK.findIndex((f) => f.title === 'Status LED too bright at night')];
    const path: Record<string, Array<'triaged' | 'in_progress' | 'resolved' | 'wont_fix' | 'duplicate'>> = {
      triaged: ['triaged'],
      in_progress: ['triaged', 'in_progress'],
      resolved: ['triaged', 'resolved'],
      wont_fix: ['wont_fix'],
      duplicate: ['duplicate'],
    };
    for (const [i, item] of filed.entries()) {
      const triage = FEEDBACK[i].triage;
      if (!triage) continue;
      const steps = path[triage.status];
      for (const [k, status] of steps.entries()) {
        await this.feedback.triage(researcher, item.id, {
          status,
          ...(status === 'duplicate' ? { duplicateOfId: original.id } : {}),
          ...(k === steps.length - 1 && triage.note ? { note: triage.note } : {}),
        });
      }
    }
    progress(`beta feedback: ${filed.length} items, ${meToo} "me too", triaged`);
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

  /**
   * Runs `fn` as of a past moment: the services read the time from the injected Clock
   * (as the tests do when they move it), so what they stamp with it (shipped, delivered,
   * NDA accepted) tells a home test that took its days. Rows' own creation times stay
   * the database's. Only one call at a time runs here, so nothing else sees the moved clock.
   */
  private async asOf<T>(when: Date, fn: () => Promise<T>): Promise<T> {
    const clock = this.clock as { now: () => Date };
    clock.now = () => new Date(when.getTime());
    try {
      return await fn();
    } finally {
      delete (clock as Partial<typeof clock>).now; // the prototype's again
    }
  }

  // ---- the summary -----------------------------------------------------------------

  private async summary(brandId: string, created: boolean, started: number): Promise<DemoSummary> {
    const userRepo = this.dataSource.getRepository(UserEntity);
    const researcherUser = await userRepo.findOne({ where: { email: DEMO_STAFF.researcher.email } });
    const brandUser = await userRepo.findOne({ where: { email: DEMO_STAFF.brand.email } });
    if (!researcherUser || !brandUser) throw new PartialDemoError('its researcher or brand user is missing');
    const researcher = actor(researcherUser);
    const studies = await this.studies.list(actor(brandUser), { limit: 10 });
    const study = studies.items[0];
    if (!study) throw new PartialDemoError('the brand has no study');
    const reports = await this.reports.list(researcher, study.id, { limit: 100 });
    const report = reports.items.find((r) => r.status === 'ready' && r.publishedAt !== null);
    if (!report) throw new PartialDemoError('the study has no published report');
    const share = await this.shareLinks.create(researcher, report.id, SHARE_LINK_HOURS);

    // two participants to log in as: the first enrolled in French and in English
    const enrolled = await this.directory.enrolledIds(study.id);
    const emails = await this.users.emailsByIds(enrolled);
    const specs = new Map(panellistSpecs(study.createdAt.getUTCFullYear()).map((s) => [s.email, s]));
    const pick = (locale: 'en' | 'fr') =>
      enrolled.map((id) => specs.get(emails.get(id) ?? '')).find((s): s is PanellistSpec => s?.locale === locale);
    const panellistLogins = (['fr', 'en'] as const)
      .map(pick)
      .filter((s): s is PanellistSpec => s !== undefined)
      .map((s): DemoLogin => ({
        role: 'panellist',
        who: `${s.displayName} (${s.country}, participant)`,
        email: s.email,
        password: DEMO_PASSWORDS.panellist,
      }));
    const base = this.config.http.publicBaseUrl;
    return {
      created,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      brandId,
      studyId: study.id,
      reportId: report.id,
      logins: [
        { role: 'researcher', who: 'Claire Martin, researcher', ...DEMO_STAFF.researcher },
        { role: 'brand', who: 'Sophie Durand, Maison Lumière', ...DEMO_STAFF.brand },
        { role: 'admin', who: 'administrator', ...DEMO_STAFF.admin },
        ...panellistLogins,
      ],
      urls: {
        web: `${base}/login`,
        apiDocs: `${base}/api/docs`,
        reportShare: share.url,
        reportShareExpiresAt: share.expiresAt.toISOString(),
        reportHtml: `${base}/api/v1/reports/${report.id}/report.html`,
        reportJson: `${base}/api/v1/reports/${report.id}/report.json`,
      },
      figures: await this.figures(study.id),
    };
  }

  /** What the demo holds, counted (read only). */
  private async figures(studyId: string): Promise<DemoFigures> {
    const grouped = async (sql: string, params: unknown[] = [studyId]): Promise<Record<string, number>> =>
      Object.fromEntries(((await this.dataSource.query(sql, params)) as Array<{ k: string; n: number }>).map((x) => [x.k, x.n]));
    const one = async (sql: string): Promise<number> => ((await this.dataSource.query(sql, [studyId])) as Array<{ n: number }>)[0].n;
    return {
      panellists: await grouped(
        `SELECT p.status AS k, count(*)::int AS n FROM panellists p
           JOIN recruitment_campaigns c ON c.id = p.campaign_id
          WHERE c.slug = $1 GROUP BY p.status ORDER BY p.status`,
        [DEMO_CAMPAIGN_SLUG],
      ),
      invitations: await grouped(
        `SELECT status AS k, count(*)::int AS n FROM study_invitations WHERE study_id = $1 GROUP BY status ORDER BY status`,
      ),
      participants: await grouped(
        `SELECT status AS k, count(*)::int AS n FROM study_participants WHERE study_id = $1 GROUP BY status ORDER BY status`,
      ),
      posts: await one(`SELECT count(*)::int AS n FROM discussion_posts WHERE study_id = $1`),
      likes: await one(
        `SELECT count(*)::int AS n FROM discussion_likes l JOIN discussion_posts p ON p.id = l.post_id WHERE p.study_id = $1`,
      ),
      codedPosts: await one(
        `SELECT count(DISTINCT pc.post_id)::int AS n FROM discussion_post_codes pc JOIN discussion_posts p ON p.id = pc.post_id WHERE p.study_id = $1`,
      ),
      shipments: await grouped(`SELECT status AS k, count(*)::int AS n FROM shipments WHERE study_id = $1 GROUP BY status ORDER BY status`),
      surveyResponses: await one(`SELECT count(*)::int AS n FROM survey_assignments WHERE study_id = $1 AND status = 'submitted'`),
      feedback: await one(`SELECT count(*)::int AS n FROM feedback_items WHERE study_id = $1`),
    };
  }
}

/** The summary as the CLI prints it. */
export function formatDemoSummary(s: DemoSummary): string {
  const pad = (v: string, n: number): string => v.padEnd(n);
  const lines = [
    '',
    s.created ? `Demo seeded in ${s.seconds} s.` : 'The demo was already there: nothing new was written.',
    '',
    'Logins (in the browser, or POST /api/v1/auth/login):',
    ...s.logins.map((l) => `  ${pad(l.role, 11)} ${pad(l.email, 44)} ${pad(l.password, 22)} ${l.who}`),
    '',
    'Open:',
    `  the web app             ${s.urls.web}   (sign in with a login above: a panellist, the researcher, the brand user)`,
    `  API docs (Swagger UI)   ${s.urls.apiDocs}`,
    `  report, no login        ${s.urls.reportShare}`,
    `                          (share link, valid until ${s.urls.reportShareExpiresAt})`,
    `  report HTML / JSON      ${s.urls.reportHtml}`,
    `                          ${s.urls.reportJson}   (with a researcher's or the brand user's bearer token)`,
    '',
    `Study ${s.studyId}, report ${s.reportId}`,
    `  panellists   ${fmt(s.figures.panellists)}`,
    `  invitations  ${fmt(s.figures.invitations)}; participants ${fmt(s.figures.participants)}`,
    `  discussion   ${s.figures.posts} posts, ${s.figures.likes} likes, ${s.figures.codedPosts} coded posts`,
    `  shipments    ${fmt(s.figures.shipments)}`,
    `  usage survey ${s.figures.surveyResponses} responses; beta feedback ${s.figures.feedback} items`,
    '',
  ];
  return lines.join('\n');
}

function fmt(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
}
