import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Not, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import type { ReportContent } from './report-content';
import { ReportEntity } from './report.entity';

/** Columns of a report without its (large) outputs. */
const SUMMARY = {
  id: true,
  studyId: true,
  brandId: true,
  version: true,
  status: true,
  error: true,
  requestedBy: true,
  createdAt: true,
  startedAt: true,
  generatedAt: true,
  publishedAt: true,
  publishedBy: true,
} as const;

/** The only place that speaks TypeORM for reports. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>) {}

  /** The next version of a study's report, queued; versions are serialised per study by an advisory lock. */
  async insertNext(em: EntityManager, studyId: string, brandId: string, requestedBy: string): Promise<ReportEntity> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('leadpanel:reports:' || $1))`, [studyId]);
    const [{ next }] = (await em.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM reports WHERE study_id = $1`, [
      studyId,
    ])) as Array<{
      next: number;
    }>;
    const repo = em.getRepository(ReportEntity);
    const saved = await repo.save(repo.create({ studyId, brandId, version: Number(next), status: 'queued', requestedBy }));
    return repo.findOneOrFail({ where: { id: saved.id }, select: SUMMARY });
  }

  summary(id: string, em?: EntityManager): Promise<ReportEntity | null> {
    return (em ? em.getRepository(ReportEntity) : this.reports).findOne({ where: { id }, select: SUMMARY });
  }

  output(id: string, what: 'content' | 'html' | 'csv'): Promise<ReportEntity | null> {
    return this.reports.findOne({ where: { id }, select: { ...SUMMARY, [what]: true } });
  }

  studyPage(studyId: string, publishedOnly: boolean, query: PageQueryDto): Promise<ReportEntity[]> {
    const qb = this.reports
      .createQueryBuilder('r')
      .select(Object.keys(SUMMARY).map((k) => `r.${k}`))
      .where('r.study_id = :studyId', { studyId });
    if (publishedOnly) qb.andWhere('r.published_at IS NOT NULL');
    return applyKeyset(qb, 'r', query).getMany();
  }

  brandPage(brandId: string, query: PageQueryDto): Promise<ReportEntity[]> {
    const qb = this.reports
      .createQueryBuilder('r')
      .select(Object.keys(SUMMARY).map((k) => `r.${k}`))
      .where('r.brand_id = :brandId', { brandId })
      .andWhere('r.published_at IS NOT NULL');
    return applyKeyset(qb, 'r', query).getMany();
  }

  /** queued → generating (also a retried job's generating → generating); false when the report is already finished. */
  async start(id: string, at: Date): Promise<boolean> {
    const res = await this.reports.update(
      { id, status: Not('ready'), generatedAt: IsNull(), error: IsNull() },
      { status: 'generating', startedAt: at },
    );
    return (res.affected ?? 0) > 0;
  }

  /** Everything at once: the report is whole or not there. */
  async finish(id: string, outputs: { content: ReportContent; html: string; csv: string }, at: Date): Promise<void> {
    await this.reports.update({ id, status: 'generating' }, { ...outputs, status: 'ready', generatedAt: at });
  }

  async fail(id: string, error: string): Promise<void> {
    await this.reports.update({ id, status: 'generating' }, { status: 'failed', error: error.slice(0, 2000) });
  }

  async publish(em: EntityManager, id: string, by: string, at: Date): Promise<boolean> {
    const res = await em
      .getRepository(ReportEntity)
      .update({ id, status: 'ready', publishedAt: IsNull() }, { publishedAt: at, publishedBy: by });
    return (res.affected ?? 0) > 0;
  }
}
