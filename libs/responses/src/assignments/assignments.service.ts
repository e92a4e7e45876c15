import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AuditService,
  BusinessRuleError,
  Clock,
  ConflictError,
  IdempotencyService,
  invalid,
  JobRegistry,
  MailService,
  NotFoundError,
  OutboxService,
  toPage,
  ValidationError,
  type AppConfig,
  type AuthUser,
  type FieldError,
  type Page,
  type PageQueryDto,
} from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { ActivePanellistCheck, PanellistsService, PointsService } from '@leadpanel/panel';
import { StudyDirectory } from '@leadpanel/studies';
import {
  fromAnswerRows,
  SurveyEntity,
  toAnswerRows,
  validateAnswers,
  type AnswerValue,
  type Question,
  type SurveyDefinition,
} from '@leadpanel/surveys';
import { responsesJobs, SURVEY_REMINDER_JOB } from '../jobs/responses-jobs';
import type { AssignmentEntity, AssignmentStatus } from './assignment.entity';
import { AssignmentRepository } from './assignment.repository';
import { reminderSchedule } from './reminder-schedule';

export interface MyAssignmentView {
  id: string;
  surveyId: string;
  studyId: string;
  title: string;
  kind: string;
  dueAt: Date;
  status: AssignmentStatus;
  submittedAt: Date | null;
  pointsCredited: number | null;
}

export interface AssignmentDetailView extends MyAssignmentView {
  survey: { id: string; title: string; kind: string; questions: Question[] };
  answers: Record<string, AnswerValue>;
}

export interface SubmitResult {
  status: 'submitted';
  pointsCredited: number;
}

const definitionOf = (s: SurveyEntity): SurveyDefinition => ({ kind: s.kind, title: s.title, questions: s.questions });

@Injectable()
export class AssignmentsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentRepository,
    private readonly studies: StudyDirectory,
    private readonly panellists: PanellistsService,
    private readonly active: ActivePanellistCheck,
    private readonly users: UsersService,
    private readonly points: PointsService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    responsesJobs.register(this.registry, SURVEY_REMINDER_JOB, ({ assignmentId, n }) => this.remind(assignmentId, n));
  }

  /** Assigns a published survey of a study to all its enrolled participants, or to listed ones (who must be enrolled). */
  async assign(
    actor: AuthUser,
    surveyId: string,
    input: { audience?: 'all_participants'; panellistIds?: string[]; dueAt: Date },
  ): Promise<{ assigned: number }> {
    const survey = await this.assignments.surveyById(surveyId);
    if (!survey) throw new NotFoundError('Survey', 'SURVEY_NOT_FOUND');
    if (survey.status !== 'published') throw new BusinessRuleError('SURVEY_NOT_PUBLISHED', 'Publish the survey before assigning it');
    if (!survey.studyId)
      throw new BusinessRuleError('SURVEY_WITHOUT_STUDY', 'Only a survey of a study can be assigned to its participants');
    const study = await this.studies.study(survey.studyId);
    if (!study) throw new BusinessRuleError('SURVEY_WITHOUT_STUDY', 'The survey’s study no longer exists');
    const now = this.clock.now();
    if (input.dueAt.getTime() <= now.getTime() + 3_600_000) {
      throw new ValidationError('dueAt must be at least an hour ahead', [
        { field: 'dueAt', message: 'must be at least an hour in the future' },
      ]);
    }
    if ((input.audience === undefined) === (input.panellistIds === undefined)) {
      throw new ValidationError('Give either audience or panellistIds', [
        { field: 'audience', message: 'give either audience "all_participants" or panellistIds' },
      ]);
    }
    const enrolled = await this.studies.enrolledIds(study.id);
    let targets: string[];
    if (input.panellistIds) {
      const set = new Set(enrolled);
      const listed = [...new Set(input.panellistIds.map((id) => id.toLowerCase()))]; // uuids are case-insensitive
      const outsiders = listed.filter((id) => !set.has(id));
      if (outsiders.length > 0) {
        throw new ValidationError(
          'Every listed panellist must be an enrolled participant of the study',
          outsiders.map((id) => ({ field: 'panellistIds', message: `${id} is not an enrolled participant` })),
        );
      }
      targets = listed;
    } else {
      targets = enrolled;
    }
    const assigned = await this.insertAssignments({ survey, study, targets, dueAt: input.dueAt, now, actorId: actor.id });
    return { assigned };
  }

  /**
   * A product's usage survey for a participant whose sample was delivered (home
   * testing): no actor, assigned under the shipment's study (a brand's usage survey
   * serves every study that tests the product). Idempotent: a participant gets a
   * survey once (unique survey + panellist), so a retried job assigns nothing twice.
   * Answers 0 when the survey is gone or not published, or the panellist erased.
   */
  async assignUsageSurvey(input: { surveyId: string; studyId: string; panellistId: string; dueAt: Date }): Promise<{ assigned: number }> {
    const survey = await this.assignments.surveyById(input.surveyId);
    const study = await this.studies.study(input.studyId);
    if (!survey || survey.status !== 'published' || !study) return { assigned: 0 };
    const assigned = await this.insertAssignments({
      survey,
      study,
      targets: [input.panellistId],
      dueAt: input.dueAt,
      now: this.clock.now(),
      actorId: null,
    });
    return { assigned };
  }

  /** Inserts the assignments that do not exist yet, with their "survey available" e-mail and reminders, in one transaction. */
  private async insertAssignments(args: {
    survey: SurveyEntity;
    study: { id: string; title: string };
    targets: string[];
    dueAt: Date;
    now: Date;
    actorId: string | null;
  }): Promise<number> {
    const { survey, study, targets, now } = args;
    if (targets.length === 0) return 0;
    const facts = new Map((await this.panellists.factsOfMany(targets)).map((f) => [f.id, f]));
    const emails = await this.users.emailsByIds(targets);
    const surveyId = survey.id;
    const assigned = await this.dataSource.transaction(async (em) => {
      const rows = await this.assignments.insertNew(
        em,
        targets.map((pid) => ({ surveyId, studyId: study.id, panellistId: pid, dueAt: args.dueAt, status: 'assigned' as const })),
      );
      const dueOn = args.dueAt.toISOString().slice(0, 10);
      for (const row of rows) {
        const f = facts.get(row.panellist_id);
        const to = emails.get(row.panellist_id);
        if (!f || !to) continue;
        const data = {
          displayName: f.displayName,
          surveyTitle: survey.title,
          studyTitle: study.title,
          dueOn,
          assignmentsUrl: `${this.config.http.publicBaseUrl}/me/assignments`,
        };
        await this.mail.enqueue(em, {
          template: 'survey-available',
          locale: f.locale,
          to,
          userId: row.panellist_id,
          data,
          dedupeKey: `survey-available:${row.id}`,
        });
        await this.outbox.add(
          em,
          ...reminderSchedule(now, args.dueAt).map(({ n, at }) =>
            responsesJobs.message(
              SURVEY_REMINDER_JOB,
              { assignmentId: row.id, n },
              { availableAt: at, dedupeKey: `survey-reminder:${row.id}:${n}`, subjectId: row.panellist_id },
            ),
          ),
        );
      }
      if (rows.length > 0) {
        await this.audit.record(
          {
            action: 'survey.assigned',
            targetType: 'survey',
            targetId: surveyId,
            data: { assigned: rows.length, studyId: study.id, system: args.actorId === null },
          },
          em,
        );
      }
      return rows.length;
    });
    this.outbox.nudge();
    return assigned;
  }

  /** The reminder job: only to those who have not submitted. */
  async remind(assignmentId: string, n: number): Promise<void> {
    const a = await this.assignments.findWithSurvey(assignmentId);
    if (!a || a.status !== 'assigned' || a.dueAt.getTime() <= this.clock.now().getTime()) return;
    const f = (await this.panellists.factsOfMany([a.panellistId]))[0];
    const to = (await this.users.emailsByIds([a.panellistId])).get(a.panellistId);
    const study = await this.studies.study(a.studyId);
    if (!f || !to || !study || f.status === 'erased') return;
    await this.dataSource.transaction(async (em) => {
      await this.mail.enqueue(em, {
        template: 'survey-reminder',
        locale: f.locale,
        to,
        userId: a.panellistId,
        data: {
          displayName: f.displayName,
          surveyTitle: a.survey!.title,
          studyTitle: study.title,
          dueOn: a.dueAt.toISOString().slice(0, 10),
          assignmentsUrl: `${this.config.http.publicBaseUrl}/me/assignments`,
        },
        // the reminder job may run twice (retry); the mail goes once
        dedupeKey: `survey-reminder-mail:${a.id}:${n}`,
      });
    });
    this.outbox.nudge();
  }

  async mine(user: AuthUser, query: PageQueryDto): Promise<Page<MyAssignmentView>> {
    return toPage(
      await this.assignments.pageOfPanellist(user.id, query),
      query,
      (a) => this.view(a),
      (a) => a.createdAt,
    );
  }

  async mineOne(user: AuthUser, id: string): Promise<AssignmentDetailView> {
    const a = await this.ownAssignment(user, id);
    const rows = await this.assignments.answersOf(a.id);
    return {
      ...this.view(a),
      survey: { id: a.survey!.id, title: a.survey!.title, kind: a.survey!.kind, questions: a.survey!.questions },
      answers: fromAnswerRows(definitionOf(a.survey!), rows),
    };
  }

  /** Partial save: present answers must be valid; they replace what was saved. */
  async save(user: AuthUser, id: string, answers: Record<string, unknown>): Promise<AssignmentDetailView> {
    const a = await this.ownAssignment(user, id);
    await this.active.assertActive(user.id);
    if (a.status === 'submitted') throw new ConflictError('ALREADY_SUBMITTED', 'The survey was already submitted');
    const def = definitionOf(a.survey!);
    await this.dataSource.transaction(async (em) => {
      const locked = await this.lock(em, a.id);
      if (locked.status === 'submitted') throw new ConflictError('ALREADY_SUBMITTED', 'The survey was already submitted');
      // merged over the answers saved as of the lock: concurrent partial saves do not lose each other's answers
      const checked = validateAnswers(def, answers, 'partial', { saved: await this.savedAnswers(em, a.id, def) });
      if (checked.errors.length > 0) this.invalid(checked.errors);
      await this.writeAnswers(em, a, def, checked.normalized, false);
    });
    await this.panellists.touch(user.id);
    return this.mineOne(user, id);
  }

  /**
   * Submit, exactly once: the assignment row is locked, so concurrent submits
   * serialise and the second finds it submitted (409); points are credited under a
   * unique ledger key. With an Idempotency-Key, a retry returns the first result.
   */
  async submit(
    user: AuthUser,
    id: string,
    answers: Record<string, unknown> | undefined,
    idempotencyKey: string | undefined,
  ): Promise<SubmitResult> {
    return this.idempotency.run(user.id, idempotencyKey, `submit:${id}`, async (record) => {
      const a = await this.ownAssignment(user, id);
      await this.active.assertActive(user.id);
      if (a.status === 'submitted') throw new ConflictError('ALREADY_SUBMITTED', 'The survey was already submitted');
      const def = definitionOf(a.survey!);
      // the study's incentive only when the survey sets no points of its own
      const points = a.survey!.points ?? (await this.studies.study(a.studyId))?.incentivePoints ?? 0;
      return this.dataSource.transaction(async (em) => {
        const locked = await this.lock(em, a.id);
        if (locked.status === 'submitted') throw new ConflictError('ALREADY_SUBMITTED', 'The survey was already submitted');
        const checked = validateAnswers(def, answers ?? {}, 'submit', { saved: await this.savedAnswers(em, a.id, def) });
        if (checked.errors.length > 0) this.invalid(checked.errors);
        await this.writeAnswers(em, a, def, checked.normalized, true);
        const credited = await this.points.credit(em, {
          panellistId: user.id,
          delta: points,
          reason: 'survey_submitted',
          key: `survey:${a.id}`,
          note: a.survey!.title,
        });
        const pointsCredited = credited ? points : 0;
        await this.assignments.markSubmitted(em, a.id, this.clock.now(), pointsCredited);
        await this.outbox.cancelByDedupeKeys(em, [`survey-reminder:${a.id}:1`, `survey-reminder:${a.id}:2`]);
        // in the same transaction: one commit for the submission, the last-active time and the Idempotency-Key's result
        await this.panellists.touch(user.id, em);
        const result = { status: 'submitted' as const, pointsCredited };
        await record(em, result);
        return result;
      });
    });
  }

  /** Responses of a survey, pseudonymised per study; no PII. */
  async responses(surveyId: string, query: PageQueryDto) {
    const survey = await this.assignments.surveyById(surveyId);
    if (!survey) throw new NotFoundError('Survey', 'SURVEY_NOT_FOUND');
    const rows = await this.assignments.submittedPage(surveyId, query);
    const page = toPage(
      rows,
      query,
      (a) => a,
      (a) => a.createdAt,
    );
    const answerRows = page.items.length ? await this.assignments.answersOfMany(page.items.map((a) => a.id)) : [];
    const pseudonyms = survey.studyId
      ? await this.studies.pseudonyms(
          survey.studyId,
          page.items.map((a) => a.panellistId),
        )
      : new Map<string, string>();
    const def = definitionOf(survey);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((a) => ({
        responseId: a.id,
        pseudonym: pseudonyms.get(a.panellistId) ?? 'P-??',
        submittedAt: a.submittedAt,
        answers: fromAnswerRows(
          def,
          answerRows.filter((r) => r.assignmentId === a.id),
        ),
      })),
    };
  }

  private async writeAnswers(
    em: EntityManager,
    a: AssignmentEntity,
    def: SurveyDefinition,
    normalized: Record<string, AnswerValue>,
    submitted: boolean,
  ): Promise<void> {
    await this.assignments.replaceAnswers(em, a, toAnswerRows(def, normalized), submitted);
  }

  private async savedAnswers(em: EntityManager, assignmentId: string, def: SurveyDefinition): Promise<Record<string, AnswerValue>> {
    return fromAnswerRows(def, await this.assignments.answersOf(assignmentId, em));
  }

  private async lock(em: EntityManager, id: string): Promise<AssignmentEntity> {
    const a = await this.assignments.lockById(em, id);
    if (!a) throw new NotFoundError('Assignment', 'ASSIGNMENT_NOT_FOUND');
    return a;
  }

  private async ownAssignment(user: AuthUser, id: string): Promise<AssignmentEntity> {
    // one statement (findOne with relations adds a SELECT DISTINCT of the ids first)
    const a = await this.assignments.findOneWithSurvey(id);
    if (!a || a.panellistId !== user.id) throw new NotFoundError('Assignment', 'ASSIGNMENT_NOT_FOUND');
    return a;
  }

  private invalid(errors: FieldError[]): never {
    invalid(errors, { many: (count) => `${count} answers are invalid`, code: 'INVALID_ANSWERS' });
  }

  private view(a: AssignmentEntity): MyAssignmentView {
    return {
      id: a.id,
      surveyId: a.surveyId,
      studyId: a.studyId,
      title: a.survey!.title,
      kind: a.survey!.kind,
      dueAt: a.dueAt,
      status: a.status,
      submittedAt: a.submittedAt,
      pointsCredited: a.pointsCredited,
    };
  }
}
