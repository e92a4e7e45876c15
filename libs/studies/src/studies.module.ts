import { join } from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from '@leadpanel/platform';
import { DataSource } from 'typeorm';
import { IdentityModule } from '@leadpanel/identity';
import { PanelModule, PersonalDataRegistry } from '@leadpanel/panel';
import { StudyDirectory } from './directory/study-directory.service';
import { StudyPseudonymEntity } from './directory/study-pseudonym.entity';
import { InvitationEntity } from './invitations/invitation.entity';
import { InvitationsService } from './invitations/invitations.service';
import { MyInvitationsController } from './invitations/my-invitations.controller';
import { ParticipantEntity } from './invitations/participant.entity';
import { WaveEntity } from './invitations/wave.entity';
import { StudiesController } from './studies/studies.controller';
import { StudiesService } from './studies/studies.service';
import { StudyEntity } from './studies/study.entity';

/** Studies: lifecycle, criteria and quotas, eligibility, waves, invitations, participants. */
@Module({
  imports: [
    TypeOrmModule.forFeature([StudyEntity, WaveEntity, InvitationEntity, ParticipantEntity, StudyPseudonymEntity]),
    IdentityModule,
    PanelModule,
  ],
  providers: [StudiesService, InvitationsService, StudyDirectory],
  exports: [StudiesService, InvitationsService, StudyDirectory],
})
export class StudiesModule implements OnModuleInit {
  constructor(
    private readonly mail: MailService,
    private readonly personalData: PersonalDataRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
    this.personalData.registerExport('invitations', async (panellistId) =>
      this.dataSource.query(
        `SELECT i.id, s.title AS "study", i.status, i.created_at AS "invitedAt", i.responded_at AS "respondedAt", p.status AS "participation"
           FROM study_invitations i JOIN studies s ON s.id = i.study_id
           LEFT JOIN study_participants p ON p.study_id = i.study_id AND p.panellist_id = i.panellist_id
          WHERE i.panellist_id = $1 ORDER BY i.created_at`,
        [panellistId],
      ),
    );
  }
}

@Module({ imports: [StudiesModule], controllers: [StudiesController, MyInvitationsController] })
export class StudiesHttpModule {}
