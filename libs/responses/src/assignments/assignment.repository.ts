import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import { SurveyEntity, type AnswerRow, type SurveyUsageCounts } from '@leadpanel/surveys';
import { AssignmentEntity } from './assignment.entity';
import { SurveyAnswerEntity } from './survey-answer.entity';

export type NewAssignment = Pick<AssignmentEntity, 'surveyId' | 'studyId' | 'panellistId' | 'dueAt' | 'status'>;

/** The only place that speaks TypeORM for survey assignments and their answers. */
@Injectable()
export class AssignmentRepository {
  constructor(
    @InjectRepository(AssignmentEntity) private readonly assignments: Repository<AssignmentEntity>,
    @InjectRepository(SurveyEntity) private readonly surveys: Repository<SurveyEntity>,
    @InjectRepository(SurveyAnswerEntity) private readonly answers: Repository<SurveyAnswerEntity>,
  ) {}

  surveyById(id: string): Promise<SurveyEntity | null> {
    return this.surveys.findOne({ where: { id } });
  }

  /** Inserts the assignments that do not exist yet (unique survey + panellist); answers those written. */
  async insertNew(em: EntityManager, rows: NewAssignment[]): Promise<Array<{ id: string; panellist_id: string }>> {
    const res = await em
      .createQueryBuilder()
      .insert()
      .into(AssignmentEntity)
      .values(rows)
      .orIgnore()
      .returning(['id', 'panellistId']) // property paths: TypeORM drops names it does not know, and returns database names
      .execute();
    return res.raw as Array<{ id: string; panellist_id: string }>;
  }

  /** An assignment with its survey (findOne with relations: a SELECT DISTINCT of the ids first). */
  findWithSurvey(id: string): Promise<AssignmentEntity | null> {
    return this.assignments.findOne({ where: { id }, relations: { survey: true } });
  }

  /** An assignment with its survey, in one statement. */
  findOneWithSurvey(id: string): Promise<AssignmentEntity | null> {
    return this.assignments.createQueryBuilder('a').leftJoinAndSelect('a.survey', 's').where('a.id = :id', { id }).getOne();
  }

  /** `SELECT … FOR UPDATE` of an assignment: saves and submits of it happen one at a time. */
  lockById(em: EntityManager, id: string): Promise<AssignmentEntity | null> {
    return em.getRepository(AssignmentEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  async markSubmitted(em: EntityManager, id: string, submittedAt: Date, pointsCredited: number): Promise<void> {
    await em.getRepository(AssignmentEntity).update({ id }, { status: 'submitted', submittedAt, pointsCredited });
  }

  /** One page of a panellist's assignments, with their surveys. */
  pageOfPanellist(panellistId: string, query: PageQueryDto): Promise<AssignmentEntity[]> {
    const qb = this.assignments
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.survey', 's')
      .where('a.panellist_id = :pid', { pid: panellistId });
    return applyKeyset(qb, 'a', query).getMany();
  }

  /** One page of a survey's submitted assignments. */
  submittedPage(surveyId: string, query: PageQueryDto): Promise<AssignmentEntity[]> {
    const qb = this.assignments.createQueryBuilder('a').where('a.survey_id = :surveyId', { surveyId }).andWhere("a.status = 'submitted'");
    return applyKeyset(qb, 'a', query).getMany();
  }

  // ---- answers ----------------------------------------------------------

  answersOf(assignmentId: string, em?: EntityManager): Promise<SurveyAnswerEntity[]> {
    return (em ? em.getRepository(SurveyAnswerEntity) : this.answers).find({ where: { assignmentId } });
  }

  answersOfMany(assignmentIds: string[]): Promise<SurveyAnswerEntity[]> {
    return this.answers.find({ where: { assignmentId: In(assignmentIds) } });
  }

  /** Replaces an assignment's answers with `rows`, marked submitted or not. */
  async replaceAnswers(
    em: EntityManager,
    a: Pick<AssignmentEntity, 'id' | 'surveyId' | 'studyId'>,
    rows: AnswerRow[],
    submitted: boolean,
  ): Promise<void> {
    await em.getRepository(SurveyAnswerEntity).delete({ assignmentId: a.id });
    if (rows.length > 0) {
      await em
        .getRepository(SurveyAnswerEntity)
        .insert(rows.map((r) => ({ ...r, assignmentId: a.id, surveyId: a.surveyId, studyId: a.studyId, submitted })));
    }
  }

  // ---- what other contexts ask of responses -----------------------------

  /** Assigned and submitted counts of each survey (the survey list's columns). */
  async usageCounts(surveyIds: string[]): Promise<SurveyUsageCounts> {
    const rows = await this.assignments
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
  }

  /** A panellist's assignments and answers, for their data export. */
  async exportOf(panellistId: string): Promise<unknown[]> {
    return (await this.assignments.query(
      `SELECT a.id AS "assignmentId", s.title AS "survey", a.status, a.submitted_at AS "submittedAt",
                coalesce(json_agg(json_build_object('questionId', x.question_id, 'item', x.item_index, 'number', x.numeric_value, 'option', x.option_value, 'text', x.text_value)
                         ORDER BY x.question_id, x.item_index) FILTER (WHERE x.id IS NOT NULL), '[]') AS answers
           FROM survey_assignments a JOIN surveys s ON s.id = a.survey_id LEFT JOIN survey_answers x ON x.assignment_id = a.id
          WHERE a.panellist_id = $1 GROUP BY a.id, s.title ORDER BY a.created_at`,
      [panellistId],
    )) as unknown[];
  }

  /** Erasure: a panellist's free-text answers are blanked; numbers and choices stay, anonymous, so reports remain true. */
  async eraseTexts(em: EntityManager, panellistId: string): Promise<void> {
    await em.query(
      `UPDATE survey_answers SET text_value = '' WHERE text_value IS NOT NULL AND assignment_id IN (SELECT id FROM survey_assignments WHERE panellist_id = $1)`,
      [panellistId],
    );
  }
}
