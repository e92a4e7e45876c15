import { Injectable } from '@nestjs/common';
import { AuditService, invalid, toPage, type AuthUser, type Page, type PageQueryDto } from '@leadpanel/platform';
import { validateDefinition, type Question, type SurveyDefinition, type SurveyKind } from '../definitions';
import { SurveyEntity, type SurveyStatus } from './survey.entity';
import { SurveyError } from './survey.errors';
import { SurveyRepository } from './survey.repository';
import { SurveyUsage } from './survey-usage';

export interface SurveyView {
  id: string;
  studyId: string | null;
  kind: SurveyKind;
  title: string;
  points: number | null;
  status: 'draft' | 'published';
  questions: Question[];
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export interface SurveySummary extends Omit<SurveyView, 'questions'> {
  questionCount: number;
  assigned: number;
  submitted: number;
}

export interface SurveyInput {
  studyId?: string | null;
  kind: SurveyKind;
  title: string;
  points?: number | null;
  questions: Question[];
}

export const toSurveyView = (s: SurveyEntity): SurveyView => ({
  id: s.id,
  studyId: s.studyId,
  kind: s.kind,
  title: s.title,
  points: s.points,
  status: s.status,
  questions: s.questions,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  publishedAt: s.publishedAt,
});

function assertValid(def: SurveyDefinition): void {
  const problems = validateDefinition(def);
  if (problems.length > 0) {
    invalid(problems, { many: (count) => `The survey has ${count} problems`, code: 'INVALID_SURVEY_DEFINITION' });
  }
}

@Injectable()
export class SurveysService {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly audit: AuditService,
    private readonly usage: SurveyUsage,
  ) {}

  async create(actor: AuthUser, input: SurveyInput): Promise<SurveyView> {
    const title = input.title.trim();
    assertValid({ kind: input.kind, title, questions: input.questions });
    const s = await this.surveys.insert({
      studyId: input.studyId ?? null,
      kind: input.kind,
      title,
      points: input.points ?? null,
      questions: input.questions,
      createdBy: actor.id,
    });
    return toSurveyView(s);
  }

  async update(id: string, patch: Partial<SurveyInput>): Promise<SurveyView> {
    const current = await this.mustFind(id);
    if (current.status !== 'draft')
      throw new SurveyError('SURVEY_PUBLISHED', 'A published survey cannot change; create a new survey instead');
    const next = {
      studyId: patch.studyId !== undefined ? patch.studyId : current.studyId,
      kind: patch.kind ?? current.kind,
      title: patch.title !== undefined ? patch.title.trim() : current.title,
      points: patch.points !== undefined ? patch.points : current.points,
      questions: patch.questions ?? current.questions,
    };
    assertValid({ kind: next.kind, title: next.title, questions: next.questions });
    if (!(await this.surveys.updateDraft(id, next))) {
      throw new SurveyError('SURVEY_PUBLISHED', 'A published survey cannot change; create a new survey instead');
    }
    return toSurveyView(await this.mustFind(id));
  }

  /** Freezes the survey. Publishing a published survey again changes nothing. */
  async publish(id: string): Promise<SurveyView> {
    const current = await this.mustFind(id);
    if (current.status === 'draft') {
      await this.surveys.publish(id);
      await this.audit.record({ action: 'survey.published', targetType: 'survey', targetId: id });
    }
    return toSurveyView(await this.mustFind(id));
  }

  /** A page of surveys (newest first) with their assignment counts. */
  async list(filters: { studyId?: string; kind?: SurveyKind; status?: SurveyStatus }, query: PageQueryDto): Promise<Page<SurveySummary>> {
    const rows = await this.surveys.page(filters, query);
    const page = toPage(
      rows,
      query,
      (s) => s,
      (s) => s.createdAt,
    );
    const counts = await this.usage.count(page.items.map((s) => s.id));
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((s) => {
        const { questions, ...view } = toSurveyView(s);
        const c = counts.get(s.id) ?? { assigned: 0, submitted: 0 };
        return { ...view, questionCount: questions.length, assigned: c.assigned, submitted: c.submitted };
      }),
    };
  }

  async get(id: string): Promise<SurveyView> {
    return toSurveyView(await this.mustFind(id));
  }

  /** For recruitment: a published screener survey, or a 422 saying why not. */
  async publishedScreener(id: string): Promise<SurveyView> {
    const s = await this.surveys.findById(id);
    if (!s) throw new SurveyError('SURVEY_NOT_PUBLISHED', 'The screener survey does not exist');
    if (s.kind !== 'screener') throw new SurveyError('SURVEY_WRONG_KIND', 'The screener survey must be of kind screener');
    if (s.status !== 'published') throw new SurveyError('SURVEY_NOT_PUBLISHED', 'The screener survey must be published first');
    return toSurveyView(s);
  }

  private async mustFind(id: string): Promise<SurveyEntity> {
    const s = await this.surveys.findById(id);
    if (!s) throw new SurveyError('SURVEY_NOT_FOUND', 'Survey was not found');
    return s;
  }
}
