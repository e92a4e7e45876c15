import { join } from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from '@leadpanel/platform';
import { PanelModule, PersonalDataRegistry } from '@leadpanel/panel';
import { StudiesModule } from '@leadpanel/studies';
import { SurveyEntity, SurveysModule, SurveyUsage, type SurveyUsageCounts } from '@leadpanel/surveys';
import { DataSource } from 'typeorm';
import { IdentityModule } from '@leadpanel/identity';
import { AssignmentEntity } from './assignments/assignment.entity';
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
  providers: [AssignmentsService],
  exports: [AssignmentsService],
})
export class SurveyResponsesModule implements OnModuleInit {
  constructor(
    private readonly mail: MailService,
    private readonly personalData: PersonalDataRegistry,
    private readonly dataSource: DataSource,
    private readonly usage: SurveyUsage,
  ) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
    this.usage.register(async (surveyIds) => {
      const rows = await this.dataSource
        .getRepository(AssignmentEntity)
        .createQueryBuilder('a')
        .select('a.surveyId', 'surveyId')
        .addSelect('count(*)::int', 'assigned')
        .addSelect("count(*) FILTER (WHERE a.status = 'submitted')::int", 'submitted')
        .where('a.surveyId IN (:...ids)', { ids: surveyIds })
        .groupBy('a.surveyId')
        .getRawMany<{ surveyId: string; assigned: number; submitted: number }>();
      const out: SurveyUsageCounts = new Map();
      for (const r of rows) out.set(r.surveyId, { assigned: Number(r.assigned), submitted: Number(r.submitted) });
      return out;
    });
    this.personalData.registerExport('surveyAnswers', async (panellistId) => {
      const rows = (await this.dataSource.query(
        `SELECT a.id AS "assignmentId", s.title AS "survey", a.status, a.submitted_at AS "submittedAt",
                coalesce(json_agg(json_build_object('questionId', x.question_id, 'item', x.item_index, 'number', x.numeric_value, 'option', x.option_value, 'text', x.text_value)
                         ORDER BY x.question_id, x.item_index) FILTER (WHERE x.id IS NOT NULL), '[]') AS answers
           FROM survey_assignments a JOIN surveys s ON s.id = a.survey_id LEFT JOIN survey_answers x ON x.assignment_id = a.id
          WHERE a.panellist_id = $1 GROUP BY a.id, s.title ORDER BY a.created_at`,
        [panellistId],
      )) as unknown[];
      return rows;
    });
    // free text is personal data; numbers and choices stay, anonymous, so reports remain true
    this.personalData.registerErasure('surveyTexts', async (em, panellistId) => {
      await em.query(
        `UPDATE survey_answers SET text_value = '' WHERE text_value IS NOT NULL AND assignment_id IN (SELECT id FROM survey_assignments WHERE panellist_id = $1)`,
        [panellistId],
      );
    });
  }
}

@Module({ imports: [SurveyResponsesModule], controllers: [AssignmentsController] })
export class SurveyResponsesHttpModule {}
