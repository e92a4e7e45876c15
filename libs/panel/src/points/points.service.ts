import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { PointsEntryEntity } from './points-entry.entity';

export interface PointsCredit {
  panellistId: string;
  delta: number;
  /** e.g. survey_submitted, first_post, sample_returned */
  reason: string;
  /** unique per panellist: the same key is never credited twice */
  key: string;
  note?: string;
}

export interface PointsEntryView {
  id: string;
  delta: number;
  reason: string;
  note: string | null;
  createdAt: Date;
}

/** The append-only points ledger: balance = sum of entries; a key is credited at most once. */
@Injectable()
export class PointsService {
  constructor(@InjectRepository(PointsEntryEntity) private readonly repo: Repository<PointsEntryEntity>) {}

  /** Credits inside the caller's transaction; returns false when that key was already credited. */
  async credit(em: EntityManager, credit: PointsCredit): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .insert()
      .into(PointsEntryEntity)
      .values({ panellistId: credit.panellistId, delta: credit.delta, reason: credit.reason, key: credit.key, note: credit.note ?? null })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (res.raw as unknown[]).length === 1;
  }

  async balance(panellistId: string): Promise<number> {
    const row = (await this.repo
      .createQueryBuilder('p')
      .select('COALESCE(SUM(p.delta), 0)', 'balance')
      .where('p.panellist_id = :panellistId', { panellistId })
      .getRawOne()) as { balance: string } | undefined;
    return Number(row?.balance ?? 0);
  }

  async entries(panellistId: string): Promise<PointsEntryView[]> {
    const rows = await this.repo.find({ where: { panellistId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map((r) => ({ id: r.id, delta: r.delta, reason: r.reason, note: r.note, createdAt: r.createdAt }));
  }
}
