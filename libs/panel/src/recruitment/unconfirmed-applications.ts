import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, AuditService, Clock, JobRegistry, MailService, OutboxService, type AppConfig } from '@leadpanel/platform';
import { UserLocales, UsersService } from '@leadpanel/identity';
import { panelJobs, UNCONFIRMED_PURGE_JOB } from '../jobs/panel-jobs';
import { CampaignsService } from '../campaigns/campaigns.service';
import { PanellistEntity } from '../panellists/panellist.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { EmailConfirmationEntity } from './email-confirmation.entity';

export const CONFIRMATION_TTL_DAYS = 7;

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * The life of an application until its e-mail is confirmed: the confirmation mail (first and re-sent), and the
 * purge when the link has expired, which frees the address (account, panellist, consents, answers).
 *
 * A re-sent link supersedes the earlier one but keeps its expiry: re-sending never extends an application's
 * life, so nobody can hold someone else's address for more than the 7 days of one application.
 */
@Injectable()
export class UnconfirmedApplications implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly users: UsersService,
    private readonly locales: UserLocales,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    panelJobs.register(this.registry, UNCONFIRMED_PURGE_JOB, async ({ panellistId }) => {
      await this.purgeIfExpired(panellistId);
    });
    // identity writes to a panellist in their language (password reset)
    this.locales.register(async (userId) => {
      const p = await this.dataSource.getRepository(PanellistEntity).findOne({ where: { id: userId }, select: { id: true, locale: true } });
      return p?.locale ?? null;
    });
  }

  /** In the application's transaction: the token, the mail, and the purge at the token's expiry. */
  async issue(
    em: EntityManager,
    applicant: { id: string; email: string; displayName: string; locale: string },
    campaignTitle: string,
    expiresAt: Date,
  ): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    await em.getRepository(EmailConfirmationEntity).insert({ panellistId: applicant.id, tokenHash: sha256(token), expiresAt });
    await this.mail.enqueue(em, {
      template: 'confirm-email',
      locale: applicant.locale,
      to: applicant.email,
      userId: applicant.id,
      data: { displayName: applicant.displayName, campaignTitle, confirmUrl: `${this.config.http.publicBaseUrl}/confirm?token=${token}` },
    });
    await this.outbox.add(
      em,
      panelJobs.message(
        UNCONFIRMED_PURGE_JOB,
        { panellistId: applicant.id },
        {
          availableAt: new Date(expiresAt.getTime() + 1000),
          dedupeKey: `unconfirmed-purge:${applicant.id}:${expiresAt.getTime()}`,
          subjectId: applicant.id,
        },
      ),
    );
  }

  /** A fresh link for an applicant still waiting (the older one stops working); nothing for anyone else. */
  async resend(userId: string, email: string): Promise<void> {
    const now = this.clock.now();
    const panellist = await this.dataSource.getRepository(PanellistEntity).findOne({ where: { id: userId } });
    if (!panellist || panellist.status !== 'pending_confirmation') return;
    const campaign = panellist.campaignId ? await this.campaigns.byId(panellist.campaignId) : null;
    await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(EmailConfirmationEntity);
      const pending = await repo.find({ where: { panellistId: userId, usedAt: IsNull() }, order: { expiresAt: 'DESC' } });
      const live = pending.find((c) => c.expiresAt.getTime() > now.getTime());
      if (!live) return;
      await repo.delete({ panellistId: userId, usedAt: IsNull() });
      await this.issue(
        em,
        { id: userId, email, displayName: panellist.displayName, locale: panellist.locale },
        campaign?.title ?? 'Leadpanel',
        live.expiresAt,
      );
    });
    this.outbox.nudge();
  }

  /**
   * The job at the link's expiry frees the address (`live: 'keep'`); a new application with the
   * address replaces the pending one even while its link is live (`live: 'replace'`), so that an
   * address registered by somebody else is the owner's again as soon as the owner applies: the
   * link then sent confirms the owner's password and answers. True when purged.
   */
  async purgeIfExpired(panellistId: string, live: 'keep' | 'replace' = 'keep'): Promise<boolean> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const panellist = await em
        .getRepository(PanellistEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id = :id', { id: panellistId })
        .getOne();
      if (!panellist || panellist.status !== 'pending_confirmation') return false;
      const links = await em.getRepository(EmailConfirmationEntity).find({ where: { panellistId, usedAt: IsNull() } });
      if (live === 'keep' && links.some((c) => c.expiresAt.getTime() > now.getTime())) return false;
      // the account first: one whose owner proved the address meanwhile (password reset) stays, and so does its panellist
      if (!(await this.users.deleteUnconfirmedPanellist(panellistId, em))) return false;
      // a referral code this application used works again
      await em.getRepository(ReferralEntity).update({ appliedPanellistId: panellistId }, { appliedPanellistId: null, appliedAt: null });
      // consents, screener answers, status history and links go with the panellist (ON DELETE CASCADE)
      await em.getRepository(PanellistEntity).delete({ id: panellistId });
      await this.audit.record(
        { action: 'panellist.unconfirmed_purged', targetType: 'panellist', targetId: panellistId, actorUserId: null, actorRole: null },
        em,
      );
      return true;
    });
  }
}
