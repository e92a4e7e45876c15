import { join } from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from '@leadpanel/platform';
import { IdentityModule } from '@leadpanel/identity';
import { PanelModule, PersonalDataRegistry } from '@leadpanel/panel';
import { StudyDirectory } from './directory/study-directory.service';
import { StudyPseudonymEntity } from './directory/study-pseudonym.entity';
import { InvitationEntity } from './invitations/invitation.entity';
import { InvitationRepository } from './invitations/invitation.repository';
import { InvitationsService } from './invitations/invitations.service';
import { MyInvitationsController } from './invitations/my-invitations.controller';
import { ParticipantEntity } from './invitations/participant.entity';
import { WaveEntity } from './invitations/wave.entity';
import { EligibilityRepository } from './studies/eligibility.repository';
import { StudiesController } from './studies/studies.controller';
import { StudiesService } from './studies/studies.service';
import { StudyEntity } from './studies/study.entity';
import { StudyRepository } from './studies/study.repository';

/** Studies: lifecycle, criteria and quotas, eligibility, waves, invitations, participants. */
@Module({
  imports: [
    TypeOrmModule.forFeature([StudyEntity, WaveEntity, InvitationEntity, ParticipantEntity, StudyPseudonymEntity]),
    IdentityModule,
    PanelModule,
  ],
  providers: [StudyRepository, EligibilityRepository, InvitationRepository, StudiesService, InvitationsService, StudyDirectory],
  exports: [StudiesService, InvitationsService, StudyDirectory],
})
export class StudiesModule implements OnModuleInit {
  constructor(
    private readonly mail: MailService,
    private readonly personalData: PersonalDataRegistry,
    private readonly invitations: InvitationRepository,
  ) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
    this.personalData.registerExport('invitations', (panellistId) => this.invitations.exportOf(panellistId));
  }
}

@Module({ imports: [StudiesModule], controllers: [StudiesController, MyInvitationsController] })
export class StudiesHttpModule {}
