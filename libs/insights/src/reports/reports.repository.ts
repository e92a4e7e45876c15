import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Not, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import { formatPseudonym } from '@leadpanel/studies';
import type { ErasedAuthorship } from './redaction';
import type { ReportContent } from './report-content';
import { ReportEntity } from './report.entity';

export interface ReportOutputs {
  content: ReportContent;
  html: string;
  csv: string;
}

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

  /** A brand's published reports, each with its study's title: one query (the study read across contexts, like the aggregation). */
  async brandPage(brandId: string, query: PageQueryDto): Promise<Array<{ report: ReportEntity; studyTitle: string }>> {
    const qb = this.reports
      .createQueryBuilder('r')
      .select(Object.keys(SUMMARY).map((k) => `r.${k}`))
      .leftJoin('studies', 's', 's.id = r.study_id')
      .addSelect('s.title', 'study_title')
      .where('r.brand_id = :brandId', { brandId })
      .andWhere('r.published_at IS NOT NULL');
    const { entities, raw } = await applyKeyset(qb, 'r', query).getRawAndEntities<{ r_id: string; study_title: string | null }>();
    const titles = new Map(raw.map((row) => [row.r_id, row.study_title ?? '']));
    return entities.map((report) => ({ report, studyTitle: titles.get(report.id) ?? '' }));
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
  async finish(em: EntityManager, id: string, outputs: ReportOutputs, at: Date): Promise<void> {
    await em.getRepository(ReportEntity).update({ id, status: 'generating' }, { ...outputs, status: 'ready', generatedAt: at });
  }

  /**
   * Serialises, per study, the redaction of erased panellists' words with the writing of a
   * finished report: whichever comes second sees the other's result (see ReportErasureService).
   */
  async lockStudyOutputs(em: EntityManager, studyId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('leadpanel:report-outputs:' || $1))`, [studyId]);
  }

  /** Ids of a study's ready reports, oldest first. */
  async readyIds(em: EntityManager, studyId: string): Promise<string[]> {
    const rows = await em
      .getRepository(ReportEntity)
      .find({ where: { studyId, status: 'ready' }, select: { id: true }, order: { version: 'ASC' } });
    return rows.map((r) => r.id);
  }

  contentOf(em: EntityManager, id: string): Promise<ReportEntity | null> {
    return em.getRepository(ReportEntity).findOne({ where: { id }, select: { ...SUMMARY, content: true } });
  }

  async brandsOfStudy(studyId: string): Promise<string[]> {
    const rows = (await this.reports.query(`SELECT DISTINCT brand_id FROM reports WHERE study_id = $1`, [studyId])) as Array<{
      brand_id: string;
    }>;
    return rows.map((r) => r.brand_id);
  }

  /** A ready report's outputs replaced (redaction): its version, status and dates stay. */
  async replaceOutputs(em: EntityManager, id: string, outputs: ReportOutputs): Promise<void> {
    await em.getRepository(ReportEntity).update({ id, status: 'ready' }, outputs);
  }

  /**
   * Studies with at least one report where a panellist may be quoted: where they have a
   * pseudonym, filed feedback or wrote a post. Read across contexts like the aggregation.
   */
  async studiesQuoting(panellistId: string): Promise<string[]> {
    const rows = (await this.reports.query(
      `SELECT DISTINCT s.study_id FROM (
         SELECT study_id FROM study_pseudonyms WHERE panellist_id = $1
         UNION SELECT study_id FROM feedback_items WHERE panellist_id = $1
         UNION SELECT r.study_id FROM discussion_posts p JOIN discussion_rounds r ON r.id = p.round_id WHERE p.author_user_id = $1
       ) s
       WHERE EXISTS (SELECT 1 FROM reports x WHERE x.study_id = s.study_id)`,
      [panellistId],
    )) as Array<{ study_id: string }>;
    return rows.map((r) => r.study_id);
  }

  /** Every erased panellist of a study, as its reports name them (pseudonyms, post ids, feedback ids). */
  async erasedAuthorship(em: EntityManager, studyId: string): Promise<ErasedAuthorship> {
    const erased = `SELECT 1 FROM panellists e WHERE e.status = 'erased' AND e.id =`;
    const numbers = (await em.query(
      `SELECT sp.number FROM study_pseudonyms sp WHERE sp.study_id = $1 AND EXISTS (${erased} sp.panellist_id)`,
      [studyId],
    )) as Array<{ number: number }>;
    const posts = (await em.query(
      `SELECT p.id FROM discussion_posts p JOIN discussion_rounds r ON r.id = p.round_id
        WHERE r.study_id = $1 AND EXISTS (${erased} p.author_user_id)`,
      [studyId],
    )) as Array<{ id: string }>;
    const feedback = (await em.query(`SELECT f.id FROM feedback_items f WHERE f.study_id = $1 AND EXISTS (${erased} f.panellist_id)`, [
      studyId,
    ])) as Array<{ id: string }>;
    return {
      pseudonyms: new Set(numbers.map((r) => formatPseudonym(Number(r.number)))),
      postIds: new Set(posts.map((r) => r.id)),
      feedbackIds: new Set(feedback.map((r) => r.id)),
    };
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
