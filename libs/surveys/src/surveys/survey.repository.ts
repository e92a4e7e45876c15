import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import type { SurveyKind } from '../definitions';
import { AssignmentEntity } from '../assignments/assignment.entity';
import { SurveyEntity, type SurveyStatus } from './survey.entity';

@Injectable()
export class SurveyRepository {
  constructor(@InjectRepository(SurveyEntity) private readonly repo: Repository<SurveyEntity>) {}

  /** A page of surveys, newest first, filtered by study, kind and status (each optional). */
  page(filters: { studyId?: string; kind?: SurveyKind; status?: SurveyStatus }, query: PageQueryDto): Promise<SurveyEntity[]> {
    const qb = this.repo.createQueryBuilder('s');
    if (filters.studyId) qb.andWhere('s.studyId = :studyId', { studyId: filters.studyId });
    if (filters.kind) qb.andWhere('s.kind = :kind', { kind: filters.kind });
    if (filters.status) qb.andWhere('s.status = :status', { status: filters.status });
    return applyKeyset(qb, 's', query).getMany();
  }

  /** Assignments and submitted ones per survey, for the given surveys (absent: none). */
  async assignmentCounts(surveyIds: string[]): Promise<Map<string, { assigned: number; submitted: number }>> {
    const out = new Map<string, { assigned: number; submitted: number }>();
    if (surveyIds.length === 0) return out;
    const rows = await this.repo.manager
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .select('a.surveyId', 'surveyId')
      .addSelect('count(*)::int', 'assigned')
      .addSelect("count(*) FILTER (WHERE a.status = 'submitted')::int", 'submitted')
      .where('a.surveyId IN (:...ids)', { ids: surveyIds })
      .groupBy('a.surveyId')
      .getRawMany<{ surveyId: string; assigned: number; submitted: number }>();
    for (const r of rows) out.set(r.surveyId, { assigned: Number(r.assigned), submitted: Number(r.submitted) });
    return out;
  }

  findById(id: string): Promise<SurveyEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  insert(survey: Omit<SurveyEntity, 'id' | 'createdAt' | 'updatedAt' | 'publishedAt' | 'status'>): Promise<SurveyEntity> {
    return this.repo.save(this.repo.create({ ...survey, status: 'draft' }));
  }

  /** Saves a draft's new content; false when it was published meanwhile. */
  async updateDraft(id: string, patch: Pick<SurveyEntity, 'kind' | 'title' | 'points' | 'questions' | 'studyId'>): Promise<boolean> {
    const res = await this.repo
      .createQueryBuilder()
      .update()
      .set(patch as never)
      .where('id = :id AND status = :draft', { id, draft: 'draft' })
      .execute();
    return (res.affected ?? 0) === 1;
  }

  async publish(id: string, em?: EntityManager): Promise<void> {
    await (em ? em.getRepository(SurveyEntity) : this.repo).update(
      { id, status: 'draft' },
      { status: 'published', publishedAt: () => 'now()' },
    );
  }
}
