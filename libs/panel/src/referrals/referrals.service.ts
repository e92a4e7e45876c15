import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AuditService, MailService, OutboxService, type AppConfig, type AuthUser } from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { CampaignsService } from '../campaigns/campaigns.service';
import { PanelError } from '../panel.errors';
import { PanellistsService } from '../panellists/panellists.service';
import { ReferralEntity } from './referral.entity';

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
 * A nominee who already has an account gets no e-mail (the nominator is not told,
 * so membership is never revealed).
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
      const saved = await em.getRepository(ReferralEntity).save({
        referrerPanellistId: me.id,
        campaignId: campaign.id,
        code,
        nomineeEmail,
        nomineeName: input.name.trim(),
        reason: input.reason.trim(),
      });
      if (!alreadyMember && nomineeEmail !== user.email) {
        await this.mail.enqueue(em, {
          template: 'referral',
          locale: me.locale,
          to: nomineeEmail,
          // about the nominator's act: erased with the nominator
          userId: me.id,
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
