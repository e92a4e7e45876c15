import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import type { StudyStatus } from '../domain';
import { StudyEntity } from './study.entity';

export type NewStudy = Pick<
  StudyEntity,
  'brandId' | 'title' | 'theme' | 'brief' | 'targetSize' | 'incentivePoints' | 'postPoints' | 'criteria' | 'quotas' | 'status' | 'createdBy'
>;

/** Where a study's invitations stand (GET /studies, GET /studies/:id). */
export interface StudyFunnel {
  invited: number;
  pending: number;
  enrolled: number;
  waitlisted: number;
  declined: number;
  expired: number;
}

/** Invitations of one quota cell (key `k`), by status; an unanswered one past its expiry counts as expired. */
export interface CellInvitationCounts {
  k: string;
  invited: number;
  pending: number;
  declined: number;
  expired: number;
}

export interface CellParticipantCounts {
  k: string;
  enrolled: number;
  waitlisted: number;
}

/** The only place that speaks TypeORM for studies, and for the counts of their invitations and participants. */
@Injectable()
export class StudyRepository {
  constructor(@InjectRepository(StudyEntity) private readonly studies: Repository<StudyEntity>) {}

  insert(study: NewStudy): Promise<StudyEntity> {
    return this.studies.save(this.studies.create(study));
  }

  findById(id: string, em?: EntityManager): Promise<StudyEntity | null> {
    return (em ? em.getRepository(StudyEntity) : this.studies).findOne({ where: { id } });
  }

  /** `SELECT … FOR UPDATE` of a study: changes to it, waves and acceptances on it happen one at a time. */
  lockById(em: EntityManager, id: string): Promise<StudyEntity | null> {
    return em.getRepository(StudyEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  async update(em: EntityManager, id: string, patch: Partial<Omit<StudyEntity, 'id'>>): Promise<void> {
    await em.getRepository(StudyEntity).update({ id }, patch as never);
  }

  /** One page of studies, newest first: a brand's only when `brandId` is given (a brand user's, even null). */
  listPage(filter: { brandId?: string | null; status?: StudyStatus }, query: PageQueryDto): Promise<StudyEntity[]> {
    const qb = this.studies.createQueryBuilder('s');
    if (filter.brandId !== undefined) qb.where('s.brand_id = :brandId', { brandId: filter.brandId });
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    return applyKeyset(qb, 's', query).getMany();
  }

  /**
   * The funnel of each study in `ids`, in one statement for a whole page: invitations grouped by
   * study and status beside participants grouped by study (an unanswered invitation past its
   * expiry counts as expired, as the panellist sees it).
   */
  async funnels(ids: string[]): Promise<Map<string, StudyFunnel>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.studies.query(
      `SELECT s.id,
              coalesce(i.invited, 0)::int AS invited, coalesce(i.pending, 0)::int AS pending,
              coalesce(i.declined, 0)::int AS declined, coalesce(i.expired, 0)::int AS expired,
              coalesce(x.enrolled, 0)::int AS enrolled, coalesce(x.waitlisted, 0)::int AS waitlisted
         FROM unnest($1::uuid[]) AS s(id)
         LEFT JOIN (SELECT study_id, count(*) AS invited,
                           count(*) FILTER (WHERE status = 'invited' AND expires_at > now()) AS pending,
                           count(*) FILTER (WHERE status = 'declined') AS declined,
                           count(*) FILTER (WHERE status = 'expired' OR (status = 'invited' AND expires_at <= now())) AS expired
                      FROM study_invitations WHERE study_id = ANY($1::uuid[]) GROUP BY study_id) i ON i.study_id = s.id
         LEFT JOIN (SELECT study_id, count(*) FILTER (WHERE status = 'enrolled') AS enrolled,
                           count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
                      FROM study_participants WHERE study_id = ANY($1::uuid[]) GROUP BY study_id) x ON x.study_id = s.id`,
      [ids],
    )) as Array<StudyFunnel & { id: string }>;
    return new Map(rows.map(({ id, ...f }) => [id, f]));
  }

  /** Invitations and participants of a study per quota cell, counted in SQL (never by loading the lists). */
  cellCounts(studyId: string): Promise<[CellInvitationCounts[], CellParticipantCounts[]]> {
    return Promise.all([
      this.studies.query(
        `SELECT k, count(*)::int AS invited,
                count(*) FILTER (WHERE status = 'invited' AND expires_at > now())::int AS pending,
                count(*) FILTER (WHERE status = 'declined')::int AS declined,
                count(*) FILTER (WHERE status = 'expired' OR (status = 'invited' AND expires_at <= now()))::int AS expired
           FROM study_invitations, unnest(cells) AS k WHERE study_id = $1 GROUP BY k`,
        [studyId],
      ) as Promise<CellInvitationCounts[]>,
      this.studies.query(
        `SELECT k, count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled,
                count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
           FROM study_participants, unnest(cells) AS k WHERE study_id = $1 GROUP BY k`,
        [studyId],
      ) as Promise<CellParticipantCounts[]>,
    ]);
  }

  /** Enrolled participants and open invitations of a study, per quota cell key. */
  async cellProgress(studyId: string, em?: EntityManager): Promise<{ enrolled: Map<string, number>; open: Map<string, number> }> {
    const db = em ?? this.studies.manager;
    const [enrolled, open] = await Promise.all([
      db.query(
        `SELECT k, count(*)::int AS n FROM study_participants, unnest(cells) AS k WHERE study_id = $1 AND status = 'enrolled' GROUP BY k`,
        [studyId],
      ) as Promise<Array<{ k: string; n: number }>>,
      db.query(
        `SELECT k, count(*)::int AS n FROM study_invitations, unnest(cells) AS k WHERE study_id = $1 AND status = 'invited' GROUP BY k`,
        [studyId],
      ) as Promise<Array<{ k: string; n: number }>>,
    ]);
    return { enrolled: new Map(enrolled.map((r) => [r.k, r.n])), open: new Map(open.map((r) => [r.k, r.n])) };
  }
}
