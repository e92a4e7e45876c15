import { join } from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from '@leadpanel/platform';
import { PanelModule, PersonalDataRegistry } from '@leadpanel/panel';
import { StudiesModule } from '@leadpanel/studies';
import { SurveyEntity, SurveysModule, SurveyUsage } from '@leadpanel/surveys';
import { IdentityModule } from '@leadpanel/identity';
import { AssignmentEntity } from './assignments/assignment.entity';
import { AssignmentRepository } from './assignments/assignment.repository';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { SurveyAnswerEntity } from './assignments/survey-answer.entity';

/**
 * Assignments, answers and submissions of study surveys. A context of its own, above studies:
 * it needs the panel and studies, which themselves need survey definitions (screeners).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([SurveyEntity, AssignmentEntity, SurveyAnswerEntity]),
    IdentityModule,
    PanelModule,
    StudiesModule,
    SurveysModule,
  ],
  providers: [AssignmentRepository, AssignmentsService],
  exports: [AssignmentsService],
})
export class SurveyResponsesModule implements OnModuleInit {
  constructor(
    private readonly mail: MailService,
    private readonly personalData: PersonalDataRegistry,
    private readonly assignments: AssignmentRepository,
    private readonly usage: SurveyUsage,
  ) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
    this.usage.register((surveyIds) => this.assignments.usageCounts(surveyIds));
    this.personalData.registerExport('surveyAnswers', (panellistId) => this.assignments.exportOf(panellistId));
    // free text is personal data; numbers and choices stay, anonymous, so reports remain true
    this.personalData.registerErasure('surveyTexts', (em, panellistId) => this.assignments.eraseTexts(em, panellistId));
  }
}

@Module({ imports: [SurveyResponsesModule], controllers: [AssignmentsController] })
export class SurveyResponsesHttpModule {}
