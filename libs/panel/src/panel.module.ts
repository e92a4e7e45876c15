import { join } from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from '@leadpanel/platform';
import { IdentityModule } from '@leadpanel/identity';
import { SurveysModule } from '@leadpanel/surveys';
import { AttributesController } from './attributes/attributes.controller';
import { AttributesService } from './attributes/attributes.service';
import { ProfileAttributeEntity } from './attributes/profile-attribute.entity';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { RecruitmentCampaignEntity } from './campaigns/recruitment-campaign.entity';
import { DataRightsRepository } from './data-rights/data-rights.repository';
import { DataRightsService } from './data-rights/data-rights.service';
import { PersonalDataRegistry } from './data-rights/personal-data.registry';
import { ActivePanellistCheck } from './panellists/active-panellist';
import { MeController } from './panellists/me.controller';
import { PanellistAddressEntity } from './panellists/panellist-address.entity';
import { PanellistStatusChangeEntity } from './panellists/panellist-status-change.entity';
import { PanellistEntity } from './panellists/panellist.entity';
import { PanellistRepository } from './panellists/panellist.repository';
import { PanellistsController } from './panellists/panellists.controller';
import { PanellistsService } from './panellists/panellists.service';
import { PointsEntryEntity } from './points/points-entry.entity';
import { PointsService } from './points/points.service';
import { ConsentEntity } from './recruitment/consent.entity';
import { EmailConfirmationEntity } from './recruitment/email-confirmation.entity';
import { RecruitmentController } from './recruitment/recruitment.controller';
import { RecruitmentService } from './recruitment/recruitment.service';
import { ScreenerResponseEntity } from './recruitment/screener-response.entity';
import { UnconfirmedApplications } from './recruitment/unconfirmed-applications';
import { ReferralEntity } from './referrals/referral.entity';
import { ReferralsService } from './referrals/referrals.service';

/** Recruitment, screening and scoring, profiles, referrals, points, data rights. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PanellistEntity,
      PanellistAddressEntity,
      PanellistStatusChangeEntity,
      ProfileAttributeEntity,
      RecruitmentCampaignEntity,
      ConsentEntity,
      EmailConfirmationEntity,
      ScreenerResponseEntity,
      ReferralEntity,
      PointsEntryEntity,
    ]),
    IdentityModule,
    SurveysModule,
  ],
  providers: [
    PanellistRepository,
    DataRightsRepository,
    AttributesService,
    CampaignsService,
    RecruitmentService,
    UnconfirmedApplications,
    PanellistsService,
    ActivePanellistCheck,
    ReferralsService,
    PointsService,
    PersonalDataRegistry,
    DataRightsService,
  ],
  exports: [
    PanellistsService,
    ActivePanellistCheck,
    PointsService,
    PersonalDataRegistry,
    AttributesService,
    CampaignsService,
    RecruitmentService,
    ReferralsService,
    DataRightsService,
  ],
})
export class PanelModule implements OnModuleInit {
  constructor(private readonly mail: MailService) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
  }
}

@Module({
  imports: [PanelModule],
  controllers: [AttributesController, CampaignsController, RecruitmentController, PanellistsController, MeController],
})
export class PanelHttpModule {}
