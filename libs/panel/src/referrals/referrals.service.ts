import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { APP_CONFIG, AuditService, MailService, OutboxService, type AppConfig, type AuthUser } from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { CampaignsService } from '../campaigns/campaigns.service';
import { PanelError } from '../panel.errors';
import { PanellistsService } from '../panellists/panellists.service';
import { ReferralEntity } from './referral.entity';

/** An address is mailed at most once per campaign in this many days; later referrals are recorded only. */
const MAIL_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReferralView {
  id: string;
  code: string;
  nomineeName: string;
  nomineeEmail: string;
  campaignSlug: string;
  joinUrl: string;
  createdAt: Date;
}

/**
 * Pyramiding: a panellist nominates someone who knows more. The nominee gets one
 * e-mail with a link carrying the referral code; applying with it records the chain.
 * Every referral is recorded and answered the same way; the nominee is mailed unless
 * they already have an account or were mailed for this campaign in the last 30 days
 * (five referrals are not five e-mails). The nominator is told neither, so membership
 * is never revealed (nor in their export: see DataRightsService).
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly panellists: PanellistsService,
    private readonly campaigns: CampaignsService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async nominate(user: AuthUser, input: { email: string; name: string; reason: string }): Promise<ReferralView> {
    const me = await this.panellists.mustFind(user.id);
    if (me.status !== 'active') throw new PanelError('PANELLIST_NOT_ACTIVE', 'Only active panellists can nominate someone');
    const campaign = me.campaignId ? await this.campaigns.byId(me.campaignId) : null;
    if (!campaign)
      throw new PanelError('NO_CAMPAIGN_TO_REFER', 'You did not join through a recruitment campaign, so there is none to refer to');
    const nomineeEmail = input.email.trim().toLowerCase();
    const alreadyMember = await this.users.emailTaken(nomineeEmail);
    const code = randomBytes(12).toString('base64url');
    const joinUrl = `${this.config.http.publicBaseUrl}/join/${campaign.slug}?ref=${code}`;
    const referral = await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(ReferralEntity);
      // one invitation per address and campaign in MAIL_WINDOW_DAYS, whoever refers it: serialised per pair
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('leadpanel:referral-mail:' || $1 || ':' || $2))`, [campaign.id, nomineeEmail]);
      const mailedLately = await repo.exists({
        where: { campaignId: campaign.id, nomineeEmail, emailedAt: MoreThan(new Date(Date.now() - MAIL_WINDOW_DAYS * DAY_MS)) },
      });
      const mailNominee = !alreadyMember && nomineeEmail !== user.email && !mailedLately;
      const saved = await repo.save({
        referrerPanellistId: me.id,
        campaignId: campaign.id,
        code,
        nomineeEmail,
        nomineeName: input.name.trim(),
        reason: input.reason.trim(),
        emailedAt: mailNominee ? new Date() : null,
      });
      if (mailNominee) {
        await this.mail.enqueue(em, {
          template: 'referral',
          locale: me.locale,
          to: nomineeEmail,
          // about the nominator's act: erased with the nominator
          userId: me.id,
          // the referrer's name and reason are free text: the template prints them with {{userText}}
          data: {
            nomineeName: saved.nomineeName,
            referrerName: me.displayName,
            campaignTitle: campaign.title,
            reason: saved.reason,
            joinUrl,
          },
          dedupeKey: `referral:${saved.id}`,
        });
      }
      await this.audit.record({ action: 'referral.created', targetType: 'referral', targetId: saved.id }, em);
      return saved;
    });
    this.outbox.nudge();
    await this.panellists.touch(me.id);
    return {
      id: referral.id,
      code,
      nomineeName: referral.nomineeName,
      nomineeEmail,
      campaignSlug: campaign.slug,
      joinUrl,
      createdAt: referral.createdAt,
    };
  }
}
