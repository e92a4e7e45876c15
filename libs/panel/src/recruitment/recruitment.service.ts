import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  APP_CONFIG,
  AuditService,
  Clock,
  JobRegistry,
  MailService,
  OutboxService,
  ValidationError,
  validationFailed,
  type AppConfig,
  type LeadUserDimension,
} from '@leadpanel/platform';
import { EMAIL_PROVEN_BY_RESET_JOB, identityJobs, UsersService, type ExistingAccount, type PreparedUser } from '@leadpanel/identity';
import { SurveysService, validateAnswers, type SurveyDefinition } from '@leadpanel/surveys';
import { CampaignsService } from '../campaigns/campaigns.service';
import { PanelError } from '../panel.errors';
import { PanellistEntity } from '../panellists/panellist.entity';
import { PanellistStatusChangeEntity } from '../panellists/panellist-status-change.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { scoreLeadUser, type ScoredItem } from '../scoring';
import { ConsentEntity } from './consent.entity';
import { EmailConfirmationEntity } from './email-confirmation.entity';
import { ScreenerResponseEntity } from './screener-response.entity';
import { CONFIRMATION_TTL_DAYS, sha256, UnconfirmedApplications } from './unconfirmed-applications';

export interface ApplicationInput {
  email: string;
  password: string;
  displayName: string;
  country: string;
  locale: 'en' | 'fr';
  birthYear: number;
  gender?: string;
  consents: { termsVersion: string; research: boolean; productTesting: boolean };
  answers: Record<string, unknown>;
  referralCode?: string;
}

export { CONFIRMATION_TTL_DAYS };
export const MIN_AGE = 18;

const invalidReferralCode = (): ValidationError =>
  new ValidationError('The referral code is not valid for this campaign', [
    { field: 'referralCode', message: 'unknown, used, or for another campaign' },
  ]);

type Campaign = { id: string; slug: string; title: string };
type Accepted = { panellistId: string; status: 'pending_confirmation' };
type Confirmed = { status: 'active' | 'waitlisted'; score: number | null; tier: string | null; dimensions: Record<string, number> };

/** The lead-user items of a screener: answers to questions that carry a dimension. */
export function scoredItems(def: Pick<SurveyDefinition, 'questions'>, answers: Record<string, unknown>): ScoredItem[] {
  const items: ScoredItem[] = [];
  for (const q of def.questions) {
    const value = answers[q.id];
    if (q.dimension && typeof value === 'number')
      items.push({ dimension: q.dimension as LeadUserDimension, value, reverse: q.reverse === true });
  }
  return items;
}

/**
 * Public recruitment: applying and confirming.
 *
 * An application never tells whether its e-mail has an account: an address in use gets the
 * same 201 (with a random panellistId that refers to nothing) after the same argon2 work, and
 * its owner gets a mail instead. An application still unconfirmed gives way to a newer one with
 * the same address (the newest link wins), so an address registered by somebody else never
 * locks its owner out.
 */
@Injectable()
export class RecruitmentService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly surveys: SurveysService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly unconfirmed: UnconfirmedApplications,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    identityJobs.register(this.registry, EMAIL_PROVEN_BY_RESET_JOB, ({ userId }) => this.confirmByOwner(userId));
  }

  async apply(
    slug: string,
    input: ApplicationInput,
    ip: string | undefined,
  ): Promise<{ panellistId: string; status: 'pending_confirmation' }> {
    const campaign = await this.campaigns.bySlug(slug);
    const screener = await this.surveys.publishedScreener(campaign.screenerSurveyId);
    const now = this.clock.now();
    const problems: Array<{ field: string; message: string }> = [];
    if (input.birthYear > now.getUTCFullYear() - MIN_AGE)
      problems.push({ field: 'birthYear', message: `applicants must be at least ${MIN_AGE} years old` });
    if (input.birthYear < now.getUTCFullYear() - 120) problems.push({ field: 'birthYear', message: 'birthYear is not plausible' });
    const checked = validateAnswers(screener, input.answers, 'submit');
    problems.push(...checked.errors);
    if (problems.length > 0) {
      throw validationFailed(problems);
    }
    const referral = input.referralCode ? await this.findReferral(input.referralCode, campaign.id) : null;
    // hashing happens outside the transaction, whether or not the e-mail is in use (same work, same timing)
    const prepared = await this.users.prepare({ email: input.email, password: input.password, role: 'panellist' });
    const existing = await this.users.existingAccount(prepared.email);
    if (existing && !(await this.pendingApplicationReplaced(existing)))
      return this.answerForExisting(existing, prepared.email, campaign, input);
    try {
      return await this.create(prepared, campaign, input, { screenerId: screener.id, answers: checked.normalized, referral, ip });
    } catch (err) {
      // another application with this e-mail won the race
      if ((err as { code?: string }).code !== 'EMAIL_TAKEN') throw err;
      const winner = await this.users.existingAccount(prepared.email);
      if (!winner) throw err;
      return this.answerForExisting(winner, prepared.email, campaign, input);
    }
  }

  /** POST /public/resend-confirmation: a fresh link to an applicant still unconfirmed, nothing for any other address. */
  async resendConfirmation(email: string): Promise<void> {
    const existing = await this.users.existingAccount(email);
    if (existing && existing.role === 'panellist' && !existing.emailConfirmed && existing.status === 'active') {
      await this.unconfirmed.resend(existing.id, email.trim().toLowerCase());
    }
  }

  /** An application still waiting for its confirmation gives way to the newest one with the address. */
  private async pendingApplicationReplaced(existing: ExistingAccount): Promise<boolean> {
    return existing.role === 'panellist' && !existing.emailConfirmed && this.unconfirmed.purgeIfExpired(existing.id, 'replace');
  }

  private async answerForExisting(
    existing: ExistingAccount,
    email: string,
    campaign: Campaign,
    input: ApplicationInput,
  ): Promise<Accepted> {
    if (existing.role === 'panellist' && !existing.emailConfirmed) {
      await this.unconfirmed.resend(existing.id, email);
    } else if (existing.status === 'active') {
      const hour = Math.floor(this.clock.now().getTime() / 3_600_000);
      const owner = await this.dataSource
        .getRepository(PanellistEntity)
        .findOne({ where: { id: existing.id }, select: { id: true, locale: true } });
      const base = this.config.http.publicBaseUrl;
      await this.dataSource.transaction((em) =>
        this.mail.enqueue(em, {
          template: 'account-exists',
          locale: owner?.locale ?? input.locale,
          to: email,
          userId: existing.id,
          data: { campaignTitle: campaign.title, loginUrl: `${base}/login`, forgotUrl: `${base}/forgot` },
          // one a campaign and an hour: repeated attempts do not flood the owner
          dedupeKey: `account-exists:${existing.id}:${campaign.id}:${hour}`,
        }),
      );
      this.outbox.nudge();
    }
    return { panellistId: randomUUID(), status: 'pending_confirmation' };
  }

  private async create(
    prepared: PreparedUser,
    campaign: Campaign,
    input: ApplicationInput,
    extra: { screenerId: string; answers: unknown; referral: ReferralEntity | null; ip: string | undefined },
  ): Promise<Accepted> {
    const now = this.clock.now();
    const { referral, ip } = extra;
    const panellistId = await this.dataSource.transaction(async (em) => {
      const user = await this.users.insertPrepared(em, prepared, { emailConfirmedAt: null });
      await em.getRepository(PanellistEntity).insert({
        id: user.id,
        status: 'pending_confirmation',
        displayName: input.displayName.trim(),
        country: input.country.toUpperCase(),
        locale: input.locale,
        birthYear: input.birthYear,
        gender: input.gender ?? null,
        campaignId: campaign.id,
        referredByPanellistId: referral?.referrerPanellistId ?? null,
        referralId: referral?.id ?? null,
        lastActiveAt: now,
      });
      await em.getRepository(PanellistStatusChangeEntity).insert({
        panellistId: user.id,
        fromStatus: null,
        toStatus: 'pending_confirmation',
        reason: `applied to ${campaign.slug}`,
        actorUserId: user.id,
      });
      await em.getRepository(ConsentEntity).insert({
        panellistId: user.id,
        termsVersion: input.consents.termsVersion,
        research: input.consents.research,
        productTesting: input.consents.productTesting,
        ip: ip ?? null,
      });
      await em
        .getRepository(ScreenerResponseEntity)
        .insert({ panellistId: user.id, campaignId: campaign.id, surveyId: extra.screenerId, answers: extra.answers as never });
      if (referral) {
        const linked = await em
          .getRepository(ReferralEntity)
          .update({ id: referral.id, appliedPanellistId: IsNull() }, { appliedPanellistId: user.id, appliedAt: now });
        // used by another application meanwhile: the code works once
        if (linked.affected !== 1) throw invalidReferralCode();
      }
      const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_DAYS * 86_400_000);
      await this.unconfirmed.issue(
        em,
        { id: user.id, email: user.email, displayName: input.displayName.trim(), locale: input.locale },
        campaign.title,
        expiresAt,
      );
      await this.audit.record(
        {
          action: 'panellist.applied',
          targetType: 'panellist',
          targetId: user.id,
          actorUserId: null,
          actorRole: null,
          data: { campaignId: campaign.id, referralId: referral?.id ?? null },
        },
        em,
      );
      return user.id;
    });
    this.outbox.nudge();
    return { panellistId, status: 'pending_confirmation' };
  }

  private async findReferral(code: string, campaignId: string): Promise<ReferralEntity> {
    const referral = await this.dataSource.getRepository(ReferralEntity).findOne({ where: { code } });
    if (!referral || referral.campaignId !== campaignId || referral.appliedPanellistId !== null) throw invalidReferralCode();
    return referral;
  }

  async confirm(token: string): Promise<Confirmed> {
    return this.confirmLink({ tokenHash: sha256(token) }, true);
  }

  /** The job after a password reset by an applicant who never opened the link: they proved the address all the same. */
  async confirmByOwner(panellistId: string): Promise<void> {
    const link = await this.dataSource
      .getRepository(EmailConfirmationEntity)
      .findOne({ where: { panellistId, usedAt: IsNull() }, order: { createdAt: 'DESC' } });
    if (!link) return;
    try {
      await this.confirmLink({ id: link.id }, false);
    } catch (err) {
      if (!(err instanceof PanelError)) throw err; // confirmed meanwhile, or erased
    }
  }

  private async confirmLink(where: { tokenHash: string } | { id: string }, checkExpiry: boolean): Promise<Confirmed> {
    const now = this.clock.now();
    // The campaign and its published screener never change: read them before the transaction
    // (in embedded mode the pool has one connection, so a read beside the transaction would wait for ever).
    const pending = await this.dataSource.getRepository(EmailConfirmationEntity).findOne({ where });
    const applicant = pending ? await this.dataSource.getRepository(PanellistEntity).findOne({ where: { id: pending.panellistId } }) : null;
    const campaign = applicant?.campaignId ? await this.campaigns.byId(applicant.campaignId) : null;
    const screener = campaign ? await this.surveys.get(campaign.screenerSurveyId) : null;
    return this.dataSource.transaction(async (em) => {
      const confirmation = await em
        .getRepository(EmailConfirmationEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('tokenHash' in where ? 'c.token_hash = :v' : 'c.id = :v', { v: 'tokenHash' in where ? where.tokenHash : where.id })
        .getOne();
      if (!confirmation || (checkExpiry && confirmation.expiresAt.getTime() <= now.getTime())) {
        throw new PanelError('INVALID_CONFIRMATION_TOKEN', 'The confirmation link is invalid or has expired');
      }
      if (confirmation.usedAt !== null) throw new PanelError('ALREADY_CONFIRMED', 'This e-mail address is already confirmed');
      const panellist = await em.getRepository(PanellistEntity).findOne({ where: { id: confirmation.panellistId } });
      if (!panellist || panellist.status !== 'pending_confirmation') {
        throw new PanelError('INVALID_CONFIRMATION_TOKEN', 'The confirmation link is invalid or has expired');
      }
      const response = campaign
        ? await em.getRepository(ScreenerResponseEntity).findOne({ where: { panellistId: panellist.id, campaignId: campaign.id } })
        : null;
      const score = scoreLeadUser(screener && response ? scoredItems(screener, response.answers) : [], (campaign?.weights ?? {}) as never);
      const status = (score.overall ?? 0) >= (campaign?.acceptScore ?? 0) ? 'active' : 'waitlisted';
      await em.getRepository(EmailConfirmationEntity).update({ id: confirmation.id }, { usedAt: now });
      await this.users.markEmailConfirmed(panellist.id, em);
      await em.getRepository(PanellistEntity).update(
        { id: panellist.id },
        {
          status,
          scoreOverall: score.overall,
          scoreDimensions: score.dimensions as never,
          tier: score.tier,
          confirmedAt: now,
          lastActiveAt: now,
        },
      );
      await this.recordStatus(em, panellist.id, 'pending_confirmation', status, 'e-mail confirmed', panellist.id);
      return { status, score: score.overall, tier: score.tier, dimensions: score.dimensions as Record<string, number> };
    });
  }

  private async recordStatus(
    em: EntityManager,
    panellistId: string,
    from: string,
    to: string,
    reason: string,
    actor: string | null,
  ): Promise<void> {
    await em.getRepository(PanellistStatusChangeEntity).insert({ panellistId, fromStatus: from, toStatus: to, reason, actorUserId: actor });
  }
}
