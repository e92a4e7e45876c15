import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import { ReportShareLinkEntity } from './share-link.entity';

/** The only place that speaks TypeORM for share links. */
@Injectable()
export class ShareLinksRepository {
  constructor(@InjectRepository(ReportShareLinkEntity) private readonly links: Repository<ReportShareLinkEntity>) {}

  async insert(em: EntityManager, link: { reportId: string; createdBy: string; expiresAt: Date }): Promise<ReportShareLinkEntity> {
    const repo = em.getRepository(ReportShareLinkEntity);
    const saved = await repo.save(repo.create({ ...link, revokedAt: null }));
    return repo.findOneByOrFail({ id: saved.id });
  }

  findById(id: string): Promise<ReportShareLinkEntity | null> {
    return this.links.findOneBy({ id });
  }

  reportPage(reportId: string, query: PageQueryDto): Promise<ReportShareLinkEntity[]> {
    const qb = this.links.createQueryBuilder('l').where('l.report_id = :reportId', { reportId });
    return applyKeyset(qb, 'l', query).getMany();
  }

  /** Sets `revoked_at` once; a second revocation keeps the first time. */
  async revoke(em: EntityManager, id: string, at: Date): Promise<boolean> {
    const res = await em.getRepository(ReportShareLinkEntity).update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (res.affected ?? 0) > 0;
  }
}
