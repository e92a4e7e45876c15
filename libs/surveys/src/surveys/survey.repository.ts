import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import type { SurveyKind } from '../definitions';
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
