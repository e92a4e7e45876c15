import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import { FeedbackItemEntity } from './feedback-item.entity';
import { FeedbackMeTooEntity } from './feedback-me-too.entity';
import { FeedbackNoteEntity } from './feedback-note.entity';
import type { FeedbackKind, FeedbackSeverity } from './feedback-rules';
import type { FeedbackStatus } from './feedback-status';

export interface FeedbackFilters {
  kind?: FeedbackKind;
  status?: FeedbackStatus;
  severity?: FeedbackSeverity;
}

export type NewFeedbackItem = Pick<
  FeedbackItemEntity,
  'studyId' | 'panellistId' | 'kind' | 'severity' | 'area' | 'title' | 'body' | 'productId'
>;

export const ERASED_FEEDBACK_TEXT = '[erased]';

/** The only place that speaks TypeORM for feedback items, "me too" votes and notes. */
@Injectable()
export class FeedbackRepository {
  constructor(
    @InjectRepository(FeedbackItemEntity) private readonly items: Repository<FeedbackItemEntity>,
    @InjectRepository(FeedbackMeTooEntity) private readonly meToos: Repository<FeedbackMeTooEntity>,
    @InjectRepository(FeedbackNoteEntity) private readonly notes: Repository<FeedbackNoteEntity>,
  ) {}

  private itemRepo(em?: EntityManager): Repository<FeedbackItemEntity> {
    return em ? em.getRepository(FeedbackItemEntity) : this.items;
  }

  /** Inserts an item and answers the row as stored (uuids as PostgreSQL writes them: lower case, whatever the client sent). */
  async insertItem(item: NewFeedbackItem): Promise<FeedbackItemEntity> {
    const saved = await this.items.save(this.items.create({ ...item, status: 'new', duplicateOfId: null, meTooCount: 0 }));
    return this.items.findOneOrFail({ where: { id: saved.id } });
  }

  /**
   * Whether a product belongs to the study's brand. Products are home testing's rows, a
   * sibling context: one read of `products.brand_id` (no write, no entity import) keeps the
   * dependency order and spares a port for a single yes/no.
   */
  async isProductOfStudyBrand(productId: string, studyId: string): Promise<boolean> {
    const rows = (await this.items.manager.query(
      `SELECT 1 FROM products p JOIN studies s ON s.brand_id = p.brand_id WHERE p.id = $1 AND s.id = $2`,
      [productId, studyId],
    )) as unknown[];
    return rows.length > 0;
  }

  findById(id: string, em?: EntityManager): Promise<FeedbackItemEntity | null> {
    return this.itemRepo(em).findOne({ where: { id } });
  }

  /** Locks the items (an item and the one it will duplicate) in id order, so that two triages never deadlock. */
  lockForTriage(em: EntityManager, ids: string[]): Promise<FeedbackItemEntity[]> {
    return em
      .getRepository(FeedbackItemEntity)
      .createQueryBuilder('f')
      .setLock('pessimistic_write')
      .where('f.id IN (:...ids)', { ids: [...new Set(ids)] })
      .orderBy('f.id', 'ASC')
      .getMany();
  }

  /** One page of a study's items, newest first, narrowed by the filters given. */
  listPage(studyId: string, filters: FeedbackFilters, query: PageQueryDto): Promise<FeedbackItemEntity[]> {
    const qb = this.items.createQueryBuilder('f').where('f.study_id = :studyId', { studyId });
    if (filters.kind) qb.andWhere('f.kind = :kind', { kind: filters.kind });
    if (filters.status) qb.andWhere('f.status = :status', { status: filters.status });
    if (filters.severity) qb.andWhere('f.severity = :severity', { severity: filters.severity });
    return applyKeyset(qb, 'f', query).getMany();
  }

  async applyTriage(em: EntityManager, id: string, change: { status: FeedbackStatus; duplicateOfId: string | null }): Promise<void> {
    await em.getRepository(FeedbackItemEntity).update({ id }, change);
  }

  addNote(em: EntityManager, note: { feedbackId: string; authorUserId: string; body: string }): Promise<FeedbackNoteEntity> {
    const repo = em.getRepository(FeedbackNoteEntity);
    return repo.save(repo.create(note));
  }

  /** Notes of the given items, oldest first. */
  notesOf(feedbackIds: string[], em?: EntityManager): Promise<FeedbackNoteEntity[]> {
    if (feedbackIds.length === 0) return Promise.resolve([]);
    return (em ? em.getRepository(FeedbackNoteEntity) : this.notes).find({
      where: { feedbackId: In(feedbackIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Records a "me too" and returns the item's count. A second vote by the same
   * panellist inserts nothing (ON CONFLICT DO NOTHING on the primary key) and leaves
   * the count alone; a concurrent duplicate waits for the first and then does nothing.
   * The count moves without touching updated_at: a vote is not an edit of the item.
   */
  async addMeToo(em: EntityManager, feedbackId: string, panellistId: string): Promise<number> {
    const res = await em
      .createQueryBuilder()
      .insert()
      .into(FeedbackMeTooEntity)
      .values({ feedbackId, panellistId })
      .orIgnore()
      .returning(['feedbackId'])
      .execute();
    if ((res.raw as unknown[]).length > 0) {
      // UPDATE through query(): TypeORM answers [rows, affected] for an UPDATE
      const [rows] = (await em.query(`UPDATE feedback_items SET me_too_count = me_too_count + 1 WHERE id = $1 RETURNING me_too_count`, [
        feedbackId,
      ])) as [Array<{ me_too_count: number }>, number];
      return rows[0].me_too_count;
    }
    return (await em.getRepository(FeedbackItemEntity).findOneOrFail({ where: { id: feedbackId }, select: { id: true, meTooCount: true } }))
      .meTooCount;
  }

  /** Data rights: what a panellist filed, and the items they said "me too" to. */
  filedBy(panellistId: string): Promise<FeedbackItemEntity[]> {
    return this.items.find({ where: { panellistId }, order: { createdAt: 'ASC' } });
  }

  meTooBy(panellistId: string): Promise<FeedbackMeTooEntity[]> {
    return this.meToos.find({ where: { panellistId }, order: { createdAt: 'ASC' } });
  }

  /** Erasure: the author's free text (title, body, area) is blanked; kind, severity, status and counts stay so reports remain true. */
  async eraseAuthor(em: EntityManager, panellistId: string): Promise<void> {
    await em
      .getRepository(FeedbackItemEntity)
      .update({ panellistId }, { title: ERASED_FEEDBACK_TEXT, body: ERASED_FEEDBACK_TEXT, area: null });
  }
}
