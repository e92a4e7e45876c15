import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { ParticipantEntity } from '../invitations/participant.entity';
import { StudyEntity } from '../studies/study.entity';
import type { StudyStatus } from '../domain';

export interface StudySummary {
  id: string;
  brandId: string;
  title: string;
  status: StudyStatus;
  incentivePoints: number;
  postPoints: number;
}

export function formatPseudonym(n: number): string {
  return `P-${String(n).padStart(2, '0')}`;
}

/**
 * What other contexts (surveys, discussions, home testing, insights) read about
 * studies: the study, who takes part, and participants' stable pseudonyms.
 */
@Injectable()
export class StudyDirectory {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(StudyEntity) private readonly studies: Repository<StudyEntity>,
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
  ) {}

  async study(id: string, em?: EntityManager): Promise<StudySummary | null> {
    const s = await (em ? em.getRepository(StudyEntity) : this.studies).findOne({ where: { id } });
    return s
      ? { id: s.id, brandId: s.brandId, title: s.title, status: s.status, incentivePoints: s.incentivePoints, postPoints: s.postPoints }
      : null;
  }

  async isEnrolled(studyId: string, panellistId: string, em?: EntityManager): Promise<boolean> {
    return (
      (await (em ? em.getRepository(ParticipantEntity) : this.participants).count({
        where: { studyId, panellistId, status: 'enrolled' },
      })) > 0
    );
  }

  async enrolledIds(studyId: string, em?: EntityManager): Promise<string[]> {
    const rows = await (em ? em.getRepository(ParticipantEntity) : this.participants).find({
      where: { studyId, status: 'enrolled' },
      select: { panellistId: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((r) => r.panellistId);
  }

  /**
   * Pseudonyms of panellists in a study, numbered in order of first need and kept for
   * ever (`P-01`, `P-02`, …). Assignment is serialised per study by an advisory lock.
   */
  async pseudonyms(studyId: string, panellistIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(panellistIds)];
    if (ids.length === 0) return new Map();
    const read = async (db: EntityManager) =>
      (await db.query(`SELECT panellist_id AS id, number FROM study_pseudonyms WHERE study_id = $1 AND panellist_id = ANY($2::uuid[])`, [
        studyId,
        ids,
      ])) as Array<{
        id: string;
        number: number;
      }>;
    let rows = await read(this.dataSource.manager);
    if (rows.length < ids.length) {
      rows = await this.dataSource.transaction(async (em) => {
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('leadpanel:pseudonyms:' || $1))`, [studyId]);
        await em.query(
          `INSERT INTO study_pseudonyms (study_id, panellist_id, number)
           SELECT $1, m.id, (SELECT coalesce(max(number), 0) FROM study_pseudonyms WHERE study_id = $1) + m.ord
             FROM (SELECT id, row_number() OVER (ORDER BY o) AS ord
                     FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, o)
                    WHERE NOT EXISTS (SELECT 1 FROM study_pseudonyms s WHERE s.study_id = $1 AND s.panellist_id = t.id)) m`,
          [studyId, ids],
        );
        return read(em);
      });
    }
    return new Map(rows.map((r) => [r.id, formatPseudonym(r.number)]));
  }
}
