import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Raw, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto, type PanellistStatus } from '@leadpanel/platform';
import { ScreenerResponseEntity } from '../recruitment/screener-response.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { PanellistAddressEntity } from './panellist-address.entity';
import { PanellistStatusChangeEntity } from './panellist-status-change.entity';
import { PanellistEntity } from './panellist.entity';

export type NewStatusChange = Pick<PanellistStatusChangeEntity, 'panellistId' | 'fromStatus' | 'toStatus' | 'reason' | 'actorUserId'>;
export type AddressRow = Omit<PanellistAddressEntity, 'panellist' | 'updatedAt'>;

/** A researcher's filters on the panel list, as the query takes them (values already checked and typed). */
export interface PanellistListFilter {
  status?: PanellistStatus;
  /** upper case */
  country?: string;
  tier?: string;
  minScore?: number;
  /** JSON the attributes must contain */
  attributes?: string;
  /** display name LIKE `pattern` (lower case, escaped), or one of `emailIds` */
  search?: { pattern: string; emailIds: string[] };
}

/** Addresses are read in slices of this many ids. */
const ADDRESS_SLICE = 5000;

/** The only place that speaks TypeORM for panellists, their addresses and status history. */
@Injectable()
export class PanellistRepository {
  constructor(@InjectRepository(PanellistEntity) private readonly panellists: Repository<PanellistEntity>) {}

  private repo(em?: EntityManager): Repository<PanellistEntity> {
    return em ? em.getRepository(PanellistEntity) : this.panellists;
  }

  findById(id: string): Promise<PanellistEntity | null> {
    return this.panellists.findOne({ where: { id } });
  }

  /** `SELECT … FOR UPDATE` of a panellist: status changes, opting out and erasure happen one at a time. */
  lockById(em: EntityManager, id: string): Promise<PanellistEntity | null> {
    return em.getRepository(PanellistEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  async update(id: string, patch: Partial<Omit<PanellistEntity, 'id'>>, em?: EntityManager): Promise<void> {
    await this.repo(em).update({ id }, patch as never);
  }

  /** Panellists by id (erased ones included), with one array parameter however many (a wave looks up 10,000). */
  findMany(ids: string[], em?: EntityManager): Promise<PanellistEntity[]> {
    return this.repo(em).find({ where: { id: Raw((col) => `${col} = ANY(CAST(:ids AS uuid[]))`, { ids }) } });
  }

  async statusesOf(ids: string[]): Promise<Array<{ id: string; status: PanellistStatus }>> {
    return this.panellists.find({ where: { id: In(ids) }, select: { id: true, status: true } });
  }

  /** One page of the panel (erased panellists left out), narrowed by the filters given. */
  listPage(filter: PanellistListFilter, query: PageQueryDto): Promise<PanellistEntity[]> {
    const qb = this.panellists.createQueryBuilder('p').where('p.status <> :erased', { erased: 'erased' });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.country) qb.andWhere('p.country = :country', { country: filter.country });
    if (filter.tier) qb.andWhere('p.tier = :tier', { tier: filter.tier });
    if (filter.minScore !== undefined) qb.andWhere('p.score_overall >= :minScore', { minScore: filter.minScore });
    if (filter.attributes) qb.andWhere('p.attributes @> CAST(:attribute AS jsonb)', { attribute: filter.attributes });
    const search = filter.search;
    if (search) {
      qb.andWhere(
        new Brackets((w) => {
          w.where(`lower(p.display_name) LIKE :pattern ESCAPE '\\'`, { pattern: search.pattern });
          if (search.emailIds.length > 0) w.orWhere('p.id IN (:...emailIds)', { emailIds: search.emailIds });
        }),
      );
    }
    return applyKeyset(qb, 'p', query).getMany();
  }

  /** Active panellists last active before `cutoff` become dormant; answers their ids. */
  async markDormant(em: EntityManager, cutoff: Date): Promise<string[]> {
    const rows = (await em.query(
      `UPDATE panellists SET status = 'dormant', updated_at = now()
          WHERE status = 'active' AND last_active_at < $1 RETURNING id`,
      [cutoff],
    )) as [Array<{ id: string }>, number];
    return rows[0].map((r) => r.id);
  }

  // ---- status history ---------------------------------------------------

  async recordStatusChanges(em: EntityManager, changes: NewStatusChange | NewStatusChange[]): Promise<void> {
    await em.getRepository(PanellistStatusChangeEntity).insert(changes);
  }

  statusHistoryOf(panellistId: string): Promise<PanellistStatusChangeEntity[]> {
    return this.panellists.manager.getRepository(PanellistStatusChangeEntity).find({ where: { panellistId }, order: { createdAt: 'ASC' } });
  }

  // ---- what the researcher's detail view shows ---------------------------

  referralsMadeBy(panellistId: string): Promise<ReferralEntity[]> {
    return this.panellists.manager
      .getRepository(ReferralEntity)
      .find({ where: { referrerPanellistId: panellistId }, order: { createdAt: 'ASC' } });
  }

  screenerResponseOf(panellistId: string, campaignId: string): Promise<ScreenerResponseEntity | null> {
    return this.panellists.manager.getRepository(ScreenerResponseEntity).findOne({ where: { panellistId, campaignId } });
  }

  // ---- addresses --------------------------------------------------------

  addressOf(panellistId: string): Promise<PanellistAddressEntity | null> {
    return this.panellists.manager.getRepository(PanellistAddressEntity).findOne({ where: { panellistId } });
  }

  async upsertAddress(address: AddressRow): Promise<void> {
    await this.panellists.manager.getRepository(PanellistAddressEntity).upsert(address, ['panellistId']);
  }

  /** Addresses of panellists with the panellist joined (for the recipient's name); erased panellists left out. */
  async addressesWithPanellist(ids: string[], em?: EntityManager): Promise<PanellistAddressEntity[]> {
    const db = em ?? this.panellists.manager;
    const out: PanellistAddressEntity[] = [];
    for (let i = 0; i < ids.length; i += ADDRESS_SLICE) {
      const rows = await db
        .getRepository(PanellistAddressEntity)
        .createQueryBuilder('a')
        .innerJoinAndSelect('a.panellist', 'p')
        .where('a.panellist_id IN (:...ids)', { ids: ids.slice(i, i + ADDRESS_SLICE) })
        .andWhere(`p.status <> 'erased'`)
        .getMany();
      out.push(...rows);
    }
    return out;
  }
}
